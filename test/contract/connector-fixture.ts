/**
 * The fixture every connector contract run loads into its engine, written once and rendered per engine
 * by a small FixtureDialect (type names, literals, comment syntax). The expected values live next to it.
 */

/** What one row of `type_samples` must read back as through the connector (the CellValue contract). */
export const TYPE_SAMPLE = {
  int_col: -42,
  big_col: '9007199254740993', // 2^53 + 1: beyond a double, so it must arrive as text
  small_big_col: 42, // a BIGINT inside ±2^53 arrives as a number
  dec_col: '1234567890123456789012345678.0123456789', // 38 digits
  float_col: 0.1,
  bool_col: true,
  text_col: 'héllo wörld — 世界 🌍',
  date_col: '2024-02-29',
  ts_col: '2024-02-29T13:45:30.123456',
  tstz_col: '2024-02-29T13:45:30.123456Z',
  json_col: { a: 1, b: [true, null, 'x'] } as unknown,
  bin_col: '0x00ff10',
} as const;

export type SampleColumn = keyof typeof TYPE_SAMPLE;

export const SAMPLE_TYPES = {
  int_col: 'integer',
  big_col: 'integer',
  small_big_col: 'integer',
  dec_col: 'decimal',
  float_col: 'float',
  bool_col: 'boolean',
  text_col: 'text',
  date_col: 'date',
  ts_col: 'timestamp',
  tstz_col: 'timestamptz',
  json_col: 'json',
  bin_col: 'binary',
} as const satisfies Record<SampleColumn, string>;

export const NUMBER_COUNT = 1000;
export const CUSTOMERS_COMMENT = 'People who buy';
export const EMAIL_COMMENT = 'Login email';

export interface FixtureDialect {
  /** Column type per sample column; null when the engine has no such type (the column is left out). */
  types: Record<SampleColumn, string | null> & { id: string; varchar: string; money: string };
  /** Literal per sample column for the first row, when the generic rendering does not fit. */
  literals?: Partial<Record<SampleColumn, string>>;
  comments: 'inline' | 'comment-on' | 'none';
  /** Appended to every CREATE TABLE (MySQL: engine and character set). */
  tableOptions?: string;
}

function quote(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

function genericLiteral(column: SampleColumn): string {
  const value = TYPE_SAMPLE[column];
  if (column === 'json_col') return quote(JSON.stringify(value));
  if (column === 'ts_col') return quote('2024-02-29 13:45:30.123456');
  if (column === 'tstz_col') return quote('2024-02-29 13:45:30.123456+00');
  if (column === 'bin_col') return "X'00ff10'";
  if (column === 'big_col') return String(value);
  if (typeof value === 'string') return quote(value);
  return String(value).toUpperCase();
}

/** The statements that create the fixture in the current schema (and `otherSchema` when given). */
export function fixtureStatements(dialect: FixtureDialect, otherSchema?: string): string[] {
  const { types } = dialect;
  const options = dialect.tableOptions ? ` ${dialect.tableOptions}` : '';
  const inline = dialect.comments === 'inline';
  const tableComment = inline ? ` COMMENT=${quote(CUSTOMERS_COMMENT)}` : '';
  const emailComment = inline ? ` COMMENT ${quote(EMAIL_COMMENT)}` : '';
  const sampleColumns = (Object.keys(TYPE_SAMPLE) as SampleColumn[]).filter(
    (column) => types[column] !== null,
  );
  const statements = [
    `CREATE TABLE customers (id ${types.id} PRIMARY KEY, email ${types.varchar} NOT NULL UNIQUE${emailComment}, name ${types.varchar})${options}${tableComment}`,
    `CREATE TABLE orders (id ${types.id} PRIMARY KEY, customer_id ${types.id}, amount ${types.money}, FOREIGN KEY (customer_id) REFERENCES customers (id))${options}`,
    `CREATE TABLE order_lines (order_id ${types.id} NOT NULL, line_no ${types.id} NOT NULL, sku ${types.varchar}, PRIMARY KEY (order_id, line_no), FOREIGN KEY (order_id) REFERENCES orders (id))${options}`,
    `CREATE TABLE numbers (n ${types.id} NOT NULL)${options}`,
    `CREATE TABLE type_samples (id ${types.id} PRIMARY KEY, ${sampleColumns.map((c) => `${c} ${types[c]}`).join(', ')})${options}`,
    'CREATE VIEW big_orders AS SELECT id, customer_id, amount FROM orders WHERE amount > 100',
    "INSERT INTO customers (id, email, name) VALUES (1, 'ada@example.com', 'Ada'), (2, 'bob@example.com', NULL)",
    'INSERT INTO orders (id, customer_id, amount) VALUES (1, 1, 250.00), (2, 1, 20.50), (3, 2, 120.00)',
    "INSERT INTO order_lines (order_id, line_no, sku) VALUES (1, 1, 'A'), (1, 2, 'B'), (3, 1, 'C')",
    `INSERT INTO type_samples (id, ${sampleColumns.join(', ')}) VALUES (1, ${sampleColumns
      .map((c) => dialect.literals?.[c] ?? genericLiteral(c))
      .join(', ')})`,
    'INSERT INTO type_samples (id) VALUES (2)',
  ];
  for (let start = 1; start <= NUMBER_COUNT; start += 250) {
    const values = Array.from({ length: 250 }, (_, i) => `(${start + i})`).join(', ');
    statements.push(`INSERT INTO numbers (n) VALUES ${values}`);
  }
  if (dialect.comments === 'comment-on') {
    statements.push(`COMMENT ON TABLE customers IS ${quote(CUSTOMERS_COMMENT)}`);
    statements.push(`COMMENT ON COLUMN customers.email IS ${quote(EMAIL_COMMENT)}`);
  }
  if (otherSchema) {
    statements.push(
      `CREATE TABLE ${otherSchema}.customers (id ${types.id} PRIMARY KEY, region ${types.varchar})${options}`,
    );
  }
  return statements;
}
