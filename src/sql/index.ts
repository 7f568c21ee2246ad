export type { SqlDialect } from './dialect.js';
export { DIALECT_NAMES, type DialectName, isDialectName } from './dialect-name.js';
export { DIALECTS, getDialect } from './dialects/registry.js';
export type { LexicalMode, LexicalProfile } from './lexical-profile.js';
export {
  assertReadOnly,
  checkReadOnly,
  type ReadOnlyCheckOptions,
  type ReadOnlyVerdict,
} from './read-only/check-read-only.js';
export type { FileTableRules, PragmaShape, ReadOnlyRules, StatementKind } from './read-only-rules.js';
