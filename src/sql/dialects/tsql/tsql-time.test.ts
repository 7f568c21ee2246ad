import { describe, expect, test } from 'vitest';
import { tsqlTimeTrunc } from './tsql-time.js';

// No SQL Server runs here, so the arithmetic of the printed week start is replayed in JS: T-SQL's `%`
// truncates toward zero and keeps the dividend's sign, exactly like JS `%`.

const DAY = 86_400_000;
const ANCHOR = Date.UTC(1900, 0, 1);

/** `DATEADD(day, -((DATEDIFF(day, '19000101', x) % 7 + 7) % 7), x)`, day by day. */
function printedWeekStart(date: Date): Date {
  const daysSinceAnchor = Math.round((date.getTime() - ANCHOR) / DAY);
  return new Date(date.getTime() - (((daysSinceAnchor % 7) + 7) % 7) * DAY);
}

describe('T-SQL week start', () => {
  test('prints the expression replayed below', () => {
    expect(tsqlTimeTrunc('week', 'x')).toBe(
      "DATEADD(day, -((DATEDIFF(day, CAST('19000101' AS DATE), x) % 7 + 7) % 7), CAST(x AS DATE))",
    );
  });

  test('1900-01-01, the anchor, is a Monday', () => {
    expect(new Date(ANCHOR).getUTCDay()).toBe(1);
  });

  test.each([
    ['around the anchor, including dates before it', Date.UTC(1899, 6, 1)],
    ['around today', Date.UTC(2024, 0, 1)],
  ])('every day %s maps to the Monday on or before it', (_, start) => {
    for (let day = 0; day < 1000; day++) {
      const date = new Date(start + day * DAY);
      const monday = printedWeekStart(date);
      expect(monday.getUTCDay()).toBe(1);
      expect(date.getTime() - monday.getTime()).toBeGreaterThanOrEqual(0);
      expect(date.getTime() - monday.getTime()).toBeLessThan(7 * DAY);
    }
  });
});
