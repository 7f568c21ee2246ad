import { addMonths, dateText, dayOf, monthOf, monthStart, timestampText } from './calendar.mjs';
import { EXTRACT_DAY, LAST_DAY } from './generate-accounts.mjs';

const CONVERSION = { smb: 0.72, mid_market: 0.82, enterprise: 0.9 };
const MONTHLY_CHURN = { smb: 0.03, mid_market: 0.012, enterprise: 0.006 };
const RENEWAL_CHURN = { smb: 0.22, mid_market: 0.11, enterprise: 0.06 };
const CHURN_REASONS = [
  ['budget', 3],
  ['switched_competitor', 2],
  ['poor_adoption', 2],
  ['went_out_of_business', 1],
  ['non_payment', 1],
  [null, 1],
];

const cents = (dollars) => Math.round(dollars * 100);
const dollars = (amount) => amount / 100;

function choosePlan(random, segment, startDay) {
  // A few early customers signed the Pro plan before it was retired in April 2023.
  if (startDay < dayOf('2023-04-01') && segment !== 'enterprise' && random.chance(0.35)) return 6;
  if (segment === 'smb')
    return random.weighted([
      [1, 0.6],
      [2, 0.15],
      [3, 0.25],
    ]);
  if (segment === 'mid_market')
    return random.weighted([
      [3, 0.45],
      [4, 0.45],
      [2, 0.1],
    ]);
  return random.weighted([
    [5, 0.8],
    [4, 0.2],
  ]);
}

function initialSeats(random, segment) {
  const median = { smb: 6, mid_market: 30, enterprise: 140 }[segment];
  return Math.max(2, Math.round(random.logNormal(median, 0.45)));
}

function mrrCents(plan, seats, discount) {
  return cents((plan.base_price + seats * plan.seat_price) * (1 - discount));
}

/** The account's contract versions: each change ends one row and starts the next at a billing date. */
function simulateSubscriptions(random, account, plans, nextId) {
  const created = dayOf(account.created_at.slice(0, 10));
  const start = created + 14 + (account.segment === 'smb' ? 0 : random.int(0, 30));
  const converts = account.is_test === 1 || random.chance(CONVERSION[account.segment]);
  if (!converts || start > LAST_DAY) return [];
  const rows = [];
  let planId = account.is_test === 1 ? 5 : choosePlan(random, account.segment, start);
  let seats = account.is_test === 1 ? 50 : initialSeats(random, account.segment);
  const discountRoll = random.next();
  let discount =
    account.segment === 'enterprise' && discountRoll < 0.3
      ? random.pick([0.1, 0.15, 0.2])
      : account.segment === 'mid_market' && discountRoll < 0.15
        ? random.pick([0.05, 0.1])
        : 0;
  let from = start;
  for (;;) {
    const plan = plans[planId - 1];
    const periodMonths = plan.billing_period === 'annual' ? 12 : 1;
    const row = {
      id: nextId(),
      account_id: account.id,
      plan_id: planId,
      status: 'active',
      seats,
      discount_pct: discount,
      mrr: dollars(mrrCents(plan, seats, discount)),
      started_on: dateText(from),
      ended_on: null,
      cancel_reason: null,
    };
    rows.push(row);
    // Walk billing dates until something changes or the data ends.
    let decision = addMonths(from, periodMonths);
    let changed = false;
    while (decision <= LAST_DAY && !changed) {
      if (account.is_test === 1) {
        decision = addMonths(decision, periodMonths);
        continue;
      }
      const january = monthOf(decision).month === 0 ? 1.4 : 1;
      const churn = (periodMonths === 12 ? RENEWAL_CHURN : MONTHLY_CHURN)[account.segment] * january;
      if (random.chance(churn)) {
        Object.assign(row, {
          status: 'canceled',
          ended_on: dateText(decision),
          cancel_reason: random.weighted(CHURN_REASONS),
        });
        return rows;
      }
      const annual = periodMonths === 12;
      const roll = random.next();
      const expand = annual ? 0.4 : account.segment === 'smb' ? 0.045 : 0.08;
      const contract = annual ? 0.1 : 0.015;
      const upgrade = annual ? 0.08 : 0.02;
      if (roll < expand) {
        seats = Math.round(seats * (1.1 + random.next() * 0.35)) + 1;
        changed = true;
      } else if (roll < expand + contract && seats > 3) {
        seats = Math.max(2, Math.round(seats * (0.7 + random.next() * 0.2)));
        changed = true;
      } else if (roll < expand + contract + upgrade && (plan.tier === 'starter' || planId === 6)) {
        planId = plan.billing_period === 'annual' ? 4 : 3;
        changed = true;
      } else {
        decision = addMonths(decision, periodMonths);
      }
      if (changed) {
        if (planId === 6) planId = 3; // a change moves a legacy customer onto Growth
        Object.assign(row, { status: 'changed', ended_on: dateText(decision) });
        from = decision;
        discount = planId === row.plan_id ? discount : 0;
      }
    }
    if (!changed) return rows;
  }
}

