import type { ErrorCode } from './error-codes.js';

// A process may load two copies of ktx (a global install and a project one); the brand survives that
// where `instanceof` would not.
const BRAND = Symbol.for('ktx.error');

export interface KtxErrorOptions {
  /** One sentence telling the user what to do about it. Shown after the message. */
  fix?: string;
  /** Structured context for JSON output and tests; never contains secrets. */
  data?: Record<string, unknown>;
  cause?: unknown;
}

/**
 * The one error type ktx throws on purpose. `code` is stable and machine-readable; `message` says
 * what went wrong in one line; `fix` says what to do. Anything else that escapes is a bug and is
 * reported as `internal`.
 */
export class KtxError extends Error {
  readonly code: ErrorCode;
  readonly fix: string | undefined;
  readonly data: Record<string, unknown> | undefined;
  readonly [BRAND] = true;

  constructor(code: ErrorCode, message: string, options: KtxErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'KtxError';
    this.code = code;
    this.fix = options.fix;
    this.data = options.data;
  }

  toJSON(): { code: ErrorCode; message: string; fix?: string; data?: Record<string, unknown> } {
    return {
      code: this.code,
      message: this.message,
      ...(this.fix ? { fix: this.fix } : {}),
      ...(this.data ? { data: this.data } : {}),
    };
  }
}

export function isKtxError(value: unknown, code?: ErrorCode): value is KtxError {
  if (typeof value !== 'object' || value === null || !(BRAND in value)) return false;
  return code === undefined || (value as KtxError).code === code;
}

/** Turns any thrown value into a KtxError; unknown throws become `internal` with the original as cause. */
export function toKtxError(value: unknown): KtxError {
  if (isKtxError(value)) return value;
  const message = value instanceof Error ? value.message : String(value);
  return new KtxError('internal', message, {
    cause: value,
    fix: 'Re-run with --debug and report the stack trace.',
  });
}
