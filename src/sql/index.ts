export { DIALECT_NAMES, type DialectName, isDialectName } from './dialect-name.js';
export {
  assertReadOnly,
  checkReadOnly,
  type ReadOnlyCheckOptions,
  type ReadOnlyVerdict,
} from './read-only/check-read-only.js';
