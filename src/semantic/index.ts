export { type CompiledQuery, compileQuery, type PlanSummary } from './compile-query.js';
export { loadSemanticModel, type SemanticLayerFile } from './model/load-semantic-model.js';
export { outlineSemanticFile, type SemanticFileOutline } from './model/outline-semantic-file.js';
export type { PortableYaml } from './model/portable-yaml.js';
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
export { SemanticParseCache } from './model/semantic-parse-cache.js';
export type { SemanticQuery } from './query/semantic-query.js';
export { validateSemanticModel } from './validate/validate-semantic-model.js';
