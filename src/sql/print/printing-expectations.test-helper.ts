import { expect } from 'vitest';
import { isKtxError } from '../../core/index.js';
import { DIALECT_NAMES, type DialectName } from '../dialect-name.js';

/** The expectation for a dialect that must refuse (`unsupported_expression`) rather than print. */
export const NOT_SUPPORTED = Symbol('not supported');

export type Expected = string | typeof NOT_SUPPORTED;

/** One expectation per dialect: adding a dialect makes every table of these fail to compile. */
export type PerDialect<T = Expected> = Record<DialectName, T>;

/** Runs `print` and checks it returns `expected`, or throws `unsupported_expression` naming the engine. */
export function expectPrinted(print: () => string, expected: Expected): void {
  if (expected !== NOT_SUPPORTED) {
    expect(print()).toBe(expected);
    return;
  }
  let thrown: unknown;
  try {
    print();
  } catch (error) {
    thrown = error;
  }
  expect(
    isKtxError(thrown, 'unsupported_expression'),
    `expected unsupported_expression, got ${String(thrown)}`,
  ).toBe(true);
  expect((thrown as Error & { fix?: string }).fix).toBeTruthy();
}

/** `[name, expected]` rows for `test.each`, in registry order. */
export function rows<T>(table: PerDialect<T>): [DialectName, T][] {
  return DIALECT_NAMES.map((name) => [name, table[name]]);
}
