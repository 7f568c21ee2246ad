import type { DuckDBResult } from '@duckdb/node-api';
import type { CellValue, ResultColumn } from '../port.js';
import { duckDbCell, duckDbLogicalType } from './duckdb-values.js';

/**
 * Reads a streaming result chunk by chunk (about 2048 rows each) and stops once `limit` rows are in,
 * so a capped query over a huge result never materialises it. `checkpoint` runs before each chunk.
 * @see https://duckdb.org/docs/stable/clients/node_neo/overview#stream-results
 */
export async function streamRows(
  result: DuckDBResult,
  limit: number,
  /** Called before each chunk; throws to stop reading (the statement timed out or was aborted). */
  checkpoint: () => void = () => {},
): Promise<{ columns: ResultColumn[]; rows: CellValue[][] }> {
  const columns: ResultColumn[] = [];
  for (let index = 0; index < result.columnCount; index += 1) {
    const type = result.columnType(index);
    columns.push({
      name: result.columnName(index),
      nativeType: type.toString(),
      type: duckDbLogicalType(type),
    });
  }
  const rows: CellValue[][] = [];
  while (rows.length < limit) {
    checkpoint();
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    for (const row of chunk.getRows()) {
      rows.push(row.map(duckDbCell));
      if (rows.length >= limit) break;
    }
  }
  return { columns, rows };
}
