/**
 * Hand-written SQL for each demo query, written from the metric definitions in the wiki rather than
 * from the compiler's output. Only the quarter bucket differs by engine.
 */
type Engine = 'sqlite' | 'duckdb' | 'postgres' | 'mysql';

const QUARTER: Record<Engine, (column: string) => string> = {
  sqlite: (c) =>
    `date(${c}, 'start of month', '-' || ((CAST(strftime('%m', ${c}) AS INTEGER) - 1) % 3) || ' months')`,
  duckdb: (c) => `CAST(date_trunc('quarter', ${c}) AS DATE)`,
  postgres: (c) => `CAST(date_trunc('quarter', ${c}) AS DATE)`,
  mysql: (c) => `MAKEDATE(YEAR(${c}), 1) + INTERVAL (QUARTER(${c}) - 1) QUARTER`,
};

export function demoCheckSql(id: string, engine: Engine): string {
  switch (id) {
    case 'recurring-revenue':
      return `
        SELECT s.month,
               SUM(s.mrr),
               SUM(s.mrr) * 12,
               SUM(CASE WHEN s.previous_mrr > 0 THEN s.mrr END) * 1.0 / SUM(s.previous_mrr),
               SUM(CASE WHEN s.movement = 'churn' THEN s.previous_mrr END) * 1.0 / SUM(s.previous_mrr),
               SUM(s.mrr) * 1.0 / COUNT(DISTINCT CASE WHEN s.mrr > 0 THEN s.account_id END)
        FROM mrr_snapshots s JOIN accounts a ON a.id = s.account_id
        WHERE a.is_test = 0 AND s.month >= '2025-07-01'
        GROUP BY s.month ORDER BY s.month`;
    case 'fan-trap': {
      const quarter = QUARTER[engine];
      return `
        SELECT b.quarter, b.invoiced, p.collected
        FROM (SELECT ${quarter('issued_on')} AS quarter, SUM(total_amount) AS invoiced
              FROM invoices WHERE status <> 'void' AND issued_on >= '2025-01-01'
              GROUP BY ${quarter('issued_on')}) b
        LEFT JOIN (SELECT ${quarter('i.issued_on')} AS quarter, SUM(p.amount) AS collected
                   FROM payments p JOIN invoices i ON i.id = p.invoice_id
                   WHERE i.issued_on >= '2025-01-01'
                   GROUP BY ${quarter('i.issued_on')}) p ON p.quarter = b.quarter
        ORDER BY b.quarter`;
    }
    case 'chasm-trap':
      return `
        SELECT s.segment, b.invoiced, COALESCE(t.tickets, 0), t.hours
        FROM (SELECT DISTINCT segment FROM accounts) s
        LEFT JOIN (SELECT a.segment, SUM(i.total_amount) AS invoiced
                   FROM invoices i JOIN accounts a ON a.id = i.account_id
                   WHERE i.status <> 'void' GROUP BY a.segment) b ON b.segment = s.segment
        LEFT JOIN (SELECT a.segment, COUNT(*) AS tickets, AVG(t.resolution_minutes) / 60.0 AS hours
                   FROM support_tickets t JOIN accounts a ON a.id = t.account_id
                   WHERE a.is_test = 0 GROUP BY a.segment) t ON t.segment = s.segment
        ORDER BY s.segment`;
    default:
      throw new Error(`no check SQL for demo query ${id}`);
  }
}
