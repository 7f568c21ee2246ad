import { InvalidArgumentError } from 'commander';

/** Commander argument parser for positive integers; the message names the flag's expectation. */
export function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(parsed) || parsed < 1) {
    throw new InvalidArgumentError('expected a positive integer.');
  }
  return parsed;
}

/** Commander argument parser for whole numbers ≥ 0 (a LIMIT may be 0). */
export function nonNegativeInteger(value: string): number {
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(parsed))
    throw new InvalidArgumentError('expected a whole number ≥ 0.');
  return parsed;
}

/** For repeatable flags: `--database-schema a --database-schema b`. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
