// The labelled retrieval set over the bundled Brightdock demo (`assets/demo/`, built by `ktx demo`):
// questions as a data analyst or an agent would type them → the documents that answer them
// (`kind:key`; any one of them counts as found), grouped by what the question tests.
// Labels say what is right for the question, read off the demo's YAML, wiki and scanned values, not
// off what the ranker returns. After the first run they were only ever widened, where a returned
// document truly answers the question, by the two rules stated on METRICS and VALUES. Some questions
// are hard on purpose (a synonym that appears in no document: "DAU", "downgrades", "company size"),
// so the figures show where the index needs a real embedding model or better documents.

/** Support speed and CSAT are defined on one page. */
const TICKET_PAGE = 'wiki:metrics/ticket-resolution-time';

/**
 * Metric questions: abbreviations, synonyms and plain-language names of approved measures. The
 * measure counts as found, and so does the wiki page that defines it (never a raw column).
 */
const METRICS = [
  ['NRR', ['measure:mrr_snapshots.net_revenue_retention', 'wiki:metrics/net-revenue-retention']],
  [
    'net revenue retention by month',
    ['measure:mrr_snapshots.net_revenue_retention', 'wiki:metrics/net-revenue-retention'],
  ],
  [
    'net dollar retention',
    ['measure:mrr_snapshots.net_revenue_retention', 'wiki:metrics/net-revenue-retention'],
  ],
  ['GRR', ['measure:mrr_snapshots.gross_revenue_retention', 'wiki:metrics/net-revenue-retention']],
  ['ARPA', ['measure:mrr_snapshots.arpa', 'wiki:metrics/arpa']],
  ['average revenue per account', ['measure:mrr_snapshots.arpa', 'wiki:metrics/arpa']],
  ['ARR', ['measure:mrr_snapshots.arr', 'wiki:metrics/mrr']],
  ['annual run rate', ['measure:mrr_snapshots.arr', 'wiki:metrics/mrr']],
  ['monthly recurring revenue', ['measure:mrr_snapshots.mrr', 'wiki:metrics/mrr']],
  ['MRR same month last year', ['measure:mrr_snapshots.mrr_last_year']],
  ['live MRR from billing right now', ['measure:subscriptions.contracted_mrr', 'wiki:metrics/mrr']],
  ['upsell revenue', ['measure:mrr_snapshots.expansion_mrr', 'wiki:metrics/expansion']],
  ['expansion MRR', ['measure:mrr_snapshots.expansion_mrr', 'wiki:metrics/expansion']],
  [
    'downgrades',
    ['measure:mrr_snapshots.contraction_mrr', 'segment:mrr_snapshots.contractions', 'wiki:metrics/expansion'],
  ],
  ['MRR from new customers', ['measure:mrr_snapshots.new_mrr', 'segment:mrr_snapshots.new_business']],
  ['gross churn rate', ['measure:mrr_snapshots.gross_mrr_churn_rate', 'wiki:metrics/gross-churn']],
  ['logo churn', ['measure:mrr_snapshots.logo_churn_rate', 'wiki:metrics/gross-churn']],
  ['customer churn rate', ['measure:mrr_snapshots.logo_churn_rate', 'wiki:metrics/gross-churn']],
  ['how many accounts churned', ['measure:mrr_snapshots.churned_accounts', 'wiki:metrics/gross-churn']],
  [
    'revenue lost to cancellations',
    [
      'measure:mrr_snapshots.churned_mrr',
      'measure:mrr_snapshots.gross_mrr_churn_rate',
      'wiki:metrics/gross-churn',
    ],
  ],
  ['number of paying customers', ['measure:mrr_snapshots.paying_accounts']],
  ['how many accounts signed up', ['measure:accounts.account_count']],
  ['number of subsidiaries', ['measure:accounts.subsidiary_count', 'segment:accounts.subsidiaries']],
  ['activation rate', ['measure:users.activation_rate', 'wiki:metrics/activation-rate']],
  ['share of invited users who sign in', ['measure:users.activation_rate', 'wiki:metrics/activation-rate']],
  ['monthly active users', ['measure:product_events.active_users']],
  ['DAU', ['measure:product_events.active_users']],
  ['accounts using the product', ['measure:product_events.active_accounts']],
  ['dock appointments booked', ['measure:product_events.dock_bookings']],
  ['billings', ['measure:invoices.invoiced_amount', 'wiki:metrics/invoiced-vs-collected']],
  ['total invoiced per quarter', ['measure:invoices.invoiced_amount', 'wiki:metrics/invoiced-vs-collected']],
  ['cash collected', ['measure:payments.collected_amount']],
  ['average invoice size', ['measure:invoices.average_invoice']],
  ['bad debt', ['measure:invoices.uncollectible_amount', 'wiki:policies/revenue-recognition']],
  ['total refunded', ['measure:refunds.refunded_amount']],
  ['SLA credits issued', ['measure:invoice_lines.credits_issued']],
  [
    'one-time charges like onboarding',
    ['measure:invoice_lines.one_time_billings', 'segment:invoice_lines.one_time'],
  ],
  ['licensed seats', ['measure:subscriptions.seats_in_force']],
  [
    'cancelled subscriptions count',
    ['measure:subscriptions.cancellations', 'segment:subscriptions.canceled'],
  ],
  ['support ticket volume', ['measure:support_tickets.ticket_count']],
  [
    'time to resolve a ticket',
    ['measure:support_tickets.avg_resolution_hours', 'wiki:metrics/ticket-resolution-time'],
  ],
  ['first response time', ['measure:support_tickets.avg_first_response_minutes', TICKET_PAGE]],
  ['CSAT', ['measure:support_tickets.csat', TICKET_PAGE]],
  ['customer satisfaction score', ['measure:support_tickets.csat', TICKET_PAGE]],
  ['sales rep headcount', ['measure:sales_reps.rep_count']],
];

