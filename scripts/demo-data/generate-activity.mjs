import { dayOf, monthOf, monthStart, timestampText, weekday } from './calendar.mjs';
import { EXTRACT_DAY, LAST_DAY } from './generate-accounts.mjs';

const USER_ROLES = [
  ['admin', 0.1],
  ['dispatcher', 0.45],
  ['warehouse_operator', 0.35],
  ['viewer', 0.1],
];
const GIVEN = [
  'alex',
  'sam',
  'jo',
  'kim',
  'lee',
  'max',
  'ana',
  'ben',
  'eva',
  'ian',
  'lia',
  'tom',
  'ada',
  'raj',
  'uma',
  'leo',
  'ida',
  'kai',
  'nia',
  'oli',
];
const FAMILY = [
  'reyes',
  'khan',
  'muller',
  'smith',
  'ito',
  'rossi',
  'novak',
  'diaz',
  'ng',
  'ward',
  'bauer',
  'kim',
  'costa',
  'hale',
  'obi',
  'lund',
  'park',
  'vega',
  'roy',
  'shaw',
];
const EVENT_TYPES = [
  ['dock_booking_created', 0.27],
  ['login', 0.25],
  ['booking_rescheduled', 0.09],
  ['yard_move_logged', 0.12],
  ['report_exported', 0.06],
  ['carrier_invited', 0.04],
  ['integration_synced', 0.17],
];
// Warehouses peak before the holidays: Oct–Dec busy, July–August quiet.
const ACTIVITY_SEASON = [0.95, 0.95, 1, 1, 1, 0.95, 0.85, 0.85, 1, 1.2, 1.3, 1.15];
const TICKET_SEASON = [1, 0.9, 0.95, 0.9, 0.9, 0.85, 0.8, 0.85, 1, 1.2, 1.5, 1.4];
const TICKET_RATE = { smb: 0.12, mid_market: 0.4, enterprise: 1.1 };
const FIRST_RESPONSE = { urgent: 20, high: 60, normal: 180, low: 420 };
const RESOLUTION = { urgent: 240, high: 900, normal: 2200, low: 4300 };
const END_OF_EXTRACT = EXTRACT_DAY * 86400 + 86399;

const fromSeconds = (seconds) => timestampText(Math.floor(seconds / 86400), seconds % 86400);
const slug = (name) => name.toLowerCase().replace(/[^a-z0-9]+/g, '');

/** The days an account can use the product: trial, then every subscription row, up to the data's end. */
function accountWindow(account, subscriptions) {
  const created = dayOf(account.created_at.slice(0, 10));
  if (subscriptions.length === 0) return { from: created, to: Math.min(created + 14, LAST_DAY) };
  const last = subscriptions[subscriptions.length - 1];
  return { from: created, to: last.ended_on === null ? LAST_DAY : Math.min(dayOf(last.ended_on), LAST_DAY) };
}

function businessSeconds(random) {
  return Math.min(86399, Math.max(0, Math.round((11 + 2.8 * random.normal()) * 3600)));
}

/** A day in [from, to] drawn with weekday and seasonal weights (rejection sampling). */
function activeDay(random, from, to, season) {
  for (let attempt = 0; attempt < 20; attempt++) {
    const day = random.int(from, to);
    const weight = (weekday(day) >= 5 ? 0.25 : 1) * season[monthOf(day).month] * 0.75;
    if (random.next() < weight) return day;
  }
  return random.int(from, to);
}

/**
 * Users, product events and support tickets.
 * @param {import('./random.mjs').SeededRandom} random
 */
