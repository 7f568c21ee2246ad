export type * from './ast/expression.js';
export * as sqlExpr from './ast/expression-factories.js';
export {
  AGGREGATE_FUNCTIONS,
  columnRefs,
  containsAggregate,
  exprChildren,
  mapChildren,
  mapExpr,
  splitConjuncts,
  walkExpr,
} from './ast/expression-walk.js';
export type * from './ast/query.js';
export type { SqlDialect } from './dialect.js';
export { DIALECT_NAMES, type DialectName, isDialectName } from './dialect-name.js';
export { DIALECTS, getDialect } from './dialects/registry.js';
export type { LexicalMode, LexicalProfile } from './lexical-profile.js';
export { type ParseResult, parseExpression } from './parse/parse-expression.js';
export type { BooleanStyle, DialectPrinting, LimitStyle, NullOrdering } from './print/dialect-printing.js';
export type { FunctionEntry, FunctionSpelling, FunctionTable } from './print/function-table.js';
export { type ExprContext, printExpr } from './print/print-expression.js';
export { type PrintQueryOptions, printQuery } from './print/print-query.js';
export { getPrinting, PRINTING } from './print/printing-registry.js';
export type { StandardFunctionName } from './print/standard-functions.js';
export {
  assertReadOnly,
  checkReadOnly,
  type ReadOnlyCheckOptions,
  type ReadOnlyVerdict,
} from './read-only/check-read-only.js';
export type { FileTableRules, PragmaShape, ReadOnlyRules, StatementKind } from './read-only-rules.js';
