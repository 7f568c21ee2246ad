import { assertNever } from '../../../core/index.js';
import type { TimeGrain, TimeUnit } from '../../ast/expression.js';
import { checkWholeAmount } from '../../print/sql-text.js';

/**
 * MySQL/MariaDB have no DATE_TRUNC. Day and coarser grains return DATE, hour returns DATETIME.
 * WEEKDAY() is 0 for Monday whatever the session's week settings, so the week start is
 * `DATE(x) - WEEKDAY(x) days` and a Monday maps to itself.
 * @see https://dev.mysql.com/doc/refman/8.0/en/date-and-time-functions.html#function_weekday
 */
export function mysqlTimeTrunc(grain: TimeGrain, sql: string): string {
  switch (grain) {
    case 'hour':
      return `DATE_ADD(DATE(${sql}), INTERVAL HOUR(${sql}) HOUR)`;
    case 'day':
      return `DATE(${sql})`;
    case 'week':
      return `DATE_SUB(DATE(${sql}), INTERVAL WEEKDAY(${sql}) DAY)`;
    case 'month':
      return `DATE_SUB(DATE(${sql}), INTERVAL DAYOFMONTH(${sql}) - 1 DAY)`;
    case 'quarter':
      return `DATE_ADD(MAKEDATE(YEAR(${sql}), 1), INTERVAL QUARTER(${sql}) - 1 QUARTER)`;
    case 'year':
      return `MAKEDATE(YEAR(${sql}), 1)`;
    default:
      return assertNever(grain, 'time grain');
  }
}

/** DATE_ADD keeps a DATE a DATE for day and coarser units; month steps clamp to the month's end. */
export function mysqlTimeAdd(unit: TimeUnit, amount: number, sql: string): string {
  return `DATE_ADD(${sql}, ${mysqlInterval(unit, amount)})`;
}

/** `INTERVAL 3 MONTH`: only valid as an operand of `+`/`-` with a date, or inside DATE_ADD/DATE_SUB. */
export function mysqlInterval(unit: TimeUnit, amount: number): string {
  checkWholeAmount(amount);
  switch (unit) {
    case 'second':
    case 'minute':
    case 'hour':
    case 'day':
    case 'week':
    case 'month':
    case 'quarter':
    case 'year':
      return `INTERVAL ${amount} ${unit.toUpperCase()}`;
    default:
      return assertNever(unit, 'time unit');
  }
}
