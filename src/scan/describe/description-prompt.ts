import { createHash } from 'node:crypto';
import type { CellValue, IntrospectedTable, LogicalType } from '../../connectors/port.js';
import type { ColumnProfile, TableProfile } from '../profile/table-profile.js';

/** Bumped when the prompt or the answer's meaning changes, so cached descriptions are regenerated. */
const PROMPT_VERSION = 1;
/** Values quoted per column (the profile's most frequent ones); never whole rows. */
const MAX_VALUES = 5;
/** Values of nearly unique columns (emails, names) say little and may be personal: two at most. */
const MAX_VALUES_UNIQUE = 2;
const MAX_VALUE_CHARS = 40;
/** Types whose min/max say something (a period, a scale); text extremes are just two more values. */
const RANGED: ReadonlySet<LogicalType> = new Set([
  'integer',
  'decimal',
  'float',
  'date',
  'time',
  'timestamp',
  'timestamptz',
]);
/** Columns described by one call; wider tables take one call per slice of this many columns. */
export const COLUMNS_PER_CALL = 100;

export const DESCRIPTION_SYSTEM = [
  'You write short descriptions of warehouse tables and their columns for a data catalog read by analysts and AI agents.',
  'Use only the evidence given: names, types, keys, joins, database comments and a profile of a random sample.',
  'The table description says what one row is and what the table is for, in at most 30 words.',
  'Each column description says what the column means in business terms, in at most 20 words; do not restate its type.',
  'When the meaning is unclear, say what the column appears to hold instead of guessing. No marketing language.',
  'Answer with JSON only: {"table": "...", "columns": [{"name": "...", "description": "..."}]}, one entry per listed column, names exactly as listed.',
].join('\n');

/** A join the table takes part in, as the prompt shows it. */
export interface PromptJoin {
  columns: readonly string[];
  target: string;
  targetColumns: readonly string[];
  origin: 'declared' | 'discovered';
}

export interface DescriptionRequest {
  /** One prompt per slice of at most COLUMNS_PER_CALL columns; the first also asks for the table. */
  prompts: string[];
  /**
   * Cache key: a hash of the structure and a coarse digest of the profile. Ranges, row counts and
   * value frequencies are left out on purpose, so a table that only grows keeps its descriptions.
   */
  key: string;
}

function quote(value: CellValue): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = String(value).replace(/\s+/g, ' ');
  return JSON.stringify(text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS)}…` : text);
}

function approximately(count: number): string {
  if (count < 1000) return String(count);
  const digits = 10 ** (Math.floor(Math.log10(count)) - 1);
  return `~${(Math.round(count / digits) * digits).toLocaleString('en-US')}`;
}

function valuesShown(profile: ColumnProfile): CellValue[] {
  const limit = profile.uniqueness >= 0.95 ? MAX_VALUES_UNIQUE : MAX_VALUES;
  return profile.top.slice(0, limit).map((entry) => entry.value);
}

/** Profile facts that change what a column means, not how much data there is. */
function coarseProfile(profile: ColumnProfile | undefined): unknown {
  if (!profile) return null;
  const nullBand = profile.nullRate === 0 ? 0 : profile.nullRate < 0.5 ? 1 : profile.nullRate < 1 ? 2 : 3;
  const categorical = profile.distinct > 0 && profile.distinct <= 5 && profile.uniqueness < 0.95;
  return [
    nullBand,
    profile.uniqueness >= 0.99,
    categorical ? profile.top.map((entry) => String(entry.value)).sort() : null,
  ];
}

function columnLine(
  column: IntrospectedTable['columns'][number],
  profile: ColumnProfile | undefined,
  inKey: boolean,
): string {
  const facts: string[] = [column.nativeType];
  if (inKey) facts.push('primary key');
  if (!column.nullable) facts.push('not null');
  if (column.comment) facts.push(`comment: ${JSON.stringify(column.comment)}`);
  if (profile && profile.sampled > 0) {
    if (profile.nulls === profile.sampled) facts.push('always null in the sample');
    else {
      if (profile.nullRate > 0) facts.push(`${Math.round(profile.nullRate * 100)}% null`);
      facts.push(
        profile.uniqueness >= 0.99 ? 'unique in the sample' : `${profile.distinct} distinct in the sample`,
      );
      if (
        RANGED.has(column.type) &&
        profile.min !== null &&
        profile.max !== null &&
        profile.min !== profile.max
      )
        facts.push(`range ${quote(profile.min)} .. ${quote(profile.max)}`);
      else if (column.type === 'text' && profile.minLength !== null && profile.maxLength !== null)
        facts.push(
          profile.minLength === profile.maxLength
            ? `${profile.minLength} characters`
            : `${profile.minLength}–${profile.maxLength} characters`,
        );
      const shown = valuesShown(profile);
      if (shown.length > 0)
        facts.push(`${shown.length === profile.distinct ? 'values' : 'e.g.'} ${shown.map(quote).join(', ')}`);
    }
  }
  return `- ${column.name}: ${facts.join('; ')}`;
}

/**
 * The prompts for one table, built from its structure and sampled profile only: per column at most
 * five of the most frequent values (two for nearly unique columns), each cut to 40 characters, and
 * never a whole row, so no sample row leaves the machine as such.
 */
export function descriptionRequest(
  table: IntrospectedTable,
  profile: TableProfile | undefined,
  joins: readonly PromptJoin[],
): DescriptionRequest {
  const profiles = new Map((profile?.columns ?? []).map((column) => [column.name, column]));
  const columns = table.columns.filter((column) => !column.name.includes('.'));
  const rows = profile?.rowCount ?? table.rowEstimate;
  const header = [
    `Table: ${table.schema}.${table.name} (${table.kind}${rows !== null ? `, ${approximately(rows)} rows` : ''})`,
    ...(table.comment ? [`Database comment: ${JSON.stringify(table.comment)}`] : []),
    ...(table.primaryKey.length > 0 ? [`Primary key: ${table.primaryKey.join(', ')}`] : []),
    ...joins.map(
      (join) =>
        `Join (${join.origin}): ${join.columns.join(', ')} -> ${join.target}(${join.targetColumns.join(', ')})`,
    ),
  ];
  const prompts: string[] = [];
  for (let start = 0; start < Math.max(columns.length, 1); start += COLUMNS_PER_CALL) {
    const slice = columns.slice(start, start + COLUMNS_PER_CALL);
    const lines = slice.map((column) =>
      columnLine(column, profiles.get(column.name), table.primaryKey.includes(column.name)),
    );
    const part =
      columns.length > COLUMNS_PER_CALL
        ? ` (columns ${start + 1}–${start + slice.length} of ${columns.length})`
        : '';
    prompts.push(
      [...header, `Columns${part}:`, ...lines, '', 'Describe the table and every column listed above.'].join(
        '\n',
      ),
    );
  }
  const structure = {
    version: PROMPT_VERSION,
    system: DESCRIPTION_SYSTEM,
    table: [table.schema, table.name, table.kind, table.comment, table.primaryKey],
    columns: columns.map((column) => [
      column.name,
      column.nativeType,
      column.nullable,
      column.comment,
      coarseProfile(profiles.get(column.name)),
    ]),
    joins: joins.map((join) => [join.columns, join.target, join.targetColumns]),
  };
  const key = createHash('sha256').update(JSON.stringify(structure)).digest('hex').slice(0, 16);
  return { prompts, key };
}
