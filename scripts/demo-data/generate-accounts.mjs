import { dayOf, timestampText } from './calendar.mjs';

/** The data covers 2023-01-01 … 2025-12-31; the extract was taken on 2026-01-05. */
export const FIRST_DAY = dayOf('2023-01-01');
export const LAST_DAY = dayOf('2025-12-31');
export const EXTRACT_DAY = dayOf('2026-01-05');

const FIRST_NAMES = [
  'Ava',
  'Noah',
  'Mia',
  'Liam',
  'Zoe',
  'Omar',
  'Ines',
  'Kenji',
  'Priya',
  'Lucas',
  'Elena',
  'Tariq',
  'Hannah',
  'Mateo',
  'Sofia',
  'Jonas',
  'Amara',
  'Felix',
  'Chloe',
  'Ravi',
  'Greta',
  'Diego',
  'Yuki',
  'Nora',
  'Samir',
  'Lena',
  'Owen',
  'Maya',
  'Erik',
  'Aisha',
];
const LAST_NAMES = [
  'Okafor',
  'Lindqvist',
  'Moreau',
  'Tanaka',
  'Schmidt',
  'Alvarez',
  'Novak',
  'Brennan',
  'Haddad',
  'Kowalski',
  'Rossi',
  'Nguyen',
  'Fischer',
  'Costa',
  'Patel',
  'Walsh',
  'Berg',
  'Dubois',
  'Sato',
  'Meyer',
  'Clarke',
  'Jensen',
  'Silva',
  'Park',
];
const NAME_STEMS = [
  'Harbor',
  'Summit',
  'Northwind',
  'Keystone',
  'Bluewater',
  'Ironbridge',
  'Cedar',
  'Redline',
  'Granite',
  'Atlas',
  'Meridian',
  'Pioneer',
  'Riverside',
  'Copperleaf',
  'Evergreen',
  'Lakeshore',
  'Falcon',
  'Silverline',
  'Oakridge',
  'Prairie',
  'Beacon',
  'Crescent',
  'Highland',
  'Sterling',
  'Tidewater',
  'Union',
  'Westgate',
  'Alder',
  'Canyon',
  'Driftwood',
];
const NAME_KINDS = {
  logistics: ['Logistics', 'Freight', '3PL', 'Distribution'],
  retail: ['Retail Group', 'Stores', 'Outfitters', 'Market'],
  manufacturing: ['Manufacturing', 'Industries', 'Components', 'Works'],
  food_beverage: ['Foods', 'Beverages', 'Provisions', 'Cold Chain'],
  healthcare: ['Medical Supply', 'Health Distribution', 'Pharma Logistics'],
  ecommerce: ['Direct', 'Commerce', 'Fulfillment'],
};
const COUNTRIES = {
  NA: [
    ['US', 8],
    ['CA', 2],
    ['MX', 1],
  ],
  EMEA: [
    ['GB', 3],
    ['DE', 3],
    ['NL', 2],
    ['FR', 2],
    ['ES', 1],
    ['SE', 1],
  ],
  APAC: [
    ['AU', 3],
    ['JP', 2],
    ['SG', 2],
    ['NZ', 1],
  ],
};
// Sign-ups per month of the year, relative: budgets reset in Q1, September restarts, December is quiet.
const SIGNUP_SEASON = [1.3, 1.15, 1.2, 1.0, 0.95, 0.9, 0.8, 0.75, 1.15, 1.1, 0.95, 0.65];

