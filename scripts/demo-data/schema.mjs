/**
 * The Brightdock warehouse: twelve tables of a B2B SaaS company selling dock scheduling and yard
 * management software to warehouses and carriers. Column order here is the order of every row the
 * generator emits.
 *
 * `references` marks a foreign key the DDL declares. `hiddenReference` marks one the data obeys but
 * the DDL does NOT declare, so `ktx scan` has joins to discover (as in most real warehouses).
 *
 * @typedef {'integer' | 'decimal' | 'text' | 'date' | 'timestamp'} DemoColumnType
 * @typedef {{ table: string, column: string }} DemoReference
 * @typedef {{ name: string, type: DemoColumnType, primaryKey?: boolean, notNull?: boolean,
 *   references?: DemoReference, hiddenReference?: DemoReference }} DemoColumn
 * @typedef {{ name: string, comment: string, columns: DemoColumn[] }} DemoTableSchema
 */

/** @type {(table: string, column?: string) => DemoReference} */
const ref = (table, column = 'id') => ({ table, column });
const id = /** @type {DemoColumn} */ ({ name: 'id', type: 'integer', primaryKey: true });

/** In dependency order: a table only declares keys to tables above it. @type {DemoTableSchema[]} */
export const DEMO_SCHEMA = [
  {
    name: 'sales_reps',
    comment: 'Account executives, customer success managers and their managers',
    columns: [
      id,
      { name: 'full_name', type: 'text', notNull: true },
      { name: 'email', type: 'text', notNull: true },
      { name: 'role', type: 'text', notNull: true },
      { name: 'region', type: 'text', notNull: true },
      { name: 'manager_id', type: 'integer', hiddenReference: ref('sales_reps') },
      { name: 'hired_on', type: 'date', notNull: true },
    ],
  },
  {
    name: 'plans',
    comment: 'Price book: list prices are monthly equivalents, annual plans are billed yearly',
    columns: [
      id,
      { name: 'code', type: 'text', notNull: true },
      { name: 'name', type: 'text', notNull: true },
      { name: 'tier', type: 'text', notNull: true },
      { name: 'billing_period', type: 'text', notNull: true },
      { name: 'base_price', type: 'decimal', notNull: true },
      { name: 'seat_price', type: 'decimal', notNull: true },
      { name: 'is_retired', type: 'integer', notNull: true },
    ],
  },
  {
    name: 'accounts',
    comment: 'Customer and trial companies; subsidiaries point at their parent account',
    columns: [
      id,
      { name: 'name', type: 'text', notNull: true },
      { name: 'parent_account_id', type: 'integer', hiddenReference: ref('accounts') },
      { name: 'segment', type: 'text', notNull: true },
      { name: 'industry', type: 'text' },
      { name: 'country', type: 'text' },
      { name: 'region', type: 'text', notNull: true },
      { name: 'employee_count', type: 'integer' },
      { name: 'owner_rep_id', type: 'integer', notNull: true, references: ref('sales_reps') },
      { name: 'csm_rep_id', type: 'integer', hiddenReference: ref('sales_reps') },
      { name: 'created_at', type: 'timestamp', notNull: true },
      { name: 'is_test', type: 'integer', notNull: true },
    ],
  },
  {
    name: 'users',
    comment: 'People invited into a customer workspace',
    columns: [
      id,
      { name: 'account_id', type: 'integer', notNull: true, references: ref('accounts') },
      { name: 'email', type: 'text' },
      { name: 'role', type: 'text', notNull: true },
      { name: 'invited_at', type: 'timestamp', notNull: true },
      { name: 'activated_at', type: 'timestamp' },
    ],
  },
  {
    name: 'subscriptions',
    comment: 'One row per contract version: a plan or seat change ends a row and starts the next',
    columns: [
      id,
      { name: 'account_id', type: 'integer', notNull: true, references: ref('accounts') },
      { name: 'plan_id', type: 'integer', notNull: true, references: ref('plans') },
      { name: 'status', type: 'text', notNull: true },
      { name: 'seats', type: 'integer', notNull: true },
      { name: 'discount_pct', type: 'decimal', notNull: true },
      { name: 'mrr', type: 'decimal', notNull: true },
      { name: 'started_on', type: 'date', notNull: true },
      { name: 'ended_on', type: 'date' },
      { name: 'cancel_reason', type: 'text' },
    ],
  },
  {
    name: 'mrr_snapshots',
    comment: 'Month-end MRR per account, with the previous month-end and the movement between them',
    columns: [
      { name: 'account_id', type: 'integer', primaryKey: true, hiddenReference: ref('accounts') },
      { name: 'month', type: 'date', primaryKey: true },
      { name: 'mrr', type: 'decimal', notNull: true },
      { name: 'previous_mrr', type: 'decimal', notNull: true },
      { name: 'movement', type: 'text', notNull: true },
    ],
  },
  {
    name: 'invoices',
    comment: 'Invoices issued per billing period; total_amount is the sum of its lines',
    columns: [
      id,
      { name: 'invoice_number', type: 'text', notNull: true },
      { name: 'account_id', type: 'integer', notNull: true, references: ref('accounts') },
      { name: 'subscription_id', type: 'integer', hiddenReference: ref('subscriptions') },
      { name: 'issued_on', type: 'date', notNull: true },
      { name: 'due_on', type: 'date', notNull: true },
      { name: 'status', type: 'text', notNull: true },
      { name: 'total_amount', type: 'decimal', notNull: true },
      { name: 'service_months', type: 'integer', notNull: true },
    ],
  },
  {
    name: 'invoice_lines',
    comment: 'Lines of an invoice: plan fee, seats, usage overage, one-time onboarding, credits',
    columns: [
      id,
      { name: 'invoice_id', type: 'integer', notNull: true, references: ref('invoices') },
      { name: 'line_type', type: 'text', notNull: true },
      { name: 'description', type: 'text', notNull: true },
      { name: 'quantity', type: 'integer', notNull: true },
      { name: 'amount', type: 'decimal', notNull: true },
    ],
  },
  {
    name: 'payments',
    comment: 'Money received against invoices; large invoices are sometimes paid in installments',
    columns: [
      id,
      { name: 'invoice_id', type: 'integer', notNull: true, hiddenReference: ref('invoices') },
      { name: 'paid_at', type: 'timestamp', notNull: true },
      { name: 'recorded_at', type: 'timestamp', notNull: true },
      { name: 'amount', type: 'decimal', notNull: true },
      { name: 'method', type: 'text', notNull: true },
    ],
  },
  {
    name: 'refunds',
    comment: 'Money returned to customers against a payment',
    columns: [
      id,
      { name: 'payment_id', type: 'integer', notNull: true, hiddenReference: ref('payments') },
      { name: 'refunded_at', type: 'timestamp', notNull: true },
      { name: 'amount', type: 'decimal', notNull: true },
      { name: 'reason', type: 'text' },
    ],
  },
  {
    name: 'product_events',
    comment: 'Product analytics events; mobile clients sync late, so recent days are incomplete',
    columns: [
      id,
      { name: 'account_id', type: 'integer', notNull: true, hiddenReference: ref('accounts') },
      { name: 'user_id', type: 'integer', hiddenReference: ref('users') },
      { name: 'event_type', type: 'text', notNull: true },
      { name: 'occurred_at', type: 'timestamp', notNull: true },
      { name: 'received_at', type: 'timestamp', notNull: true },
    ],
  },
  {
    name: 'support_tickets',
    comment: 'Helpdesk tickets; minutes are business-agnostic wall-clock durations from the helpdesk',
    columns: [
      id,
      { name: 'account_id', type: 'integer', notNull: true, hiddenReference: ref('accounts') },
      { name: 'requester_user_id', type: 'integer', hiddenReference: ref('users') },
      { name: 'priority', type: 'text', notNull: true },
      { name: 'category', type: 'text', notNull: true },
      { name: 'channel', type: 'text', notNull: true },
      { name: 'opened_at', type: 'timestamp', notNull: true },
      { name: 'first_response_minutes', type: 'integer' },
      { name: 'resolved_at', type: 'timestamp' },
      { name: 'resolution_minutes', type: 'integer' },
      { name: 'satisfaction_score', type: 'integer' },
    ],
  },
];
