import type { Diagnostic } from '../../core/index.js';
import type { DialectName, Expr } from '../../sql/index.js';
import { parseFragment } from './parse-fragment.js';
import { readJoinKeys } from './read-join-keys.js';
import type {
  DefinitionSite,
  SemanticColumn,
  SemanticJoin,
  SemanticMeasure,
  SemanticSegment,
  SemanticSource,
} from './semantic-model.js';
import type { SourceDraft } from './source-draft.js';

/**
 * Turns a composed draft into the resolved source: every SQL fragment parsed in the connection's
 * dialect, defaults filled (visibility `public`; role `time` for time columns, else `default`). A
 * fragment that does not parse leaves out its column, join, measure or segment with an error; the
 * rest of the source stays usable.
 */
export function resolveDraft(
  draft: SourceDraft,
  dialect: DialectName,
): { source: SemanticSource; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const parse = (text: string, site: DefinitionSite, key: string, subject: string): Expr | undefined => {
    const result = parseFragment(text, dialect, site, key, subject);
    if (result.ok) return result.expr;
    diagnostics.push(result.diagnostic);
    return undefined;
  };

  const columns: SemanticColumn[] = [];
  for (const column of draft.columns) {
    const expr =
      column.expr === undefined
        ? undefined
        : parse(column.expr, column.site, 'expr', `column \`${column.name}\``);
    if (column.expr !== undefined && !expr) continue;
    if (!column.type) {
      diagnostics.push({
        severity: 'error',
        code: 'missing-column-type',
        message: `column \`${column.name}\` has no type; it is treated as string`,
        ...column.site,
        fix: 'add `type: string|number|time|boolean`, or inherit it with `inherits_columns_from`',
      });
    }
    const type = column.type ?? 'string';
    columns.push({
      name: column.name,
      type,
      role: column.role ?? (type === 'time' ? 'time' : 'default'),
      visibility: column.visibility ?? 'public',
      ...(expr ? { expr } : {}),
      ...(column.description ? { description: column.description } : {}),
      site: column.site,
      metadata: column.metadata,
    });
  }

  const joins: SemanticJoin[] = [];
  for (const join of draft.joins) {
    const on = parse(join.on, join.site, 'on', `join to \`${join.to}\``);
    if (!on) continue;
    const keys = readJoinKeys(join, draft.name, on);
    if (!keys.ok) {
      diagnostics.push(keys.diagnostic);
      continue;
    }
    joins.push({
      to: join.to,
      ...(join.alias ? { alias: join.alias } : {}),
      relationship: join.relationship,
      keys: keys.keys,
      on: join.on,
      site: join.site,
    });
  }

  const measures: SemanticMeasure[] = [];
  for (const measure of draft.measures) {
    const subject = `measure \`${measure.name}\``;
    const expr = parse(measure.expr, measure.site, 'expr', subject);
    const filter =
      measure.filter === undefined ? undefined : parse(measure.filter, measure.site, 'filter', subject);
    if (!expr || (measure.filter !== undefined && !filter)) continue;
    measures.push({
      name: measure.name,
      expr,
      ...(filter ? { filter } : {}),
      segments: measure.segments,
      ...(measure.window ? { window: measure.window } : {}),
      ...(measure.description ? { description: measure.description } : {}),
      site: measure.site,
    });
  }

  const segments: SemanticSegment[] = [];
  for (const segment of draft.segments) {
    const expr = parse(segment.expr, segment.site, 'expr', `segment \`${segment.name}\``);
    if (!expr) continue;
    segments.push({
      name: segment.name,
      expr,
      ...(segment.description ? { description: segment.description } : {}),
      site: segment.site,
    });
  }

  const source: SemanticSource = {
    name: draft.name,
    relation: draft.relation,
    grain: draft.grain,
    columns,
    joins,
    measures,
    segments,
    ...(draft.description ? { description: draft.description } : {}),
    file: draft.site.file,
    site: draft.site,
    grainSite: draft.grainSite,
    ...(draft.physicalColumns ? { physicalColumns: draft.physicalColumns } : {}),
    metadata: draft.metadata,
  };
  return { source, diagnostics };
}