export function generateActivity(random, accounts, subscriptions) {
  const byAccount = new Map();
  for (const row of subscriptions)
    byAccount.set(row.account_id, [...(byAccount.get(row.account_id) ?? []), row]);
  const users = [];
  const drafts = [];
  const tickets = [];
  for (const account of accounts) {
    const rows = byAccount.get(account.id) ?? [];
    const window = accountWindow(account, rows);
    const seats = Math.max(1, ...rows.map((row) => row.seats));
    const count =
      rows.length === 0 ? random.int(1, 3) : Math.min(seats, 3 + Math.round(Math.sqrt(seats) * 2));
    const domain = `${slug(account.name)}.example`;
    const accountUsers = [];
    for (let index = 0; index < count; index++) {
      const invitedDay =
        index === 0 ? window.from : window.from + Math.floor((window.to - window.from) * random.next() ** 2);
      const invited = invitedDay * 86400 + businessSeconds(random);
      const activation = invited + Math.round(random.logNormal(20, 1.4) * 3600);
      const activated =
        random.chance(index === 0 ? 0.05 : 0.2) || activation > END_OF_EXTRACT ? null : activation;
      const name = `${random.pick(GIVEN)}.${random.pick(FAMILY)}`;
      const user = {
        id: users.length + 1,
        account_id: account.id,
        email: random.chance(0.006) ? null : `${name}${index > 0 ? index : ''}@${domain}`,
        role: index === 0 ? 'admin' : random.weighted(USER_ROLES),
        invited_at: fromSeconds(invited),
        activated_at: activated === null ? null : fromSeconds(activated),
      };
      users.push(user);
      accountUsers.push({ user, activated, engagement: random.logNormal(1, 0.8) });
    }
    // Product events: each activated user at their own pace until the account leaves.
    for (const { user, activated, engagement } of accountUsers) {
      if (activated === null) continue;
      const from = Math.floor(activated / 86400);
      const dormant = from + Math.round(random.logNormal(420, 0.7));
      const to = Math.min(window.to, dormant);
      if (to < from) continue;
      const events = random.poisson((to - from + 1) * 0.022 * engagement);
      for (let index = 0; index < events; index++) {
        const day = activeDay(random, from, to, ACTIVITY_SEASON);
        const type = random.weighted(EVENT_TYPES);
        const occurred = day * 86400 + businessSeconds(random);
        if (occurred < activated) continue;
        drafts.push({
          account_id: account.id,
          // System syncs usually run without a signed-in user.
          user_id: type === 'integration_synced' && random.chance(0.6) ? null : user.id,
          event_type: type,
          occurred,
        });
      }
    }
    if (account.is_test === 1) {
      // QA automation hammers the sandbox: bursts of synthetic bookings.
      for (let index = 0; index < 1800; index++) {
        const day = random.int(window.from, LAST_DAY);
        drafts.push({
          account_id: account.id,
          user_id: accountUsers[0].user.id,
          event_type: random.pick(['dock_booking_created', 'booking_rescheduled', 'login']),
          occurred: day * 86400 + random.int(0, 86399),
        });
      }
    }
    // Support tickets by month while the account is a customer (or in trial).
    for (let month = monthStart(window.from); month <= window.to; month = monthStart(month, 1)) {
      const rate =
        (account.is_test === 1 ? 0.6 : TICKET_RATE[account.segment]) * TICKET_SEASON[monthOf(month).month];
      const next = monthStart(month, 1) - 1;
      const count = random.poisson(rows.length === 0 ? rate * 0.5 : rate);
      for (let index = 0; index < count; index++) {
        const day = activeDay(random, Math.max(month, window.from), Math.min(next, window.to), TICKET_SEASON);
        const opened = day * 86400 + businessSeconds(random);
        const priority = random.weighted([
          ['low', 0.25],
          ['normal', 0.5],
          ['high', 0.18],
          ['urgent', 0.07],
        ]);
        const firstResponse = random.chance(0.02)
          ? null
          : Math.max(1, Math.round(random.logNormal(FIRST_RESPONSE[priority], 0.7)));
        let resolution = Math.max(
          firstResponse ?? 5,
          Math.round(random.logNormal(RESOLUTION[priority], 0.9)),
        );
        if (random.chance(0.015) || opened + resolution * 60 > END_OF_EXTRACT) resolution = null;
        const requesters = accountUsers.filter((each) => each.activated !== null && each.activated < opened);
        const slow = resolution !== null && resolution > RESOLUTION[priority] * 2;
        tickets.push({
          id: tickets.length + 1,
          account_id: account.id,
          requester_user_id:
            requesters.length === 0 || random.chance(0.04) ? null : random.pick(requesters).user.id,
          priority,
          category: random.weighted([
            ['how_to', 0.3],
            ['bug', 0.22],
            ['integration', 0.18],
            ['billing', 0.15],
            ['feature_request', 0.1],
            ['outage', 0.05],
          ]),
          channel: random.weighted([
            ['email', 0.5],
            ['chat', 0.3],
            ['phone', 0.1],
            ['web', 0.1],
          ]),
          opened_at: fromSeconds(opened),
          first_response_minutes: firstResponse,
          resolved_at: resolution === null ? null : fromSeconds(opened + resolution * 60),
          resolution_minutes: resolution,
          satisfaction_score:
            resolution === null || random.chance(0.58)
              ? null
              : slow
                ? random.weighted([
                    [1, 0.25],
                    [2, 0.25],
                    [3, 0.3],
                    [4, 0.15],
                    [5, 0.05],
                  ])
                : random.weighted([
                    [1, 0.04],
                    [2, 0.05],
                    [3, 0.12],
                    [4, 0.32],
                    [5, 0.47],
                  ]),
        });
      }
    }
  }
  // Ids follow arrival order, as in the real pipeline; late mobile syncs arrive days later and rows
  // that had not arrived by the extract are simply missing.
  const arrived = drafts
    .map((draft, order) => {
      const lag = random.chance(0.025) ? random.int(1, 12) * 86400 + random.int(0, 3600) : random.int(1, 90);
      return { ...draft, received: draft.occurred + lag, order };
    })
    .filter((draft) => draft.received <= END_OF_EXTRACT)
    .sort((left, right) => left.received - right.received || left.order - right.order);
  const events = arrived.map((draft, index) => ({
    id: index + 1,
    account_id: draft.account_id,
    user_id: draft.user_id,
    event_type: draft.event_type,
    occurred_at: fromSeconds(draft.occurred),
    received_at: fromSeconds(draft.received),
  }));
  return { users, events, tickets };
}