/** Month-end MRR per account; a row for every month with MRR at either end. */
function monthlySnapshots(account, subscriptions) {
  if (subscriptions.length === 0) return [];
  const rows = [];
  const mrrAt = (day) =>
    subscriptions
      .filter((row) => dayOf(row.started_on) <= day && (row.ended_on === null || dayOf(row.ended_on) > day))
      .reduce((sum, row) => sum + cents(row.mrr), 0);
  let previous = 0;
  let everPaid = false;
  for (
    let month = monthStart(dayOf(subscriptions[0].started_on));
    month <= LAST_DAY;
    month = monthStart(month, 1)
  ) {
    const current = mrrAt(monthStart(month, 1) - 1);
    if (current > 0 || previous > 0) {
      const movement =
        previous === 0
          ? everPaid
            ? 'reactivation'
            : 'new'
          : current === 0
            ? 'churn'
            : current > previous
              ? 'expansion'
              : current < previous
                ? 'contraction'
                : 'flat';
      rows.push({
        account_id: account.id,
        month: dateText(month),
        mrr: dollars(current),
        previous_mrr: dollars(previous),
        movement,
      });
    }
    if (current > 0) everPaid = true;
    previous = current;
  }
  return rows;
}

function paymentDelay(random, plan, account) {
  if (plan.billing_period === 'monthly' && account.segment === 'smb') return random.int(0, 2); // card on file
  return Math.max(1, Math.round(random.logNormal(16, 0.65)));
}

function paymentMethod(random, plan, account) {
  if (plan.billing_period === 'monthly' && account.segment === 'smb') return 'card';
  return random.weighted([
    ['ach', 0.55],
    ['wire', 0.3],
    ['card', 0.15],
  ]);
}

/**
 * Subscriptions, month-end MRR snapshots, invoices and their lines, payments and refunds.
 * @param {import('./random.mjs').SeededRandom} random
 */
