import type { FieldPacket, TypeCast } from 'mysql2';
import type { CellValue, LogicalType, ResultColumn } from '../port.js';
import {
  booleanCell,
  floatCell,
  hexCell,
  integerCell,
  timestampCell,
  timestamptzCell,
} from '../shared/cell-values.js';
import { logicalTypeFromName } from '../shared/logical-type.js';

/** Every cell as the raw bytes the server sent (text protocol), converted per column below. */
export const rawBuffers: TypeCast = (field) => field.buffer();

export type MysqlRaw = Buffer | null;

// Column type codes of the protocol. @see https://dev.mysql.com/doc/dev/mysql-server/latest/field__types_8h.html
const NAMES: Record<number, [string, LogicalType]> = {
  0: ['DECIMAL', 'decimal'],
  1: ['TINYINT', 'integer'],
  2: ['SMALLINT', 'integer'],
  3: ['INT', 'integer'],
  4: ['FLOAT', 'float'],
  5: ['DOUBLE', 'float'],
  6: ['NULL', 'unknown'],
  // TIMESTAMP is stored in UTC and shown in the session zone, which ktx sets to UTC: an instant.
  7: ['TIMESTAMP', 'timestamptz'],
  8: ['BIGINT', 'integer'],
  9: ['MEDIUMINT', 'integer'],
  10: ['DATE', 'date'],
  11: ['TIME', 'time'],
  12: ['DATETIME', 'timestamp'],
  13: ['YEAR', 'integer'],
  14: ['DATE', 'date'],
  15: ['VARCHAR', 'text'],
  16: ['BIT', 'binary'],
  17: ['TIMESTAMP', 'timestamptz'],
  18: ['DATETIME', 'timestamp'],
  19: ['TIME', 'time'],
  245: ['JSON', 'json'],
  246: ['DECIMAL', 'decimal'],
  247: ['ENUM', 'text'],
  248: ['SET', 'text'],
  249: ['TINYTEXT', 'text'],
  250: ['MEDIUMTEXT', 'text'],
  251: ['LONGTEXT', 'text'],
  252: ['TEXT', 'text'],
  253: ['VARCHAR', 'text'],
  254: ['CHAR', 'text'],
  255: ['GEOMETRY', 'binary'],
};
const BINARY_NAMES: Record<number, string> = {
  249: 'TINYBLOB',
  250: 'MEDIUMBLOB',
  251: 'LONGBLOB',
  252: 'BLOB',
  253: 'VARBINARY',
  254: 'BINARY',
  15: 'VARBINARY',
};
const BINARY_CHARSET = 63;
const UNSIGNED_FLAG = 32;

/** Name and logical type of a result column from its field packet. */
export function mysqlResultColumn(field: FieldPacket): ResultColumn {
  const code = field.columnType ?? field.type ?? 6;
  let [nativeType, type] = NAMES[code] ?? [`TYPE ${code}`, 'unknown'];
  const binaryName = BINARY_NAMES[code];
  if (binaryName && field.characterSet === BINARY_CHARSET) [nativeType, type] = [binaryName, 'binary'];
  // BOOLEAN is TINYINT(1). @see https://dev.mysql.com/doc/refman/8.4/en/numeric-type-syntax.html
  if (code === 1 && field.columnLength === 1) [nativeType, type] = ['TINYINT(1)', 'boolean'];
  // MariaDB ≥ 10.5 sends JSON and UUID as formats of text columns (extended metadata).
  if (field.extendedFormat === 'json') [nativeType, type] = ['JSON', 'json'];
  if (field.extendedTypeName)
    [nativeType, type] = [field.extendedTypeName.toUpperCase(), logicalTypeFromName(field.extendedTypeName)];
  const flags = typeof field.flags === 'number' ? field.flags : 0;
  if (type === 'integer' && flags & UNSIGNED_FLAG) nativeType += ' UNSIGNED';
  return { name: field.name, nativeType, type };
}

/** The logical type of an information_schema COLUMN_TYPE such as `tinyint(1)` or `timestamp(6)`. */
export function mysqlLogicalType(columnType: string): LogicalType {
  const name = columnType.toLowerCase();
  if (name.startsWith('tinyint(1)')) return 'boolean';
  if (name.startsWith('timestamp')) return 'timestamptz';
  if (name.startsWith('bit')) return 'binary';
  if (name.startsWith('geometry') || name.startsWith('point') || name.startsWith('polygon')) return 'binary';
  return logicalTypeFromName(name);
}

/** One cell, given as the server's bytes, as a CellValue. */
export function mysqlCell(raw: MysqlRaw, type: LogicalType): CellValue {
  if (raw === null) return null;
  if (type === 'binary') return hexCell(raw);
  const text = raw.toString('utf8');
  switch (type) {
    case 'integer':
      return integerCell(text);
    case 'float':
      return floatCell(text);
    case 'boolean':
      return booleanCell(text);
    case 'timestamp':
      return timestampCell(text);
    case 'timestamptz':
      return timestamptzCell(text);
    default:
      return text; // DECIMAL (exact text), DATE, TIME, JSON, strings
  }
}
