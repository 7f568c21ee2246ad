import type { IntrospectedTable, LogicalType } from '../../connectors/port.js';
import type { ColumnProfile, TableProfile } from '../profile/table-profile.js';
import {
  columnTokens,
  referenceStem,
  sharedColumnPrefix,
  stemMatchesTable,
  tableStem,
} from './name-tokens.js';

/** Type families whose values can be compared for equality across tables. */
export type KeyFamily = 'number' | 'text' | 'uuid';

export function keyFamily(type: LogicalType): KeyFamily | undefined {
  if (type === 'integer' || type === 'decimal') return 'number';
  if (type === 'text') return 'text';
  if (type === 'uuid') return 'uuid';
  return undefined;
}

export interface ColumnInfo {
  table: TableInfo;
  name: string;
  type: LogicalType;
  family: KeyFamily | undefined;
  /** Name tokens with the table's shared column prefix removed. */
  tokens: string[];
  reference: { stem: string[]; marker: string } | undefined;
  profile: ColumnProfile | undefined;
}

export interface TableInfo {
  key: string;
  source: IntrospectedTable;
  stem: string[];
  profile: TableProfile | undefined;
  columns: ColumnInfo[];
  byName: Map<string, ColumnInfo>;
}

/**
 * How strongly a column's name says it is its own table's key: `id` 1; `<table>_id`, `custkey` in
 * `customer` 0.95; bare `uuid`/`key`/`code` 0.85; any other key-marked name (`iso_code`) 0.6; every
 * other name 0 — so a unique `email` or `name` is never taken for a key on uniqueness alone.
 */
export function keyNameScore(column: ColumnInfo): number {
  const tokens = column.tokens;
  if (tokens.length === 1 && tokens[0] === 'id') return 1;
  if (
    tokens.length === 1 &&
    ['uuid', 'guid', 'key', 'code', 'cd', 'pk', 'nr', 'no', 'sku', 'isbn', 'ean', 'upc'].includes(tokens[0]!)
  )
    return 0.85;
  if (!column.reference) return 0;
  if (column.reference.stem.length === 0) return 0.85;
  if (stemMatchesTable(column.reference.stem, column.table.stem) >= 0.85) return 0.95;
  // `order_items.item_id`: the stem is the table's last word.
  const stem = column.reference.stem.join('_');
  return column.table.stem.length > 1 && stem === column.table.stem[column.table.stem.length - 1] ? 0.9 : 0.6;
}

/** Whether the sample says the column could be a key: no nulls and no repeated value. */
export function uniqueInSample(column: ColumnInfo): boolean {
  const profile = column.profile;
  return profile !== undefined && profile.sampled > 0 && profile.nulls === 0 && profile.uniqueness >= 0.999;
}

export function buildTableIndex(
  tables: readonly IntrospectedTable[],
  profiles: ReadonlyMap<string, TableProfile>,
): TableInfo[] {
  return tables.map((source) => {
    const key = `${source.schema}.${source.name}`;
    const profile = profiles.get(key);
    const prefix = sharedColumnPrefix(source.columns.map((column) => column.name));
    const info: TableInfo = {
      key,
      source,
      stem: tableStem(source.name),
      profile,
      columns: [],
      byName: new Map(),
    };
    const profileByName = new Map(profile?.columns.map((column) => [column.name, column]));
    for (const column of source.columns) {
      const tokens = columnTokens(column.name, prefix);
      const entry: ColumnInfo = {
        table: info,
        name: column.name,
        type: column.type,
        family: keyFamily(column.type),
        tokens,
        reference: referenceStem(tokens),
        profile: profileByName.get(column.name),
      };
      info.columns.push(entry);
      info.byName.set(column.name, entry);
    }
    return info;
  });
}
