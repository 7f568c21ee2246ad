import type { CastType } from '../ast/expression.js';
import type { TokenCursor } from './token-cursor.js';

/**
 * Type names a fragment may cast to, by their usual spellings across engines, mapped onto the
 * engine-neutral `CastType` the printer names per dialect. Precision and length parameters are read
 * and dropped: `decimal(10,2)` becomes `decimal`, whose printed precision is the printer's choice.
 */
const CAST_TYPES: ReadonlyMap<string, CastType> = new Map([
  ['INT', 'integer'],
  ['INTEGER', 'integer'],
  ['BIGINT', 'integer'],
  ['SMALLINT', 'integer'],
  ['TINYINT', 'integer'],
  ['INT2', 'integer'],
  ['INT4', 'integer'],
  ['INT8', 'integer'],
  ['INT64', 'integer'],
  // MySQL's CAST target for integers (`CAST(x AS SIGNED)`, optionally `SIGNED INTEGER`).
  ['SIGNED', 'integer'],
  ['NUMERIC', 'decimal'],
  ['DECIMAL', 'decimal'],
  ['NUMBER', 'decimal'],
  ['REAL', 'float'],
  ['DOUBLE', 'float'],
  ['DOUBLE PRECISION', 'float'],
  ['FLOAT', 'float'],
  ['FLOAT4', 'float'],
  ['FLOAT8', 'float'],
  ['FLOAT64', 'float'],
  ['TEXT', 'text'],
  ['VARCHAR', 'text'],
  ['CHAR', 'text'],
  ['CHARACTER', 'text'],
  ['CHARACTER VARYING', 'text'],
  ['NCHAR', 'text'],
  ['NVARCHAR', 'text'],
  ['STRING', 'text'],
  ['DATE', 'date'],
  ['TIMESTAMP', 'timestamp'],
  ['DATETIME', 'timestamp'],
  ['TIMESTAMPTZ', 'timestamp'],
  ['BOOL', 'boolean'],
  ['BOOLEAN', 'boolean'],
]);

/** Second words that extend a type name: `double precision`, `character varying`, `signed integer`. */
const SECOND_WORDS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['DOUBLE', new Set(['PRECISION'])],
  ['CHARACTER', new Set(['VARYING'])],
  ['SIGNED', new Set(['INTEGER', 'INT'])],
]);

/**
 * A cast target after `AS` or `::` (`after` names which, for messages): a type name of one or two
 * words, optional parameters `(n)`, `(p, s)` or `(max)`, and for timestamps `WITH[OUT] TIME ZONE`.
 */
export function parseCastType(cursor: TokenCursor, after: string): CastType {
  const first = cursor.peek();
  if (first.kind !== 'word') cursor.fail(`expected a type name after ${after}${cursor.found()}`);
  cursor.next();
  let name = first.value;
  const second = cursor.peek();
  if (second.kind === 'word' && SECOND_WORDS.get(name)?.has(second.value)) {
    cursor.next();
    if (name !== 'SIGNED') name = `${name} ${second.value}`;
  }
  const type = CAST_TYPES.get(name);
  if (type === undefined) {
    cursor.fail(
      `unknown cast type \`${cursor.text.slice(first.start, cursor.previous()!.end)}\``,
      first.start,
    );
  }
  skipTypeParameters(cursor);
  if (type === 'timestamp' && (cursor.isKeyword('WITH') || cursor.isKeyword('WITHOUT'))) {
    cursor.next();
    cursor.expectKeyword('TIME', 'in `WITH TIME ZONE`');
    cursor.expectKeyword('ZONE', 'in `WITH TIME ZONE`');
  }
  return type;
}

function skipTypeParameters(cursor: TokenCursor): void {
  const open = cursor.acceptOperator('(');
  if (open === undefined) return;
  do {
    const token = cursor.peek();
    if (token.kind !== 'number' && !cursor.isKeyword('MAX')) {
      cursor.fail(`expected a number in the type's parameters${cursor.found()}`);
    }
    cursor.next();
  } while (cursor.acceptOperator(','));
  cursor.expectClose(open, "the type's parameters");
}
