import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../core/index.js';
import { loadSemanticModel } from '../model/load-semantic-model.js';
import { VALIDATION_RULES, validateSemanticModel } from './validate-semantic-model.js';

// The example of spec §1.10, verbatim, plus the `accounts` source its join needs.
const SUBSCRIPTIONS = `name: subscriptions
table: billing.subscriptions
grain: [subscription_id]
columns:
  - {name: subscription_id, type: string}
  - {name: account_id, type: string}
  - {name: mrr_cents, type: number}
  - {name: started_at, type: time, role: time}
  - {name: is_annual, type: boolean, expr: "billing_period = 'year'"}   # computed
joins:
  - {to: accounts, on: "account_id = accounts.account_id", relationship: many_to_one}
segments:
  - {name: active, expr: "cancelled_at is null"}
measures:
  - {name: mrr, expr: "sum(mrr_cents) / 100.0", segments: [active]}
  - {name: subs, expr: "count(subscription_id)"}
  - {name: mrr_per_sub, expr: "mrr / subs"}          # derived
`;

const ACCOUNTS = `name: accounts
table: billing.accounts
grain: [account_id]
columns:
  - {name: account_id, type: string}
  - {name: account_name, type: string}
`;

interface Variant {
  readonly subscriptions?: readonly [string, string][];
  readonly extra?: Record<string, string>;
  readonly recentlyTouched?: readonly string[];
}

function load(variant: Variant = {}) {
  let subscriptions = SUBSCRIPTIONS;
  for (const [from, to] of variant.subscriptions ?? []) {
    expect(subscriptions).toContain(from);
    subscriptions = subscriptions.replace(from, to);
  }
  const files = Object.entries({
    'subscriptions.yaml': subscriptions,
    'accounts.yaml': ACCOUNTS,
    ...variant.extra,
  }).map(([path, text]) => ({ path: `semantic-layer/warehouse/${path}`, text }));
  return loadSemanticModel(files, { dialect: 'postgres', recentlyTouched: variant.recentlyTouched });
}

function findings(variant: Variant): Diagnostic[] {
  return load(variant).diagnostics;
}

const codes = (diagnostics: readonly Diagnostic[]) => diagnostics.map((diagnostic) => diagnostic.code);

const MEASURES = '  - {name: mrr_per_sub, expr: "mrr / subs"}          # derived\n';
const addMeasure = (line: string): [string, string] => [MEASURES, `${MEASURES}  - ${line}\n`];
const COLUMNS = '  - {name: started_at, type: time, role: time}\n';
const addColumn = (line: string): [string, string] => [COLUMNS, `${COLUMNS}  - ${line}\n`];
const SEGMENTS = '  - {name: active, expr: "cancelled_at is null"}\n';
const addSegment = (line: string): [string, string] => [SEGMENTS, `${SEGMENTS}  - ${line}\n`];
const JOIN = '{to: accounts, on: "account_id = accounts.account_id", relationship: many_to_one}';

describe('the valid example of spec §1.10', () => {
  it('loads with no diagnostic at all', () => {
    const { model, diagnostics } = load();
    expect(diagnostics).toEqual([]);
    const subscriptions = model.sources.get('subscriptions')!;
    expect(subscriptions.columns.find((column) => column.name === 'is_annual')!.expr).toBeDefined();
    expect(subscriptions.joins[0]!.keys).toEqual([{ from: 'account_id', to: 'account_id' }]);
  });

  it('fires no rule, one by one', () => {
    const { model } = load();
    const context = { definitions: [], recentlyTouched: new Set(['subscriptions', 'accounts']) };
    for (const rule of VALIDATION_RULES) expect(rule(model, context)).toEqual([]);
  });
});

