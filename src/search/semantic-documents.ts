import type { SemanticModel, SemanticSource } from '../semantic/index.js';
import type { SearchDocument } from './search-types.js';

/**
 * Words of a SQL expression tree (function names, columns, string literals), so a measure defined as
 * `sum(amount)` with `status = 'paid'` is found by "paid amount". Walks the AST generically: search
 * may not import the sql layer's printer, and words are all it needs.
 */
export function expressionWords(expr: unknown, out: string[] = []): string[] {
  if (Array.isArray(expr)) {
    for (const item of expr) expressionWords(item, out);
  } else if (expr && typeof expr === 'object') {
    const node = expr as Record<string, unknown>;
    if (node.kind === 'column' || node.kind === 'call') {
      if (typeof node.table === 'string') out.push(node.table);
      if (typeof node.name === 'string') out.push(node.name);
    }
    if (node.kind === 'string' && typeof node.value === 'string') out.push(node.value);
    for (const [key, value] of Object.entries(node))
      if (key !== 'kind' && typeof value === 'object') expressionWords(value, out);
  }
  return out;
}

function tagsOf(source: SemanticSource): string[] {
  return Object.values(source.metadata?.tags ?? {}).flat();
}

/**
 * The documents of one connection's semantic layer: each source, measure, segment and column.
 * Columns of scanned tables nobody has curated (defined only by an `_schema/` manifest) are kind
 * `column`; columns of authored sources and overlays are `dimension`.
 */
export function semanticDocuments(model: SemanticModel, connectionId: string): SearchDocument[] {
  return [...model.sources.values()].flatMap((source) => sourceDocuments(source, connectionId));
}

/** The documents of one source: itself, its measures, segments and visible columns. */
export function sourceDocuments(source: SemanticSource, connectionId: string): SearchDocument[] {
  const docs: SearchDocument[] = [];
  const path = source.file;
  const scannedOnly = path !== undefined && /(^|\/)_schema\//.test(path);
  const relation = source.relation.kind === 'table' ? source.relation.path.join('.') : 'SQL';
  const common = { connectionId, ...(path ? { path } : {}) };
  const tags = tagsOf(source);
  docs.push({
    kind: 'source',
    key: source.name,
    title: source.name,
    names: [source.name, relation],
    ...(source.description ? { summary: source.description } : {}),
    body: [
      `Table ${relation}.`,
      source.columns.length > 0 ? `Columns: ${source.columns.map((column) => column.name).join(', ')}.` : '',
      source.measures.length > 0
        ? `Measures: ${source.measures.map((measure) => measure.name).join(', ')}.`
        : '',
      source.segments.length > 0
        ? `Segments: ${source.segments.map((segment) => segment.name).join(', ')}.`
        : '',
      source.joins.length > 0
        ? `Joins: ${source.joins.map((join) => join.alias ?? join.to).join(', ')}.`
        : '',
    ]
      .filter(Boolean)
      .join(' '),
    tags,
    ...common,
  });
  for (const measure of source.measures) {
    docs.push({
      kind: 'measure',
      key: `${source.name}.${measure.name}`,
      title: `${source.name}.${measure.name}`,
      names: [measure.name, source.name],
      ...(measure.description ? { summary: measure.description } : {}),
      body: [
        `Measure of ${source.name}:`,
        expressionWords(measure.expr).join(' '),
        measure.filter ? `where ${expressionWords(measure.filter).join(' ')}` : '',
        measure.segments.length > 0 ? `segments ${measure.segments.join(', ')}` : '',
        measure.window ? `window ${measure.window.kind}` : '',
      ]
        .filter(Boolean)
        .join(' '),
      tags,
      ...common,
    });
  }
  for (const segment of source.segments) {
    docs.push({
      kind: 'segment',
      key: `${source.name}.${segment.name}`,
      title: `${source.name}.${segment.name}`,
      names: [segment.name, source.name],
      ...(segment.description ? { summary: segment.description } : {}),
      body: `Segment of ${source.name}: ${expressionWords(segment.expr).join(' ')}`,
      tags,
      ...common,
    });
  }
  for (const column of source.columns) {
    if (column.visibility === 'hidden') continue;
    docs.push({
      kind: scannedOnly ? 'column' : 'dimension',
      key: `${source.name}.${column.name}`,
      title: `${source.name}.${column.name}`,
      names: [column.name, source.name],
      ...(column.description ? { summary: column.description } : {}),
      body: [
        `${column.type}${column.role === 'time' ? ' time' : ''} column of ${source.name}`,
        column.metadata?.nativeType ? `(${column.metadata.nativeType})` : '',
        column.expr ? `computed from ${expressionWords(column.expr).join(' ')}` : '',
        Object.values(column.metadata?.enumValues ?? {})
          .flat()
          .join(', '),
      ]
        .filter(Boolean)
        .join(' '),
      ...common,
    });
  }
  return docs;
}
