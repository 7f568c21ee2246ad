import type { IntervalLiteral, TimeUnit } from '../ast/expression.js';
import { interval } from '../ast/expression-factories.js';
import type { TokenCursor } from './token-cursor.js';

const UNITS: ReadonlySet<string> = new Set<TimeUnit>([
  'second',
  'minute',
  'hour',
  'day',
  'week',
  'month',
  'quarter',
  'year',
]);

/** `'30 days'`, `'-1 month'`, `'7'`: an optional sign, digits, optional unit. */
const QUOTED_INTERVAL = /^\s*([+-]?\d+(?:\.\d*)?)\s*(?:([A-Za-z]+)\s*)?$/;

/** True when the cursor, at INTERVAL, stands before an interval literal rather than a column named `interval`. */
export function startsInterval(cursor: TokenCursor): boolean {
  const next = cursor.peek(1);
  if (next.kind === 'string' || next.kind === 'number') return true;
  return (cursor.isOperator('-', 1) || cursor.isOperator('+', 1)) && cursor.peek(2).kind === 'number';
}

/**
 * At INTERVAL: `INTERVAL '30 days'` (PostgreSQL, DuckDB), `INTERVAL '1' DAY` (standard SQL) or
 * `INTERVAL 30 DAY` (MySQL, BigQuery), units singular or plural. One whole amount of one unit: the
 * node prints per dialect, and not every engine accepts `'1 day 2 hours'` or fractional amounts.
 */
export function parseInterval(cursor: TokenCursor): IntervalLiteral {
  cursor.next();
  const amountToken = cursor.peek();
  let amount: string;
  let unit: string | undefined;
  if (amountToken.kind === 'string') {
    cursor.next();
    const match = QUOTED_INTERVAL.exec(amountToken.value);
    if (match === null) {
      cursor.fail("an interval must be one amount of one unit, like '30 days'", amountToken.start);
    }
    amount = match[1]!;
    unit = match[2];
  } else {
    const sign = cursor.acceptOperator('-') ?? cursor.acceptOperator('+');
    amount = (sign?.value === '-' ? '-' : '') + cursor.next().text;
  }
  if (!/^[+-]?\d+$/.test(amount) || !Number.isSafeInteger(Number(amount))) {
    cursor.fail('an interval amount must be a whole number', amountToken.start);
  }
  const unitToken = cursor.peek();
  if (unitToken.kind === 'word' && unitOf(unitToken.value) !== undefined) {
    if (unit !== undefined) cursor.fail('the interval names its unit twice', unitToken.start);
    cursor.next();
    unit = unitToken.value;
  }
  if (unit === undefined) {
    cursor.fail(`expected a unit (DAY, MONTH, …) after the interval amount${cursor.found()}`);
  }
  const timeUnit = unitOf(unit);
  if (timeUnit === undefined) {
    cursor.fail(`unknown interval unit \`${unit}\`: use ${[...UNITS].join(', ')}`, amountToken.start);
  }
  return interval(Number(amount), timeUnit);
}

/** `DAY`, `days`, `Day` → `day`; undefined for anything else. */
function unitOf(word: string): TimeUnit | undefined {
  const lower = word.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
  const singular = lower.endsWith('s') ? lower.slice(0, -1) : lower;
  return UNITS.has(singular) ? (singular as TimeUnit) : undefined;
}