/** @param {import('./random.mjs').SeededRandom} random */
export function generateReps(random) {
  const reps = [];
  const byRegion = { NA: { ae: [], csm: [] }, EMEA: { ae: [], csm: [] }, APAC: { ae: [], csm: [] } };
  const plan = [
    ['NA', 6, 4],
    ['EMEA', 4, 3],
    ['APAC', 3, 2],
  ];
  let id = 1;
  const used = new Set();
  const person = () => {
    for (;;) {
      const name = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
  for (const [region, aes, csms] of plan) {
    const managerId = id;
    const hire = (role, manager) => {
      const name = person();
      const row = {
        id: id++,
        full_name: name,
        email: `${name.toLowerCase().replace(' ', '.')}@brightdock.io`,
        role,
        region,
        manager_id: manager,
        hired_on: timestampText(FIRST_DAY - random.int(30, 900), 0).slice(0, 10),
      };
      reps.push(row);
      return row.id;
    };
    hire('sales_manager', null);
    for (let index = 0; index < aes; index++) byRegion[region].ae.push(hire('account_executive', managerId));
    for (let index = 0; index < csms; index++) byRegion[region].csm.push(hire('customer_success', managerId));
  }
  return { reps, byRegion };
}

/** The price book. Prices are monthly equivalents in USD. */
export function generatePlans() {
  return [
    {
      id: 1,
      code: 'STARTER-M',
      name: 'Starter (monthly)',
      tier: 'starter',
      billing_period: 'monthly',
      base_price: 0,
      seat_price: 19,
      is_retired: 0,
    },
    {
      id: 2,
      code: 'STARTER-A',
      name: 'Starter (annual)',
      tier: 'starter',
      billing_period: 'annual',
      base_price: 0,
      seat_price: 16,
      is_retired: 0,
    },
    {
      id: 3,
      code: 'GROWTH-M',
      name: 'Growth (monthly)',
      tier: 'growth',
      billing_period: 'monthly',
      base_price: 250,
      seat_price: 29,
      is_retired: 0,
    },
    {
      id: 4,
      code: 'GROWTH-A',
      name: 'Growth (annual)',
      tier: 'growth',
      billing_period: 'annual',
      base_price: 210,
      seat_price: 24,
      is_retired: 0,
    },
    {
      id: 5,
      code: 'ENTERPRISE-A',
      name: 'Enterprise (annual)',
      tier: 'enterprise',
      billing_period: 'annual',
      base_price: 1800,
      seat_price: 38,
      is_retired: 0,
    },
    {
      id: 6,
      code: 'PRO-LEGACY',
      name: 'Pro (legacy, monthly)',
      tier: 'growth',
      billing_period: 'monthly',
      base_price: 99,
      seat_price: 22,
      is_retired: 1,
    },
  ];
}

/**
 * Accounts: sign-ups grow ~2.5% a month with seasonality; ~9% are subsidiaries of an earlier
 * mid-market or enterprise account; account 1 is the internal QA sandbox (`is_test = 1`).
 * @param {import('./random.mjs').SeededRandom} random
 */
export function generateAccounts(random, byRegion) {
  const accounts = [];
  const names = new Set();
  const push = (fields) => {
    const row = { id: accounts.length + 1, ...fields };
    accounts.push(row);
    return row;
  };
  push({
    name: 'Brightdock QA Sandbox',
    parent_account_id: null,
    segment: 'enterprise',
    industry: 'logistics',
    country: 'US',
    region: 'NA',
    employee_count: null,
    owner_rep_id: byRegion.NA.ae[0],
    csm_rep_id: byRegion.NA.csm[0],
    created_at: timestampText(FIRST_DAY + 2, 9 * 3600 + 12 * 60),
    is_test: 1,
  });
  for (let monthIndex = 0; monthIndex < 36; monthIndex++) {
    const monthFirst = Math.round(Date.UTC(2023, monthIndex, 1) / 86_400_000);
    const monthDays = Math.round(Date.UTC(2023, monthIndex + 1, 1) / 86_400_000) - monthFirst;
    const expected = 16 * 1.025 ** monthIndex * SIGNUP_SEASON[monthIndex % 12];
    const count = random.poisson(expected);
    for (let index = 0; index < count; index++) {
      const day = monthFirst + random.int(0, monthDays - 1);
      const parents = accounts.filter((account) => account.segment !== 'smb' && account.is_test === 0);
      const subsidiary = parents.length > 10 && random.chance(0.09) ? random.pick(parents) : undefined;
      const segment = subsidiary
        ? random.weighted([
            ['mid_market', 0.6],
            ['enterprise', 0.4],
          ])
        : random.weighted([
            ['smb', 0.58],
            ['mid_market', 0.3],
            ['enterprise', 0.12],
          ]);
      const region = subsidiary
        ? random.weighted([
            ['NA', 1],
            ['EMEA', 1],
            ['APAC', 0.6],
          ])
        : random.weighted([
            ['NA', 0.55],
            ['EMEA', 0.3],
            ['APAC', 0.15],
          ]);
      const industry = subsidiary ? subsidiary.industry : random.pick(Object.keys(NAME_KINDS));
      let name;
      if (subsidiary) {
        name = `${subsidiary.name} ${region === 'NA' ? 'Americas' : region}`;
        if (names.has(name)) name = `${name} ${random.int(2, 9)}`;
      } else {
        do {
          name = `${random.pick(NAME_STEMS)} ${random.pick(NAME_KINDS[industry ?? 'logistics'])}`;
          if (names.has(name)) name = `${name} ${random.pick(['Co', 'Inc', 'Group', 'Partners', 'Ltd'])}`;
        } while (names.has(name));
      }
      names.add(name);
      const employees = {
        smb: random.logNormal(60, 0.6),
        mid_market: random.logNormal(450, 0.5),
        enterprise: random.logNormal(4000, 0.7),
      }[segment];
      push({
        name,
        parent_account_id: subsidiary ? subsidiary.id : null,
        segment,
        // Warts: the enrichment vendor misses some companies.
        industry: random.chance(0.04) ? null : industry,
        country: random.chance(0.02) ? null : random.weighted(COUNTRIES[region]),
        region,
        employee_count: random.chance(0.07) ? null : Math.max(5, Math.round(employees)),
        owner_rep_id: random.pick(byRegion[region].ae),
        csm_rep_id: segment === 'smb' ? null : random.pick(byRegion[region].csm),
        created_at: timestampText(day, random.int(7 * 3600, 19 * 3600)),
        is_test: 0,
      });
    }
  }
  return accounts;
}
