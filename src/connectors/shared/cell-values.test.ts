import { describe, expect, it } from 'vitest';
import {
  booleanCell,
  decimalCell,
  floatCell,
  hexCell,
  integerCell,
  timestampCell,
  timestamptzCell,
} from './cell-values.js';

describe('integerCell', () => {
  it('keeps integers inside ±(2^53 − 1) as numbers and the rest as exact text', () => {
    expect(integerCell(42n)).toBe(42);
    expect(integerCell('-9007199254740991')).toBe(-9007199254740991);
    expect(integerCell('9007199254740993')).toBe('9007199254740993');
    expect(integerCell(-(2n ** 63n))).toBe('-9223372036854775808');
    expect(integerCell('170141183460469231731687303715884105727')).toBe(
      '170141183460469231731687303715884105727',
    );
  });

  it('passes text that is not an integer through unchanged', () => {
    expect(integerCell('12abc')).toBe('12abc');
  });
});

describe('floatCell', () => {
  it('returns finite numbers and spells NaN and infinities as text', () => {
    expect(floatCell('0.1')).toBe(0.1);
    expect(floatCell(Number.NaN)).toBe('NaN');
    expect(floatCell('Infinity')).toBe('Infinity');
    expect(floatCell('-Infinity')).toBe('-Infinity');
  });
});

describe('other scalars', () => {
  it('keeps decimals as text, binary as 0x hex, booleans from engine spellings', () => {
    expect(decimalCell(12.5)).toBe('12.5');
    expect(decimalCell('1234567890123456789012345678.0123456789')).toBe(
      '1234567890123456789012345678.0123456789',
    );
    expect(hexCell(new Uint8Array([0, 255, 16]))).toBe('0x00ff10');
    expect(booleanCell('t')).toBe(true);
    expect(booleanCell(0n)).toBe(false);
    expect(booleanCell(5n)).toBe(5);
  });
});

describe('timestamps', () => {
  it('writes zone-less timestamps as ISO 8601 without trailing fraction zeros', () => {
    expect(timestampCell('2024-02-29 13:45:30.123450')).toBe('2024-02-29T13:45:30.12345');
    expect(timestampCell('2024-02-29 13:45:30.000000')).toBe('2024-02-29T13:45:30');
    expect(timestampCell('infinity')).toBe('infinity');
  });

  it('writes zoned timestamps in UTC with Z, applying any offset', () => {
    expect(timestamptzCell('2024-02-29 13:45:30.5+00')).toBe('2024-02-29T13:45:30.5Z');
    expect(timestamptzCell('2024-02-29 13:45:30')).toBe('2024-02-29T13:45:30Z');
    expect(timestamptzCell('2024-03-01 01:15:00+05:30')).toBe('2024-02-29T19:45:00Z');
    expect(timestamptzCell('2024-02-29 23:00:00.25-02')).toBe('2024-03-01T01:00:00.25Z');
    expect(timestamptzCell('-infinity')).toBe('-infinity');
  });
});
