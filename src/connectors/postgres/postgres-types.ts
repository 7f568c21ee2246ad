import type { FieldDef, PoolClient } from 'pg';
import type { CellValue, LogicalType, ResultColumn } from '../port.js';
import { floatCell, integerCell, timestampCell, timestamptzCell } from '../shared/cell-values.js';
import { logicalTypeFromName } from '../shared/logical-type.js';

interface TypeInfo {
  name: string;
  type: LogicalType;
}

// Built-in type OIDs are fixed across PostgreSQL versions; anything else is looked up once per connector.
// @see https://github.com/postgres/postgres/blob/master/src/include/catalog/pg_type.dat
const BUILTIN_NAMES: Record<number, string> = {
  16: 'bool',
  17: 'bytea',
  18: 'char',
  19: 'name',
  20: 'int8',
  21: 'int2',
  23: 'int4',
  25: 'text',
  26: 'oid',
  114: 'json',
  700: 'float4',
  701: 'float8',
  790: 'money',
  1042: 'bpchar',
  1043: 'varchar',
  1082: 'date',
  1083: 'time',
  1114: 'timestamp',
  1184: 'timestamptz',
  1186: 'interval',
  1266: 'timetz',
  1700: 'numeric',
  2950: 'uuid',
  3802: 'jsonb',
  1000: '_bool',
  1005: '_int2',
  1007: '_int4',
  1016: '_int8',
  1009: '_text',
  1015: '_varchar',
  1022: '_float8',
  1231: '_numeric',
};

// typcategory of types that are not built in (enums, domains, extension types).
// @see https://www.postgresql.org/docs/current/catalog-pg-type.html#CATALOG-TYPCATEGORY-TABLE
const BY_CATEGORY: Record<string, LogicalType> = {
  A: 'array',
  E: 'text',
  S: 'text',
  B: 'boolean',
  N: 'decimal',
};

const LOOKUP = `SELECT t.oid::int4, t.typname, t.typtype, t.typcategory, bt.typname, bt.typcategory
  FROM pg_type t LEFT JOIN pg_type bt ON bt.oid = t.typbasetype WHERE t.oid = ANY($1::oid[])`;

/**
 * A non-built-in type is classified by what the catalog says it is (typtype, typcategory) before its
 * name is read: a user's name such as `listing_status` or `array_of_things` says nothing about it.
 */
function catalogType(
  name: string,
  typtype: string,
  category: string,
  base?: string,
  baseCategory?: string,
): LogicalType {
  if (category === 'A') return 'array';
  if (typtype === 'e') return 'text';
  if (typtype === 'd' && base) return catalogType(base, 'b', baseCategory ?? '');
  const named = logicalTypeFromName(name);
  if (named !== 'unknown' && named !== 'array') return named;
  return BY_CATEGORY[category] ?? 'unknown';
}

/** OID → type name and logical type, filled lazily for non-built-in types (one catalog query per miss). */
export class PostgresTypeCatalog {
  readonly #known = new Map<number, TypeInfo>(
    Object.entries(BUILTIN_NAMES).map(([oid, name]) => [
      Number(oid),
      { name, type: logicalTypeFromName(name) },
    ]),
  );

  /** Result columns for the fields of a result; runs inside the statement's transaction. */
  async columns(client: PoolClient, fields: readonly FieldDef[]): Promise<ResultColumn[]> {
    const missing = [
      ...new Set(fields.map((field) => field.dataTypeID).filter((oid) => !this.#known.has(oid))),
    ];
    if (missing.length > 0) {
      const { rows } = await client.query<string[]>({ text: LOOKUP, values: [missing], rowMode: 'array' });
      for (const [oid, name = 'unknown', typtype = '', category = '', base, baseCategory] of rows) {
        this.#known.set(Number(oid), {
          name,
          type: catalogType(name, typtype, category, base ?? undefined, baseCategory ?? undefined),
        });
      }
    }
    return fields.map((field) => {
      const info = this.#known.get(field.dataTypeID) ?? { name: String(field.dataTypeID), type: 'unknown' };
      return { name: field.name, nativeType: info.name, type: info.type };
    });
  }
}

/** One value, received as the server's text (see RAW_TEXT_TYPES), as a CellValue. */
export function postgresCell(text: string | null, type: LogicalType): CellValue {
  if (text === null) return null;
  switch (type) {
    case 'integer':
      return integerCell(text);
    case 'float':
      return floatCell(text);
    case 'boolean':
      return text === 't' ? true : text === 'f' ? false : text;
    case 'timestamp':
      return timestampCell(text);
    case 'timestamptz':
      return timestamptzCell(text);
    case 'binary':
      // bytea_output=hex: `\x00ff10`
      return text.startsWith('\\x') ? `0x${text.slice(2)}` : text;
    default:
      return text; // numeric (exact text, also NaN), date, json, uuid, interval, arrays: the server's text
  }
}
