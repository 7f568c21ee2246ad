export { assertNever } from './assert-never.js';
export { type Diagnostic, formatDiagnostic, hasErrors } from './diagnostic.js';
export { closestNames, didYouMean, editDistance } from './did-you-mean.js';
export { ERROR_CODES, type ErrorCode } from './error-codes.js';
export { isKtxError, KtxError, type KtxErrorOptions, toKtxError } from './ktx-error.js';
