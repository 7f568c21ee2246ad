import { assertNever } from '../../../core/index.js';
import type { TimeGrain } from '../../ast/expression.js';

/** 1900-01-01 was a Monday; `YYYYMMDD` reads the same under every DATEFORMAT and language. */
const MONDAY = "CAST('19000101' AS DATE)";

/**
 * No DATE_TRUNC before SQL Server 2022 (DATETRUNC), so grains are rebuilt from parts. Day and coarser
 * grains return DATE, hour returns DATETIME2(0). The week avoids DATEPART(weekday), which follows
 * SET DATEFIRST: the days since a known Monday, modulo 7 (made non-negative for earlier dates), is
 * how far the date is past its Monday.
 * @see https://learn.microsoft.com/en-us/sql/t-sql/functions/datefromparts-transact-sql
 */
export function tsqlTimeTrunc(grain: TimeGrain, sql: string): string {
  switch (grain) {
    case 'hour':
      return `DATETIME2FROMPARTS(YEAR(${sql}), MONTH(${sql}), DAY(${sql}), DATEPART(hour, ${sql}), 0, 0, 0, 0)`;
    case 'day':
      return `CAST(${sql} AS DATE)`;
    case 'week':
      return `DATEADD(day, -((DATEDIFF(day, ${MONDAY}, ${sql}) % 7 + 7) % 7), CAST(${sql} AS DATE))`;
    case 'month':
      return `DATEFROMPARTS(YEAR(${sql}), MONTH(${sql}), 1)`;
    case 'quarter':
      return `DATEFROMPARTS(YEAR(${sql}), (DATEPART(quarter, ${sql}) - 1) * 3 + 1, 1)`;
    case 'year':
      return `DATEFROMPARTS(YEAR(${sql}), 1, 1)`;
    default:
      return assertNever(grain, 'time grain');
  }
}
