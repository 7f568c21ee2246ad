import {
  DuckDBBlobValue,
  DuckDBTimestampMillisecondsValue,
  DuckDBTimestampNanosecondsValue,
  DuckDBTimestampSecondsValue,
  DuckDBTimestampTZValue,
  DuckDBTimestampValue,
  type DuckDBType,
  DuckDBTypeId,
  type DuckDBValue,
} from '@duckdb/node-api';
import type { CellValue, LogicalType } from '../port.js';
import { floatCell, hexCell, integerCell, timestampCell } from '../shared/cell-values.js';

/** The logical type of a result column, from DuckDB's type id (and the JSON alias of VARCHAR). */
export function duckDbLogicalType(type: DuckDBType): LogicalType {
  if (type.alias?.toUpperCase() === 'JSON') return 'json';
  return BY_TYPE_ID[type.typeId] ?? 'unknown';
}

const BY_TYPE_ID: Partial<Record<DuckDBTypeId, LogicalType>> = {
  [DuckDBTypeId.BOOLEAN]: 'boolean',
  [DuckDBTypeId.TINYINT]: 'integer',
  [DuckDBTypeId.SMALLINT]: 'integer',
  [DuckDBTypeId.INTEGER]: 'integer',
  [DuckDBTypeId.BIGINT]: 'integer',
  [DuckDBTypeId.UTINYINT]: 'integer',
  [DuckDBTypeId.USMALLINT]: 'integer',
  [DuckDBTypeId.UINTEGER]: 'integer',
  [DuckDBTypeId.UBIGINT]: 'integer',
  [DuckDBTypeId.HUGEINT]: 'integer',
  [DuckDBTypeId.UHUGEINT]: 'integer',
  [DuckDBTypeId.FLOAT]: 'float',
  [DuckDBTypeId.DOUBLE]: 'float',
  [DuckDBTypeId.DECIMAL]: 'decimal',
  [DuckDBTypeId.BIGNUM]: 'decimal',
  [DuckDBTypeId.VARCHAR]: 'text',
  [DuckDBTypeId.ENUM]: 'text',
  [DuckDBTypeId.BIT]: 'text',
  [DuckDBTypeId.BLOB]: 'binary',
  [DuckDBTypeId.DATE]: 'date',
  [DuckDBTypeId.TIME]: 'time',
  [DuckDBTypeId.TIME_NS]: 'time',
  [DuckDBTypeId.TIME_TZ]: 'time',
  [DuckDBTypeId.TIMESTAMP]: 'timestamp',
  [DuckDBTypeId.TIMESTAMP_S]: 'timestamp',
  [DuckDBTypeId.TIMESTAMP_MS]: 'timestamp',
  [DuckDBTypeId.TIMESTAMP_NS]: 'timestamp',
  [DuckDBTypeId.TIMESTAMP_TZ]: 'timestamptz',
  [DuckDBTypeId.INTERVAL]: 'interval',
  [DuckDBTypeId.UUID]: 'uuid',
  [DuckDBTypeId.LIST]: 'array',
  [DuckDBTypeId.ARRAY]: 'array',
};

/**
 * One DuckDB value as a CellValue. The node-api already hands over exact values (bigint for 64/128-bit
 * integers, DECIMAL as a scaled bigint); their `toString()` is DuckDB's own text form, which is exact
 * for decimals, dates, UUIDs, intervals and nested values.
 * @see https://duckdb.org/docs/stable/clients/node_neo/overview#inspect-data-values
 */
export function duckDbCell(value: DuckDBValue): CellValue {
  if (value === null) return null;
  switch (typeof value) {
    case 'boolean':
    case 'string':
      return value;
    case 'number':
      return floatCell(value);
    case 'bigint':
      return integerCell(value);
  }
  if (value instanceof DuckDBBlobValue) return hexCell(value.bytes);
  if (value instanceof DuckDBTimestampTZValue) return zonedTimestamp(value);
  if (
    value instanceof DuckDBTimestampValue ||
    value instanceof DuckDBTimestampSecondsValue ||
    value instanceof DuckDBTimestampMillisecondsValue ||
    value instanceof DuckDBTimestampNanosecondsValue
  ) {
    return timestampCell(value.toString());
  }
  return value.toString();
}

/**
 * TIMESTAMPTZ's own toString() renders in the process's local zone; reading the same microseconds as a
 * plain TIMESTAMP renders them in UTC, which is what the CellValue contract asks for.
 */
function zonedTimestamp(value: DuckDBTimestampTZValue): string {
  if (!value.isFinite) return value.micros > 0n ? 'infinity' : '-infinity';
  return `${timestampCell(new DuckDBTimestampValue(value.micros).toString())}Z`;
}
