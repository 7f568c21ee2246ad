import type { CellValue, LogicalType } from '../port.js';
import {
  booleanCell,
  decimalCell,
  floatCell,
  hexCell,
  integerCell,
  timestampCell,
  timestamptzCell,
} from '../shared/cell-values.js';
import { logicalTypeFromName } from '../shared/logical-type.js';
import type { SqliteRawValue } from './sqlite-process-pool.js';

/**
 * The logical type of a declared column type. Names ktx knows (`DATETIME`, `BOOLEAN`, `JSON`) win;
 * any other spelling falls back to SQLite's own affinity rules, in their order.
 * @see https://www.sqlite.org/datatype3.html#determination_of_column_affinity
 */
export function sqliteLogicalType(declaredType: string): LogicalType {
  const named = logicalTypeFromName(declaredType);
  if (named !== 'unknown') return named;
  const upper = declaredType.toUpperCase();
  if (upper.includes('INT')) return 'integer';
  if (/CHAR|CLOB|TEXT/.test(upper)) return 'text';
  if (upper.includes('BLOB') || upper.trim() === '') return 'binary';
  if (/REAL|FLOA|DOUB/.test(upper)) return 'float';
  return 'decimal';
}

/** SQLite's storage class of a value: what an expression column "is" when nothing was declared. */
export function storageClassOf(value: SqliteRawValue): { nativeType: string; type: LogicalType } {
  if (typeof value === 'bigint') return { nativeType: 'INTEGER', type: 'integer' };
  if (typeof value === 'number') return { nativeType: 'REAL', type: 'float' };
  if (typeof value === 'string') return { nativeType: 'TEXT', type: 'text' };
  if (value instanceof Uint8Array) return { nativeType: 'BLOB', type: 'binary' };
  return { nativeType: 'NULL', type: 'unknown' };
}

/**
 * One SQLite value as a CellValue. SQLite is dynamically typed, so the declared type only refines what
 * the storage class says: an INTEGER in a BOOLEAN column becomes true/false, a REAL in a DECIMAL column
 * becomes text, TEXT in a TIMESTAMP column becomes ISO 8601.
 */
export function sqliteCell(value: SqliteRawValue, type: LogicalType): CellValue {
  if (value === null) return null;
  if (value instanceof Uint8Array) return hexCell(value);
  switch (type) {
    case 'boolean':
      return typeof value === 'string' ? value : booleanCell(value);
    case 'decimal':
      return decimalCell(value);
    case 'timestamp':
      return typeof value === 'string' ? timestampCell(value) : storedCell(value);
    case 'timestamptz':
      return typeof value === 'string' ? timestamptzCell(value) : storedCell(value);
    default:
      return storedCell(value);
  }
}

function storedCell(value: bigint | number | string): CellValue {
  if (typeof value === 'bigint') return integerCell(value);
  if (typeof value === 'number') return floatCell(value);
  return value;
}
