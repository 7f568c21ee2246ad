import type { Connector, IntrospectedTable } from '../../connectors/port.js';
import type { TableProfile } from '../profile/table-profile.js';
import type { Candidate } from './candidate.js';
import { compositeCandidates } from './composite-candidates.js';
import { decide, refOf, unvalidated } from './decide.js';
import { inferPrimaryKeys } from './infer-primary-keys.js';
import { nameCandidates } from './name-candidates.js';
import {
  type PrimaryKeyFinding,
  type RelationshipFinding,
  type RelationshipsResult,
  relationshipId,
} from './relationship.js';
import { buildTableIndex, type ColumnInfo, type TableInfo, uniqueInSample } from './table-index.js';
import { mapPool, Validator } from './validator.js';
import { valueCandidates } from './value-candidates.js';

export interface DiscoverInput {
  connector: Connector;
  tables: readonly IntrospectedTable[];
  /** Profiles by `schema.table`; tables without one still get declared and name-based candidates. */
  profiles: ReadonlyMap<string, TableProfile>;
  /** Most validation and key-check statements to run. */
  budget: number;
  concurrency: number;
  timeoutMs: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

const ROUNDS = 3;

function formalFindings(tables: readonly TableInfo[]): RelationshipFinding[] {
  const byKey = new Map(tables.map((table) => [table.key, table]));
  return tables.flatMap((table) =>
    table.source.foreignKeys.flatMap((foreignKey) => {
      const target = byKey.get(`${foreignKey.referencedSchema}.${foreignKey.referencedTable}`);
      if (!target) return [];
      const from = { schema: table.source.schema, table: table.source.name, columns: foreignKey.columns };
      const to = {
        schema: target.source.schema,
        table: target.source.name,
        columns: foreignKey.referencedColumns,
      };
      const keys = [table.source.primaryKey, ...table.source.uniqueKeys].filter((key) => key.length > 0);
      const unique = keys.some(
        (key) =>
          key.length === foreignKey.columns.length &&
          key.every((column) => foreignKey.columns.includes(column)),
      );
      return [
        {
          id: relationshipId(from, to),
          from,
          to,
          origin: 'formal' as const,
          status: 'accepted' as const,
          relationship: unique ? ('one_to_one' as const) : ('many_to_one' as const),
          nameScore: 1,
          score: 1,
          reasons: ['declared foreign key'],
        },
      ];
    }),
  );
}

const columnsKey = (columns: readonly ColumnInfo[]) =>
  `${columns[0]!.table.key}(${columns.map((column) => column.name).join(',')})`;

/**
 * Relationship discovery: declared foreign keys first (accepted as `formal`); then candidates from
 * names and, for columns with no naming signal, from overlap of sampled values; each validated by
 * read-only SQL (target key check, distinct-value containment) within a query budget spent best
 * candidate first — one candidate per column per round, further rounds only for columns still
 * without an accepted target — then primary keys, composite keys and cardinality.
 */
export async function discoverRelationships(input: DiscoverInput): Promise<RelationshipsResult> {
  const started = performance.now();
  const tables = buildTableIndex(input.tables, input.profiles);
  const formal = formalFindings(tables);
  const declaredSources = new Set(
    formal.map((found) => `${found.from.schema}.${found.from.table}(${found.from.columns.join(',')})`),
  );
  const validator = new Validator(input.connector, input.budget, input.timeoutMs, input.signal);

  const named = nameCandidates(tables).filter(
    (candidate) => !declaredSources.has(columnsKey(candidate.from)),
  );
  const namedColumns = new Set(named.map((candidate) => candidate.from[0]!));
  const byValue = valueCandidates(
    tables,
    new Set([
      ...namedColumns,
      ...tables.flatMap((table) =>
        table.columns.filter((column) => declaredSources.has(columnsKey([column]))),
      ),
    ]),
  );
  const groups = new Map<string, Candidate[]>();
  for (const candidate of [...named, ...byValue.candidates]) {
    const key = columnsKey(candidate.from);
    groups.set(key, [...(groups.get(key) ?? []), candidate]);
  }
  for (const list of groups.values()) list.sort((left, right) => right.nameScore - left.nameScore);

  const results = new Map<string, RelationshipFinding[]>();
  const position = new Map<string, number>([...groups.keys()].map((key) => [key, 0]));
  const total = named.length + byValue.candidates.length;
  let done = 0;
  const evaluate = async (candidate: Candidate): Promise<RelationshipFinding> => {
    try {
      if (validator.exhausted) return unvalidated(candidate, 'query budget spent before this candidate');
      const target = refOf(candidate.to);
      // Declared keys are checked too: warehouses often declare keys they do not enforce.
      const key = await validator.keyCheck(target);
      if (!key) return unvalidated(candidate, `key check failed: ${validator.lastError ?? 'unknown error'}`);
      if (key.keyedRows === 0 || key.distinctKeys / key.keyedRows < 0.99)
        return decide(candidate, key, undefined);
      if (validator.exhausted) return unvalidated(candidate, 'query budget spent before this candidate');
      return decide(candidate, key, await validator.containment(refOf(candidate.from), target));
    } finally {
      done += 1;
      input.onProgress?.(done, total);
    }
  };
  for (let round = 0; round < ROUNDS; round++) {
    const batch: [string, Candidate][] = [];
    for (const [key, list] of groups) {
      const at = position.get(key)!;
      if (at >= list.length || results.get(key)?.some((found) => found.status === 'accepted')) continue;
      // The next candidate, plus any tied with it: ties are decided by the data, not by order.
      let end = at + 1;
      while (end < list.length && Math.abs(list[end]!.nameScore - list[at]!.nameScore) < 1e-9) end += 1;
      if (list[at]!.origin === 'value') end = list.length;
      for (const candidate of list.slice(at, end)) batch.push([key, candidate]);
      position.set(key, end);
    }
    if (batch.length === 0) break;
    batch.sort((left, right) => right[1].nameScore - left[1].nameScore);
    const decided = await mapPool(batch, input.concurrency, ([, candidate]) => evaluate(candidate));
    batch.forEach(([key], index) => {
      results.set(key, [...(results.get(key) ?? []), decided[index]!]);
    });
  }

  // One accepted target per source column: the strongest name wins; a tie (or two fitting value
  // targets) is ambiguous and goes to review.
  const inferred: RelationshipFinding[] = [];
  for (const list of results.values()) {
    const accepted = list.filter((found) => found.status === 'accepted');
    if (accepted.length > 1) {
      accepted.sort(
        (left, right) =>
          right.nameScore - left.nameScore ||
          (right.validation?.coverage ?? 0) - (left.validation?.coverage ?? 0),
      );
      const best = accepted[0]!;
      const tied = accepted.filter(
        (found) =>
          found.nameScore === best.nameScore && found.validation?.coverage === best.validation?.coverage,
      );
      for (const found of accepted) {
        if (tied.length > 1 && tied.includes(found)) {
          found.status = 'review';
          found.reasons.push('ambiguous: another target fits equally well');
        } else if (found !== best) {
          found.status = 'rejected';
          found.reasons.push(`conflict lost to ${best.to.table}.${best.to.columns.join(',')}`);
        }
      }
    }
    inferred.push(...list);
  }
  for (const entry of byValue.ambiguous) {
    const from = refOf([entry.column]);
    inferred.push({
      id: `${relationshipId(from, { schema: '*', table: '*', columns: [] })}`,
      from,
      to: { schema: '*', table: '*', columns: [] },
      origin: 'value',
      status: 'review',
      relationship: 'many_to_one',
      nameScore: 0,
      score: 0,
      reasons: [
        `values fit ${entry.targets.length} key columns (${entry.targets
          .slice(0, 5)
          .map((target) => `${target.table.source.name}.${target.name}`)
          .join(', ')}…): too ambiguous to validate`,
      ],
    });
  }

  const primaryKeys: PrimaryKeyFinding[] = await inferPrimaryKeys(tables, inferred, validator);
  const composite = await compositeCandidates(
    tables,
    primaryKeys,
    declaredSources,
    validator,
    input.concurrency,
  );
  const relationships = [...formal, ...inferred, ...composite];

  // Cardinality of accepted inferred joins: one-to-one when the source columns are a key themselves.
  const byKey = new Map(tables.map((table) => [table.key, table]));
  await mapPool(
    relationships.filter((found) => found.status === 'accepted' && found.origin !== 'formal'),
    input.concurrency,
    async (found) => {
      const table = byKey.get(`${found.from.schema}.${found.from.table}`)!;
      const columns = found.from.columns.map((name) => table.byName.get(name)!);
      const declared = [table.source.primaryKey, ...table.source.uniqueKeys].some(
        (key) => key.length === columns.length && key.every((name) => found.from.columns.includes(name)),
      );
      const inferredKey = primaryKeys.some(
        (key) =>
          key.table === table.source.name &&
          key.schema === table.source.schema &&
          key.status === 'accepted' &&
          key.columns.length === columns.length &&
          key.columns.every((name) => found.from.columns.includes(name)),
      );
      if (declared || inferredKey) {
        found.relationship = 'one_to_one';
        return;
      }
      if (columns.length === 1 && uniqueInSample(columns[0]!) && !validator.exhausted) {
        const check = await validator.keyCheck(found.from);
        if (check && check.keyedRows > 0 && check.distinctKeys === check.keyedRows)
          found.relationship = 'one_to_one';
      }
    },
  );

  relationships.sort((left, right) => left.id.localeCompare(right.id));
  const count = (origin: Candidate['origin']) =>
    relationships.filter((found) => found.origin === origin).length;
  return {
    relationships,
    primaryKeys: primaryKeys.sort((left, right) =>
      `${left.schema}.${left.table}`.localeCompare(`${right.schema}.${right.table}`),
    ),
    diagnostics: {
      queries: validator.queries,
      budget: input.budget,
      candidates: {
        formal: count('formal'),
        name: count('name'),
        value: count('value'),
        composite: count('composite'),
      },
      unvalidated: relationships.filter((found) =>
        found.reasons.includes('query budget spent before this candidate'),
      ).length,
      failedQueries: validator.failed,
      elapsedMs: Math.round(performance.now() - started),
    },
  };
}