describe('each rule fires', () => {
  it('duplicate-source', () => {
    const diagnostics = findings({ extra: { 'accounts_copy.yml': ACCOUNTS } });
    expect(codes(diagnostics)).toEqual(['duplicate-source']);
    expect(diagnostics[0]).toMatchObject({
      file: 'semantic-layer/warehouse/accounts_copy.yml',
      path: 'name',
      line: 1,
    });
  });

  it('duplicate-column, duplicate-segment, duplicate-measure', () => {
    const diagnostics = findings({
      subscriptions: [
        addColumn('{name: account_id, type: string}'),
        addSegment('{name: active, expr: "true"}'),
        addMeasure('{name: subs, expr: "count(*)"}'),
      ],
    });
    expect(codes(diagnostics)).toEqual(['duplicate-column', 'duplicate-segment', 'duplicate-measure']);
    expect(diagnostics[2]).toMatchObject({ path: 'measures.3.name', line: 20 });
  });

  it('column-name-dotted', () => {
    expect(
      codes(findings({ subscriptions: [addColumn('{name: subscriptions.plan, type: string}')] })),
    ).toEqual(['column-name-dotted']);
  });

  it('grain-qualified and grain-not-in-columns with "did you mean"', () => {
    const qualified = findings({
      subscriptions: [['grain: [subscription_id]', 'grain: [subscriptions.subscription_id]']],
    });
    expect(codes(qualified)).toEqual(['grain-qualified']);
    const missing = findings({ subscriptions: [['grain: [subscription_id]', 'grain: [subscription]']] });
    expect(codes(missing)).toEqual(['grain-not-in-columns']);
    expect(missing[0]!.message).toContain('did you mean `subscription_id`');
    expect(missing[0]).toMatchObject({ path: 'grain', line: 3 });
  });

  it('grain-not-projected for a SQL source, but not for SELECT * or an unnamed expression', () => {
    const sql = (select: string) => ({
      extra: {
        'plans.yaml': `name: plans\nsql: "${select} from billing.plans"\ngrain: [plan_id]\ncolumns: [{name: plan_id, type: string}]\njoins: [{to: subscriptions, on: "plan_id = subscriptions.subscription_id", relationship: one_to_many}]\n`,
      },
    });
    expect(codes(findings(sql('select id as plan, name')))).toEqual(['grain-not-projected']);
    expect(codes(findings(sql('select *')))).toEqual([]);
    expect(codes(findings(sql('select p.plan_id, lower(name) from (select 1)')))).toEqual([]);
    expect(codes(findings(sql('select id, lower(name)')))).toEqual([]);
  });

  it('join-target-missing with "did you mean" and a case hint', () => {
    const typo = findings({
      subscriptions: [[JOIN, JOIN.replace('to: accounts', 'to: acounts').replace('accounts.', 'acounts.')]],
    });
    expect(codes(typo)).toEqual(['join-target-missing', 'disconnected-components']);
    expect(typo[0]!.message).toContain('did you mean `accounts`');
    const cased = findings({
      subscriptions: [[JOIN, JOIN.replace('to: accounts', 'to: Accounts').replace('accounts.', 'Accounts.')]],
    });
    expect(cased[0]!.message).toContain('case-sensitive: the source is `accounts`');
  });

  it('join-column-missing on either side', () => {
    const local = findings({
      subscriptions: [['account_id = accounts.account_id', 'acount_id = accounts.account_id']],
    });
    expect(codes(local)).toEqual(['join-column-missing']);
    expect(local[0]!.message).toContain('did you mean `account_id`');
    const remote = findings({
      subscriptions: [['account_id = accounts.account_id', 'account_id = accounts.id']],
    });
    expect(codes(remote)).toEqual(['join-column-missing']);
    expect(remote[0]!.message).toContain('`accounts.id`');
  });

  it('alias-shadows-source and alias-duplicate', () => {
    const shadow = findings({
      subscriptions: [
        [
          JOIN,
          `${JOIN}\n  - {to: accounts, alias: subscriptions, on: "account_id = subscriptions.account_id", relationship: many_to_one}`,
        ],
      ],
    });
    expect(codes(shadow)).toContain('alias-shadows-source');
    const role =
      '{to: accounts, alias: payer, on: "account_id = payer.account_id", relationship: many_to_one}';
    const twice = findings({
      subscriptions: [
        [JOIN, `${JOIN}\n  - ${role}\n  - ${role.replace('account_id =', 'subscription_id =')}`],
      ],
    });
    expect(codes(twice)).toEqual(['alias-duplicate']);
  });

  it('display-value-join', () => {
    const diagnostics = findings({
      subscriptions: [
        addColumn('{name: account_name, type: string}'),
        [
          JOIN,
          `${JOIN}\n  - {to: accounts, alias: owner, on: "account_name = owner.account_id", relationship: many_to_one}`,
        ],
      ],
    });
    expect(codes(diagnostics)).toEqual(['display-value-join']);
  });

  it('computed-column-self-reference and computed-column-cycle', () => {
    const self = findings({ subscriptions: [addColumn('{name: cents, type: number, expr: "cents + 1"}')] });
    expect(codes(self)).toEqual(['computed-column-self-reference']);
    const cycle = findings({
      subscriptions: [
        addColumn('{name: a, type: number, expr: "b + 1"}'),
        addColumn('{name: b, type: number, expr: "a - 1"}'),
      ],
    });
    expect(codes(cycle)).toEqual(['computed-column-cycle']);
    expect(cycle[0]!.message).toMatch(/cycle: (a → b → a|b → a → b)/);
  });

  it('unknown columns: certain when the projection is known, a likely typo otherwise', () => {
    const typo = findings({ subscriptions: [addSegment('{name: big, expr: "mrr_cent > 100"}')] });
    expect(typo.map((each) => [each.severity, each.code])).toEqual([['warning', 'possible-column-typo']]);
    expect(typo[0]!.message).toContain('did you mean `mrr_cents`');
    const sqlSource = {
      'plans.yaml': `name: plans
sql: select plan_id, price_cents from billing.plans
grain: [plan_id]
columns: [{name: plan_id, type: string}, {name: price_cents, type: number}]
joins: [{to: subscriptions, on: "plan_id = subscriptions.subscription_id", relationship: one_to_many}]
segments: [{name: paid, expr: "price > 0"}, {name: cased, expr: "Price_Cents > 0"}, {name: far, expr: "nope.x > 0"}]
measures: [{name: revenue, expr: "sum(price_cents)", filter: "billing_cycle = 'year'"}]
`,
    };
    const certain = findings({ extra: sqlSource });
    expect(certain.map((each) => [each.severity, each.code, each.path])).toEqual([
      ['error', 'unknown-column-reference', 'measures.0.filter'],
      ['error', 'unknown-column-reference', 'segments.0.expr'],
      ['error', 'unknown-column-reference', 'segments.1.expr'],
      ['error', 'unknown-column-reference', 'segments.2.expr'],
    ]);
    expect(certain[1]!.message).toContain('did you mean `price_cents`');
    expect(certain[2]!.message).toContain('differs only in case');
    expect(certain[3]!.message).toContain('`nope` is not a source or join alias');
  });

  it('measure-not-aggregate, nested-aggregate and unknown-measure-reference', () => {
    const diagnostics = findings({
      subscriptions: [
        addMeasure('{name: raw, expr: mrr_cents}'),
        addMeasure('{name: one, expr: "1"}'),
        addMeasure('{name: nested, expr: "avg(sum(mrr_cents))"}'),
        addMeasure('{name: ratio, expr: "mrr / subz"}'),
        addMeasure('{name: cross, expr: "mrr / accounts.nothing"}'),
      ],
    });
    // Each addition lands right after the example's last measure, so the file lists them in reverse.
    expect(codes(diagnostics)).toEqual([
      'unknown-measure-reference',
      'unknown-measure-reference',
      'nested-aggregate',
      'measure-not-aggregate',
      'measure-not-aggregate',
    ]);
    expect(diagnostics[1]!.message).toContain('did you mean `subs`');
    expect(diagnostics[4]!.message).toContain('`mrr_cents` is a column used outside an aggregate');
  });

  it('measure-cycle names the cycle', () => {
    const diagnostics = findings({
      subscriptions: [addMeasure('{name: a, expr: "b * 2"}'), addMeasure('{name: b, expr: "a / 2"}')],
    });
    expect(codes(diagnostics)).toEqual(['measure-cycle']);
    expect(diagnostics[0]!.message).toContain('subscriptions.b → subscriptions.a → subscriptions.b');
  });

  it('unknown-segment with "did you mean"', () => {
    const diagnostics = findings({ subscriptions: [['segments: [active]', 'segments: [activ]']] });
    expect(codes(diagnostics)).toEqual(['unknown-segment']);
    expect(diagnostics[0]!.message).toContain('did you mean `active`');
  });

  it('hidden-column-in-measure is only info', () => {
    const diagnostics = findings({
      subscriptions: [
        ['{name: mrr_cents, type: number}', '{name: mrr_cents, type: number, visibility: hidden}'],
      ],
    });
    expect(diagnostics.map((each) => [each.severity, each.code])).toEqual([
      ['info', 'hidden-column-in-measure'],
    ]);
  });

  it('duplicate-structural-measure, same definition or only a different filter', () => {
    const diagnostics = findings({
      subscriptions: [
        addMeasure('{name: subscription_count, expr: "COUNT( subscription_id )"}'),
        addMeasure('{name: annual_subs, expr: "count(subscription_id)", filter: "is_annual"}'),
      ],
    });
    expect(codes(diagnostics)).toEqual(['duplicate-structural-measure', 'duplicate-structural-measure']);
    expect(diagnostics[0]!.message).toContain('annual_subs` differs from `subs` only in its filter');
    expect(diagnostics[1]!.message).toContain('subscription_count` has the same definition as `subs`');
  });

  it('sql-join-coverage for a touched SQL source that reads and projects another source’s key', () => {
    const churn = {
      'churn.yaml': `name: churn
sql: |
  with recent as (select * from billing.subscriptions where started_at > now() - interval '30 days')
  select r.subscription_id, r.account_id from recent r join billing.accounts a on a.account_id = r.account_id
grain: [subscription_id]
columns: [{name: subscription_id, type: string}, {name: account_id, type: string}]
joins: [{to: accounts, on: "account_id = accounts.account_id", relationship: many_to_one}]
`,
    };
    expect(codes(findings({ extra: churn }))).toEqual([]);
    const touched = findings({ extra: churn, recentlyTouched: ['churn'] });
    expect(codes(touched)).toEqual(['sql-join-coverage']);
    expect(touched[0]!.message).toContain('`subscriptions`');
  });

  it('disconnected-components, and singleton-source for a touched source', () => {
    const lonely = {
      'events.yaml': 'name: events\ntable: app.events\ngrain: [id]\ncolumns: [{name: id, type: string}]\n',
    };
    expect(codes(findings({ extra: lonely }))).toEqual(['disconnected-components']);
    const touched = findings({ extra: lonely, recentlyTouched: ['events'] });
    expect(codes(touched)).toEqual(['disconnected-components', 'singleton-source']);
    expect(touched[0]!.message).toContain('component 2 (1 source): events');
  });

  it('counts an alias join as connecting its source and target', () => {
    const alias =
      '{to: accounts, alias: payer, on: "account_id = payer.account_id", relationship: many_to_one}';
    expect(codes(findings({ subscriptions: [[JOIN, alias]] }))).toEqual([]);
  });
});

describe('validateSemanticModel', () => {
  it('runs on a model built without the loader and never needs definitions', () => {
    const { model } = load();
    expect(validateSemanticModel(model)).toEqual([]);
  });
});