/** Column questions: identifiers as written, split, camel-cased, or described in words. */
const ACCOUNT_ID_COLUMNS = [
  'invoices',
  'subscriptions',
  'users',
  'mrr_snapshots',
  'support_tickets',
  'product_events',
].map((source) => `dimension:${source}.account_id`);
const COLUMNS = [
  ['customer id', [...ACCOUNT_ID_COLUMNS, 'dimension:accounts.id']],
  ['plan_id', ['dimension:subscriptions.plan_id']],
  ['isTest', ['dimension:accounts.is_test']],
  ['employee count', ['dimension:accounts.employee_count']],
  ['company size', ['dimension:accounts.employee_count']],
  ['discount percent on a subscription', ['dimension:subscriptions.discount_pct']],
  ['invoice due date', ['dimension:invoices.due_on']],
  ['seat price', ['dimension:plans.seat_price']],
  [
    'account executive who owns the account',
    ['dimension:accounts.owner_rep_id', 'wiki:guides/account-ownership'],
  ],
  ['CSM', ['dimension:accounts.csm_rep_id', 'wiki:guides/account-ownership', 'wiki:glossary']],
  ['satisfaction_score', ['dimension:support_tickets.satisfaction_score']],
  ['resolutionMinutes', ['dimension:support_tickets.resolution_minutes']],
  ['account signup date', ['dimension:accounts.created_at']],
  ['when a user first signed in', ['dimension:users.activated_at']],
  ['months of service an invoice covers', ['dimension:invoices.service_months']],
];

/**
 * Value lookups: a sampled column value (or a word for one) → the column that holds it. The answer is
 * the column, so its `dimension` document counts as well as its `value` document (added below).
 */
