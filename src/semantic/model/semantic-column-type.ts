import type { ColumnType } from './semantic-model.js';

const SEMANTIC_TYPES: ReadonlySet<string> = new Set(['string', 'number', 'time', 'boolean']);

const BOOLEAN = /^(bool|boolean|logical|bit)$/;
const TIME =
  /^(date|datetime\d?|smalldatetime|datetimeoffset|time|timetz|timestamp\w*|timestamp with(out)? time zone|time with(out)? time zone)$/;
const NUMBER =
  /^(u?(tiny|small|medium|big|huge)?int\d*|u?integer|int\d+|(small|big)?serial\d?|number|numeric|decimal|dec|real|money|smallmoney|float\d*|double|double precision|bignum|varint)$/;
const TEXT =
  /^((national )?n?(var)?char(acter)?( varying)?|bpchar|\w*text|string|clob|nclob|uuid|json|jsonb|enum|set|name|citext|variant|object)$/;

/** True for the four semantic types the model uses. */
export function isSemanticType(type: string): type is ColumnType {
  return SEMANTIC_TYPES.has(type);
}

/**
 * The semantic type of a column type as written in a manifest or a source: one of the four semantic
 * types passes through; a database type (`numeric(12,2)`, `TIMESTAMP WITH TIME ZONE`, `int8`) is
 * mapped; `undefined` when the name is not recognised at all (manifests then fall back to `string`,
 * as the reference does). Durations (`interval`) are not points in time, so they stay `string`.
 */
export function semanticColumnType(type: string): ColumnType | undefined {
  const lowered = type.trim().toLowerCase();
  if (isSemanticType(lowered)) return lowered;
  if (lowered.endsWith('[]') || /^(array|list|struct|map)\b/.test(lowered)) return 'string';
  const base = lowered
    .replace(/\(.*\)/, '')
    .replace(/\s+(unsigned|signed|zerofill)/g, '')
    .trim();
  if (BOOLEAN.test(base)) return 'boolean';
  if (TIME.test(base)) return 'time';
  if (NUMBER.test(base)) return 'number';
  if (TEXT.test(base)) return 'string';
  if (/^(bytea|blob|\w+blob|binary|varbinary|geometry|geography)$/.test(base)) return 'string';
  return undefined;
}
