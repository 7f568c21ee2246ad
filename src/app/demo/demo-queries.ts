import type { SemanticQuery } from '../../semantic/index.js';

/** How the demo prints a result column. */
export type DemoColumnFormat = 'usd' | 'percent' | 'number' | 'hours' | 'month' | 'quarter' | 'text';

/** The hand-written SQL an analyst might try instead, run beside the metric query to show the gap. */
export interface NaiveSql {
  sql: string;
  /** Why it is wrong, one sentence. */
  why: string;
  /** Naive column → the metric query's column it should have matched. Rows pair on the first column. */
  compare: Record<string, string>;
}

export interface DemoQuery {
  id: 'recurring-revenue' | 'fan-trap' | 'chasm-trap';
  title: string;
  question: string;
  query: SemanticQuery;
  /** The same query as `ktx sl query` flags, so the user can re-run and vary it. */
  flags: string[];
  formats: Record<string, DemoColumnFormat>;
  naive?: NaiveSql;
}

/**
 * The three example questions `ktx demo` answers. They are also the queries `test/demo/` checks
 * against independently written SQL on every engine, so keep the two in step.
 */
export const DEMO_QUERIES: readonly DemoQuery[] = [
  {
    id: 'recurring-revenue',
    title: 'Recurring revenue, second half of 2025',
    question: 'What were MRR, ARR, net revenue retention, gross churn and ARPA each month?',
    query: {
      measures: [
        'mrr_snapshots.mrr',
        'mrr_snapshots.arr',
        'mrr_snapshots.net_revenue_retention',
        'mrr_snapshots.gross_mrr_churn_rate',
        'mrr_snapshots.arpa',
      ],
      dimensions: [{ field: 'mrr_snapshots.month', granularity: 'month' }],
      filters: ["mrr_snapshots.month >= '2025-07-01'"],
      orderBy: [{ field: 'month_month' }],
    },
    flags: [
      '--measure mrr_snapshots.mrr --measure mrr_snapshots.arr --measure mrr_snapshots.net_revenue_retention',
      '--measure mrr_snapshots.gross_mrr_churn_rate --measure mrr_snapshots.arpa',
      `--dimension mrr_snapshots.month:month --filter "mrr_snapshots.month >= '2025-07-01'"`,
    ],
    formats: {
      month_month: 'month',
      mrr: 'usd',
      arr: 'usd',
      net_revenue_retention: 'percent',
      gross_mrr_churn_rate: 'percent',
      arpa: 'usd',
    },
  },
  {
    id: 'fan-trap',
    title: 'Billings vs collections by quarter, 2025 (a fan trap)',
    question: 'How much did we invoice and collect per quarter of issue?',
    query: {
      measures: ['invoices.invoiced_amount', 'payments.collected_amount'],
      dimensions: [{ field: 'invoices.issued_on', granularity: 'quarter' }],
      filters: ["invoices.issued_on >= '2025-01-01'"],
      orderBy: [{ field: 'issued_on_quarter' }],
    },
    flags: [
      '--measure invoices.invoiced_amount --measure payments.collected_amount',
      `--dimension invoices.issued_on:quarter --filter "invoices.issued_on >= '2025-01-01'"`,
    ],
    formats: { issued_on_quarter: 'quarter', invoiced_amount: 'usd', collected_amount: 'usd' },
    naive: {
      sql: [
        "SELECT date(i.issued_on, 'start of month',",
        "         '-' || ((CAST(strftime('%m', i.issued_on) AS INTEGER) - 1) % 3) || ' months') AS quarter,",
        '       SUM(i.total_amount) AS invoiced_amount, SUM(p.amount) AS collected_amount',
        'FROM invoices i LEFT JOIN payments p ON p.invoice_id = i.id',
        "WHERE i.status <> 'void' AND i.issued_on >= '2025-01-01'",
        'GROUP BY 1 ORDER BY 1',
      ].join('\n'),
      why: 'invoices paid in two installments join two payment rows, so their totals are added twice',
      compare: { invoiced_amount: 'invoiced_amount' },
    },
  },
  {
    id: 'chasm-trap',
    title: 'Billings and support load by segment, all time (a chasm trap)',
    question:
      'How much have we invoiced each segment, how many tickets did it file, how fast were they solved?',
    query: {
      measures: [
        'invoices.invoiced_amount',
        'support_tickets.ticket_count',
        'support_tickets.avg_resolution_hours',
      ],
      dimensions: ['accounts.segment'],
      orderBy: [{ field: 'segment' }],
    },
    flags: [
      '--measure invoices.invoiced_amount --measure support_tickets.ticket_count',
      '--measure support_tickets.avg_resolution_hours --dimension accounts.segment',
    ],
    formats: {
      segment: 'text',
      invoiced_amount: 'usd',
      ticket_count: 'number',
      avg_resolution_hours: 'hours',
    },
    naive: {
      sql: [
        'SELECT a.segment, SUM(i.total_amount) AS invoiced_amount, COUNT(t.id) AS ticket_count',
        'FROM accounts a',
        "JOIN invoices i ON i.account_id = a.id AND i.status <> 'void'",
        'LEFT JOIN support_tickets t ON t.account_id = a.id',
        'WHERE a.is_test = 0',
        'GROUP BY a.segment ORDER BY a.segment',
      ].join('\n'),
      why: 'every invoice of an account is paired with every ticket of that account, multiplying both',
      compare: { invoiced_amount: 'invoiced_amount', ticket_count: 'ticket_count' },
    },
  },
];

/** The search the demo runs after building the index. */
export const DEMO_SEARCH = 'net revenue retention';
