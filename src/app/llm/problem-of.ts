import { toKtxError } from '../../core/index.js';

/** A failure as status, setup and `ktx llm test` show it: the KtxError fields, without the class. */
export function problemOf(error: unknown): { code: string; message: string; fix?: string } {
  const ktx = toKtxError(error);
  return { code: ktx.code, message: ktx.message, ...(ktx.fix ? { fix: ktx.fix } : {}) };
}
