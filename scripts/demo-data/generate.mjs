import { createHash } from 'node:crypto';
import { generateAccounts, generatePlans, generateReps } from './generate-accounts.mjs';
import { generateActivity } from './generate-activity.mjs';
import { generateBilling } from './generate-billing.mjs';
import { SeededRandom } from './random.mjs';
import { DEMO_SCHEMA } from './schema.mjs';

/** The seed of the shipped warehouse (`assets/demo/brightdock.sqlite`). */
export const DEMO_SEED = 20260105;

/**
 * @typedef {import('./schema.mjs').DemoTableSchema & { rows: unknown[][] }} DemoTable
 * @typedef {{ seed: number, tables: DemoTable[] }} DemoData
 */

/**
 * The whole Brightdock warehouse as rows, a pure function of the seed. Each subsystem draws from its
 * own stream, so changing how (say) tickets are drawn does not reshuffle every invoice.
 * @param {number} [seed]
 * @returns {DemoData}
 */
export function generateDemoData(seed = DEMO_SEED) {
  const stream = (offset) => new SeededRandom((seed * 31 + offset) >>> 0);
  const { reps, byRegion } = generateReps(stream(1));
  const plans = generatePlans();
  const accounts = generateAccounts(stream(2), byRegion);
  const billing = generateBilling(stream(3), accounts, plans);
  const activity = generateActivity(stream(4), accounts, billing.subscriptions);
  /** @type {Record<string, Record<string, unknown>[]>} */
  const objects = {
    sales_reps: reps,
    plans,
    accounts,
    users: activity.users,
    subscriptions: billing.subscriptions,
    mrr_snapshots: billing.snapshots,
    invoices: billing.invoices,
    invoice_lines: billing.lines,
    payments: billing.payments,
    refunds: billing.refunds,
    product_events: activity.events,
    support_tickets: activity.tickets,
  };
  return {
    seed,
    tables: DEMO_SCHEMA.map((table) => ({
      ...table,
      rows: objects[table.name].map((row) => table.columns.map((column) => row[column.name] ?? null)),
    })),
  };
}

/** A checksum of the rows themselves (engine-independent), for determinism tests and the build log. */
export function demoDataChecksum(/** @type {DemoData} */ data) {
  const hash = createHash('sha256');
  for (const table of data.tables) hash.update(`${table.name}\n${JSON.stringify(table.rows)}\n`);
  return hash.digest('hex');
}
