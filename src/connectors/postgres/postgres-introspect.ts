import type { PoolClient } from 'pg';
import type { IntrospectedSchema } from '../port.js';
import { CatalogBuilder } from '../shared/catalog-builder.js';
import { logicalTypeFromName } from '../shared/logical-type.js';

// $1 is the schema list, or NULL for every user schema.
const SCOPE = `(CASE WHEN $1::text[] IS NULL
  THEN n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'
    AND n.nspname NOT LIKE 'pg\\_temp\\_%'
  ELSE n.nspname = ANY($1::text[]) END)`;

// Ordinary, partitioned and foreign tables, views and materialized views; partitions are left out and
// counted into their parent's estimate. reltuples is -1 (PG ≥ 14) until the table is analyzed.
const RELATIONS = `c.relkind IN ('r', 'p', 'f', 'v', 'm') AND NOT c.relispartition`;

const TABLES = `SELECT n.nspname, c.relname, c.relkind, obj_description(c.oid, 'pg_class'),
    CASE WHEN c.relkind IN ('r', 'm') AND c.reltuples >= 0 THEN c.reltuples::int8
      WHEN c.relkind = 'p' THEN (SELECT sum(greatest(p.reltuples, 0))::int8 FROM pg_inherits i
        JOIN pg_class p ON p.oid = i.inhrelid WHERE i.inhparent = c.oid) END
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE ${RELATIONS} AND ${SCOPE}`;

// The logical type of a domain is its base type's; an enum is text.
const COLUMNS = `SELECT n.nspname, c.relname, a.attname,
    row_number() OVER (PARTITION BY a.attrelid ORDER BY a.attnum), format_type(a.atttypid, a.atttypmod),
    CASE t.typtype WHEN 'd' THEN format_type(t.typbasetype, t.typtypmod) WHEN 'e' THEN 'text'
      ELSE format_type(a.atttypid, a.atttypmod) END,
    NOT a.attnotnull, col_description(c.oid, a.attnum)
  FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_type t ON t.oid = a.atttypid
  WHERE a.attnum > 0 AND NOT a.attisdropped AND ${RELATIONS} AND ${SCOPE}`;

const columnsOf = (relation: string, keys: string, limit = '') =>
  `(SELECT json_agg(a.attname ORDER BY k.ord) FROM unnest(${keys}) WITH ORDINALITY AS k(attnum, ord)
    JOIN pg_attribute a ON a.attrelid = ${relation} AND a.attnum = k.attnum ${limit})`;

// Primary and foreign keys from constraints; unique keys from unique indexes (which also back every
// UNIQUE constraint), without expression or partial indexes, key columns only (not INCLUDE).
const KEYS = `SELECT n.nspname, c.relname, con.contype::text, ${columnsOf('con.conrelid', 'con.conkey')},
    fn.nspname, fc.relname, ${columnsOf('con.confrelid', 'con.confkey')}
  FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_class fc ON fc.oid = con.confrelid LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
  WHERE con.contype IN ('p', 'f') AND ${SCOPE}
  UNION ALL
  SELECT n.nspname, c.relname, 'u', ${columnsOf('x.indrelid', 'x.indkey::int2[]', 'WHERE k.ord <= x.indnkeyatts')},
    NULL, NULL, NULL
  FROM pg_index x JOIN pg_class c ON c.oid = x.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE x.indisunique AND NOT x.indisprimary AND x.indexprs IS NULL AND x.indpred IS NULL AND ${SCOPE}`;

type Row = Array<string | null>;

/** Reads the catalog inside the caller's read-only transaction. Needs PostgreSQL ≥ 11. */
export async function introspectPostgres(
  client: PoolClient,
  scope: readonly string[] | undefined,
): Promise<IntrospectedSchema> {
  const values = [scope ? [...scope] : null];
  const rows = async (text: string) => (await client.query<Row>({ text, values, rowMode: 'array' })).rows;
  const builder = new CatalogBuilder();
  for (const [schema, name, kind, comment, estimate] of await rows(TABLES)) {
    builder.addTable({
      schema: schema ?? '',
      name: name ?? '',
      kind: kind === 'v' || kind === 'm' ? 'view' : 'table',
      comment: comment ?? null,
      rowEstimate: estimate === null || estimate === undefined ? null : Number(estimate),
    });
  }
  for (const [schema, table, name, ordinal, nativeType, logicalName, nullable, comment] of await rows(
    COLUMNS,
  )) {
    builder.addColumn(schema ?? '', table ?? '', {
      name: name ?? '',
      ordinal: Number(ordinal),
      nativeType: nativeType ?? '',
      type: logicalTypeFromName(logicalName ?? ''),
      nullable: nullable === 't',
      comment: comment ?? null,
    });
  }
  for (const [schema, table, kind, columns, referencedSchema, referencedTable, referenced] of await rows(
    KEYS,
  )) {
    const own = names(columns);
    if (kind === 'p') builder.setPrimaryKey(schema ?? '', table ?? '', own);
    else if (kind === 'u') builder.addUniqueKey(schema ?? '', table ?? '', own);
    else {
      builder.addForeignKey(schema ?? '', table ?? '', {
        columns: own,
        referencedSchema: referencedSchema ?? '',
        referencedTable: referencedTable ?? '',
        referencedColumns: names(referenced),
      });
    }
  }
  return { tables: builder.build() };
}

function names(json: string | null | undefined): string[] {
  if (!json) return [];
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.map(String) : [];
}
