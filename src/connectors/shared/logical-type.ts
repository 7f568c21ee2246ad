import type { LogicalType } from '../port.js';

/**
 * The logical type of a native type name as engines spell it in catalogs and result metadata
 * (`numeric(38,10)`, `TIMESTAMP WITH TIME ZONE`, `int8`, `VARCHAR(20)`, `INTEGER[]`). Engines override
 * only where their names mean something else (MySQL `TIMESTAMP`, SQLite affinity).
 */
export function logicalTypeFromName(nativeType: string): LogicalType {
  const name = nativeType.trim().toLowerCase();
  if (name.endsWith(']') || name.startsWith('_') || name.startsWith('array') || name.startsWith('list'))
    return 'array';
  const base = name
    .replace(/\(.*\)/, '')
    .replace(/\s+unsigned|\s+zerofill|\s+signed/g, '')
    .trim();
  return EXACT[base] ?? byPattern(base);
}

const EXACT: Record<string, LogicalType> = {
  bool: 'boolean',
  boolean: 'boolean',
  logical: 'boolean',
  date: 'date',
  json: 'json',
  jsonb: 'json',
  uuid: 'uuid',
  interval: 'interval',
  timestamptz: 'timestamptz',
  'timestamp with time zone': 'timestamptz',
  timetz: 'time',
  'time with time zone': 'time',
  'time without time zone': 'time',
  time: 'time',
  time_ns: 'time',
  year: 'integer',
  money: 'text',
};

function byPattern(base: string): LogicalType {
  if (base.startsWith('timestamp') || base.startsWith('datetime') || base === 'smalldatetime')
    return 'timestamp';
  if (/^(u?(tiny|small|medium|big|huge)?int\d*|u?integer|(small|big)?serial\d?|oid)$/.test(base))
    return 'integer';
  if (/^(numeric|decimal|dec|number|bignum|varint)$/.test(base)) return 'decimal';
  if (/^(real|float\d*|double( precision)?)$/.test(base)) return 'float';
  if (
    /^((national )?n?(var)?char(acter)?( varying)?|bpchar|\w*text|string|clob|enum|set|name|citext)$/.test(
      base,
    )
  )
    return 'text';
  if (/^(bytea|blob|tinyblob|mediumblob|longblob|binary|varbinary)$/.test(base)) return 'binary';
  return 'unknown';
}