const VALUES = [
  [
    'which column says enterprise',
    [
      'value:accounts.segment',
      'value:plans.tier',
      'dimension:accounts.segment',
      'segment:accounts.enterprise',
    ],
  ],
  ['mid_market', ['value:accounts.segment']],
  ['food and beverage customers', ['value:accounts.industry']],
  ['EMEA', ['value:accounts.region', 'value:sales_reps.region']],
  ['past_due invoices', ['value:invoices.status']],
  ['paid by wire', ['value:payments.method']],
  ['ACH', ['value:payments.method']],
  ['lost to a competitor', ['value:subscriptions.cancel_reason']],
  ['integration_synced', ['value:product_events.event_type']],
  ['yard moves', ['value:product_events.event_type']],
  ['bug reports', ['value:support_tickets.category']],
  ['tickets by phone', ['value:support_tickets.channel', 'dimension:support_tickets.channel']],
  ['dispatcher', ['value:users.role']],
  ['PRO-LEGACY', ['value:plans.code', 'source:plans']],
  ['annual billing period', ['value:plans.billing_period', 'dimension:plans.billing_period']],
  ['urgent tickets', ['segment:support_tickets.urgent', 'value:support_tickets.priority']],
  ['duplicate charge refunds', ['value:refunds.reason']],
  ['customers in Germany', ['value:accounts.country']],
];

/** Policy and how-to questions a wiki page answers. */
const POLICIES = [
  ['when do we recognise revenue for annual invoices', ['wiki:policies/revenue-recognition']],
  ['is onboarding counted as MRR', ['wiki:policies/revenue-recognition', 'wiki:metrics/mrr']],
  ['deferred revenue', ['wiki:policies/revenue-recognition']],
  ['QA sandbox account', ['wiki:data-quality/test-account']],
  ['should internal test accounts be excluded', ['wiki:data-quality/test-account']],
  ['why are the last two weeks of events incomplete', ['wiki:data-quality/late-arriving-data']],
  ['late payments in the bank file', ['wiki:data-quality/late-arriving-data']],
  ['missing industry values', ['wiki:data-quality/missing-values']],
  ['fan trap', ['wiki:guides/fan-and-chasm-traps', 'wiki:metrics/invoiced-vs-collected']],
  ['joining invoices and tickets double counts', ['wiki:guides/fan-and-chasm-traps']],
  ['can I sum MRR over a quarter', ['wiki:metrics/mrr']],
  ['what does Brightdock sell', ['wiki:company-overview']],
  ['rules for writing raw SQL', ['wiki:guides/querying-the-warehouse']],
  ['how to compute annual NRR', ['wiki:metrics/net-revenue-retention']],
  ['glossary of business terms', ['wiki:glossary']],
  ['peak season', ['wiki:company-overview']],
  ['resolution target for urgent tickets', ['wiki:metrics/ticket-resolution-time']],
  ['billings vs collections', ['wiki:metrics/invoiced-vs-collected']],
];

/** Table questions: what a source holds, in words. */
const SOURCES = [
  ['price book', ['source:plans']],
  ['helpdesk tickets table', ['source:support_tickets']],
  ['contract versions', ['source:subscriptions']],
  ['go-to-market team', ['source:sales_reps']],
  ['invoice line items', ['source:invoice_lines']],
];

const tag = (group, rows) => rows.map(([query, expected]) => [query, expected, group]);
/** A `value:t.c` label also accepts `dimension:t.c`: the same column, found by its description. */
const withColumns = (rows) =>
  rows.map(([query, expected]) => [
    query,
    [
      ...new Set(
        expected.flatMap((label) =>
          label.startsWith('value:') ? [label, `dimension:${label.slice(6)}`] : [label],
        ),
      ),
    ],
  ]);

/** `[query, expected kind:key list, group]`. */
export const BRIGHTDOCK_QUESTIONS = [
  ...tag('metric', METRICS),
  ...tag('column', COLUMNS),
  ...tag('value', withColumns(VALUES)),
  ...tag('policy', POLICIES),
  ...tag('source', SOURCES),
];
