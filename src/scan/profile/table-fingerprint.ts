import { createHash } from 'node:crypto';
import type { IntrospectedTable } from '../../connectors/port.js';

/**
 * A hash of what profiling depends on: columns (name, native type, nullability), keys and the row
 * estimate. Comments are left out: editing one does not change the data.
 */
export function tableFingerprint(
  table: IntrospectedTable,
  rowCount: number | null,
  sampleRows: number,
): string {
  const shape = {
    columns: table.columns.map((column) => [column.name, column.nativeType, column.nullable]),
    primaryKey: table.primaryKey,
    uniqueKeys: table.uniqueKeys,
    foreignKeys: table.foreignKeys,
    rowCount,
    sampleRows,
  };
  return createHash('sha256').update(JSON.stringify(shape)).digest('hex').slice(0, 16);
}