export function generateBilling(random, accounts, plans) {
  const out = { subscriptions: [], snapshots: [], invoices: [], lines: [], payments: [], refunds: [] };
  const counter = (key) => () => out[key].length + 1;
  let subscriptionId = 0;
  for (const account of accounts) {
    const rows = simulateSubscriptions(random, account, plans, () => ++subscriptionId);
    out.subscriptions.push(...rows);
    out.snapshots.push(...monthlySnapshots(account, rows));
    let firstInvoice = true;
    for (const [index, subscription] of rows.entries()) {
      const plan = plans[subscription.plan_id - 1];
      const periodMonths = plan.billing_period === 'annual' ? 12 : 1;
      const end = subscription.ended_on === null ? LAST_DAY + 1 : dayOf(subscription.ended_on);
      const finalRow = index === rows.length - 1;
      for (
        let period = dayOf(subscription.started_on);
        period < end;
        period = addMonths(period, periodMonths)
      ) {
        const invoiceId = counter('invoices')();
        const lines = [];
        const line = (line_type, description, quantity, amount) =>
          lines.push({
            id: out.lines.length + lines.length + 1,
            invoice_id: invoiceId,
            line_type,
            description,
            quantity,
            amount,
          });
        const factor = (1 - subscription.discount_pct) * periodMonths;
        if (plan.base_price > 0)
          line('plan_fee', `${plan.name} platform fee`, periodMonths, cents(plan.base_price * factor));
        line(
          'seats',
          `${subscription.seats} seats`,
          subscription.seats,
          cents(subscription.seats * plan.seat_price * factor),
        );
        if (periodMonths === 1 && plan.tier !== 'starter' && random.chance(0.09))
          line('overage', 'Additional dock doors', random.int(1, 12), cents(random.int(40, 600)));
        if (firstInvoice && account.segment === 'enterprise' && account.is_test === 0)
          line('onboarding', 'Implementation and onboarding', 1, cents(random.int(30, 120) * 100));
        if (account.is_test === 1) {
          const gross = lines.reduce((sum, each) => sum + each.amount, 0);
          line('credit', 'Internal account: 100% credit', 1, -gross);
        } else if (random.chance(0.012)) {
          const gross = lines.reduce((sum, each) => sum + each.amount, 0);
          line('credit', 'SLA service credit', 1, -Math.round(gross * random.pick([0.05, 0.1, 0.2])));
        }
        firstInvoice = false;
        const total = lines.reduce((sum, each) => sum + each.amount, 0);
        const dueDay = period + (periodMonths === 1 && account.segment === 'smb' ? 7 : 30);
        const invoice = {
          id: invoiceId,
          invoice_number: `BD-${String(100000 + invoiceId)}`,
          account_id: account.id,
          // Warts: a handful of one-off invoices were raised by hand without a subscription link.
          subscription_id: random.chance(0.004) ? null : subscription.id,
          issued_on: dateText(period),
          due_on: dateText(dueDay),
          status: 'paid',
          total_amount: dollars(total),
          service_months: periodMonths,
        };
        out.invoices.push(invoice);
        out.lines.push(...lines.map((each) => ({ ...each, amount: dollars(each.amount) })));
        const lastPeriod = addMonths(period, periodMonths) >= end;
        if (total <= 0) continue;
        if (random.chance(0.004)) {
          invoice.status = 'void';
          continue;
        }
        if (finalRow && lastPeriod && subscription.cancel_reason === 'non_payment') {
          invoice.status = 'uncollectible';
          continue;
        }
        const paidDay = period + paymentDelay(random, plan, account);
        const method = paymentMethod(random, plan, account);
        const installments = total > 800_000 && random.chance(0.3);
        const amounts = installments ? [Math.round(total * random.pick([0.4, 0.5, 0.6]))] : [total];
        if (installments) amounts.push(total - amounts[0]);
        const days = installments ? [paidDay, paidDay + random.int(20, 45)] : [paidDay];
        let paid = 0;
        for (const [part, amount] of amounts.entries()) {
          const day = days[part];
          if (day > EXTRACT_DAY) break;
          paid += amount;
          const seconds = random.int(8 * 3600, 18 * 3600);
          // Warts: bank files sometimes arrive days late; rows recorded after the extract are missing.
          const lag = random.chance(0.03) ? random.int(3, 20) * 86400 : random.int(60, 7200);
          const recordedDay = day + Math.floor((seconds + lag) / 86400);
          if (recordedDay > EXTRACT_DAY) continue;
          const payment = {
            id: out.payments.length + 1,
            invoice_id: invoiceId,
            paid_at: timestampText(day, seconds),
            recorded_at: timestampText(day, seconds + lag),
            amount: dollars(amount),
            method,
          };
          out.payments.push(payment);
          if (random.chance(0.012)) {
            const reason = random.weighted([
              ['sla_credit', 3],
              ['duplicate_charge', 1],
              ['cancellation', 2],
              [null, 1],
            ]);
            const share = reason === 'duplicate_charge' ? 1 : random.pick([0.1, 0.2, 0.3, 0.5]);
            const refundDay = day + random.int(3, 45);
            if (refundDay <= EXTRACT_DAY)
              out.refunds.push({
                id: out.refunds.length + 1,
                payment_id: payment.id,
                refunded_at: timestampText(refundDay, random.int(9 * 3600, 17 * 3600)),
                amount: dollars(Math.round(amount * share)),
                reason,
              });
          }
        }
        if (paid < total)
          invoice.status = paid > 0 ? 'partially_paid' : dueDay < EXTRACT_DAY ? 'past_due' : 'open';
      }
    }
  }
  return out;
}
