import { type DialectName, type Expr, printExpr, printQuery } from '../sql/index.js';
import type { GraphEdge } from './graph/join-graph.js';
import { lowerPlan } from './lower/lower-plan.js';
import type { SemanticModel } from './model/semantic-model.js';
import { buildPlan } from './plan/build-plan.js';
import { groupJoins, type LogicalPlan, MEASURE_TABLE } from './plan/logical-plan.js';
import { mapColumns, planContext } from './plan/plan-context.js';
import type { SemanticQuery } from './query/semantic-query.js';

/** The `plan` of `ktx sl query --json`: how the SQL was built, for people and agents to check. */
export interface PlanSummary {
  combine: LogicalPlan['combine'];
  includeEmpty: boolean;
  dimensions: { output: string; field: string; grain?: string }[];
  measures: { output: string; definition: string }[];
  groups: {
    source: string;
    strategy: 'direct' | 'distinct-keys' | 'windowed';
    measures: string[];
    joins: string[];
    where: string[];
  }[];
  having: string[];
  notes: string[];
}

export interface CompiledQuery {
  dialect: DialectName;
  sql: string;
  /** Output columns in order. */
  columns: { name: string; kind: 'dimension' | 'measure' }[];
  plan: PlanSummary;
}

function describeJoin(edge: GraphEdge): string {
  return `${edge.from} → ${edge.to} (${edge.relationship}; ${edge.keys.map((key) => `${edge.from}.${key.from} = ${edge.to}.${key.to}`).join(' AND ')})`;
}

function summarise(plan: LogicalPlan, dialect: DialectName): PlanSummary {
  const labels = new Map(
    plan.groups.flatMap((group) => group.measures.map((measure) => [measure.id, measure.label] as const)),
  );
  const show = (expr: Expr): string =>
    printExpr(
      mapColumns(expr, (ref) =>
        ref.table === MEASURE_TABLE ? { kind: 'column', name: labels.get(ref.name) ?? ref.name } : ref,
      ),
      dialect,
    );
  return {
    combine: plan.combine,
    includeEmpty: plan.includeEmpty,
    dimensions: plan.dimensions.map((dimension) => ({
      output: dimension.output,
      field: dimension.metricTime ? 'metric_time' : `${dimension.node}.${dimension.column}`,
      ...(dimension.grain ? { grain: dimension.grain } : {}),
    })),
    measures: plan.measures.map((measure) => ({ output: measure.output, definition: measure.label })),
    groups: plan.groups.map((group) => {
      const joins = groupJoins(group);
      return {
        source: group.owner,
        strategy: group.strategy,
        measures: group.measures.map((measure) => measure.label),
        joins: joins.map(describeJoin),
        where: group.where.map(show),
      };
    }),
    having: plan.having.map(show),
    notes: [...plan.notes],
  };
}

/**
 * Compiles a metric query against a loaded model: resolve → logical plan → SQL AST → dialect SQL.
 * Pure and synchronous; throws KtxError with a fix (and "did you mean") for anything it cannot do.
 */
export function compileQuery(
  model: SemanticModel,
  query: SemanticQuery,
  options: { pretty?: boolean } = {},
): CompiledQuery {
  const context = planContext(model);
  const plan = buildPlan(context, query);
  const sql = printQuery(lowerPlan(context, plan), model.dialect, { pretty: options.pretty ?? true });
  return {
    dialect: model.dialect,
    sql,
    columns: [
      ...plan.dimensions.map((dimension) => ({ name: dimension.output, kind: 'dimension' as const })),
      ...plan.measures.map((measure) => ({ name: measure.output, kind: 'measure' as const })),
    ],
    plan: summarise(plan, model.dialect),
  };
}
