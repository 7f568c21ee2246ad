import { describe, expect, test } from 'vitest';
import { isKtxError } from '../../core/index.js';
import type { CastType, TimeGrain, TimeUnit } from '../ast/expression.js';
import { DIALECT_NAMES, type DialectName } from '../dialect-name.js';
import { getPrinting, PRINTING } from './printing-registry.js';

const CAST_TYPES: CastType[] = ['integer', 'decimal', 'float', 'text', 'date', 'timestamp', 'boolean'];
const GRAINS: TimeGrain[] = ['hour', 'day', 'week', 'month', 'quarter', 'year'];
const UNITS: TimeUnit[] = ['second', 'minute', 'hour', 'day', 'week', 'month', 'quarter', 'year'];

/**
 * True when `sql` can sit next to any operator unparenthesised: a literal or name, `INTERVAL …`,
 * `CASE … END`, or a call / parenthesised group (possibly `f(…)(…)`) that closes at the very end.
 */
function isSelfDelimited(sql: string): boolean {
  if (/^INTERVAL /.test(sql) || /^CASE .* END$/s.test(sql)) return true;
  const open = sql.indexOf('(');
  if (open < 0) return /^[\w.']+$/.test(sql);
  if (!/^[A-Za-z_0-9]*$/.test(sql.slice(0, open))) return false;
  let depth = 0;
  let quoted = false;
  for (let index = open; index < sql.length; index++) {
    const char = sql[index];
    if (char === "'") quoted = !quoted;
    if (quoted) continue;
    if (char === '(') depth++;
    if (char === ')') depth--;
    if (depth === 0 && index < sql.length - 1 && sql[index + 1] !== '(') return false;
  }
  return depth === 0;
}

/** Calls `print`, returning undefined when it refuses with `unsupported_expression`. */
function unlessUnsupported(print: () => string): string | undefined {
  try {
    return print();
  } catch (error) {
    if (isKtxError(error, 'unsupported_expression')) return undefined;
    throw error;
  }
}

describe.each(DIALECT_NAMES)('%s keeps the printing contract', (name: DialectName) => {
  const printing = getPrinting(name);

  test('is registered under its own name, with a display name for messages', () => {
    expect(PRINTING[name]).toBe(printing);
    expect(printing.name).toBe(name);
    expect(printing.displayName.length).toBeGreaterThan(0);
  });

  test('casts, truncations, offsets and intervals are self-delimited', () => {
    const outputs = [
      ...CAST_TYPES.map((type) => unlessUnsupported(() => printing.cast('x', type))),
      ...GRAINS.map((grain) => printing.timeTrunc(grain, 'x')),
      ...UNITS.map((unit) => printing.timeAdd(unit, -2, 'x')),
      ...UNITS.map((unit) => unlessUnsupported(() => printing.interval(unit, 2))),
    ];
    for (const sql of outputs) if (sql !== undefined) expect(isSelfDelimited(sql), sql).toBe(true);
  });

  test('session settings are plain name/value pairs', () => {
    for (const [key, value] of Object.entries(printing.sessionSettings)) {
      expect(key).toMatch(/^[A-Za-z_]+$/);
      expect(value).toMatch(/^[\w]+$/);
    }
  });
});

test('getPrinting refuses a name from outside the type system', () => {
  expect(() => getPrinting('oracle' as DialectName)).toThrow(/Unknown SQL dialect "oracle"/);
});

test('the self-delimited check itself', () => {
  expect(isSelfDelimited('DATE_TRUNC(x, DAY)')).toBe(true);
  expect(isSelfDelimited('quantileExactInclusive(0.5)(x)')).toBe(true);
  expect(isSelfDelimited('(x + INTERVAL 1 DAY)')).toBe(true);
  expect(isSelfDelimited('x + 1')).toBe(false);
  expect(isSelfDelimited('(a) - (b)')).toBe(false);
  expect(isSelfDelimited('f(a) - 1')).toBe(false);
});
