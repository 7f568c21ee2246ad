export { type CompiledQuery, compileQuery, type PlanSummary } from './compile-query.js';
export { loadSemanticModel } from './model/load-semantic-model.js';
export type {
  ColumnType,
  Relationship,
  SemanticColumn,
  SemanticJoin,
  SemanticMeasure,
  SemanticModel,
  SemanticSegment,
  SemanticSource,
} from './model/semantic-model.js';
export type { SemanticQuery } from './query/semantic-query.js';
export { validateSemanticModel } from './validate/validate-semantic-model.js';
