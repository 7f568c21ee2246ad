/** A non-2xx answer of an embedding endpoint, kept apart so the retry loop can read status and wait. */
export class EmbeddingHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    /** From `retry-after` / `retry-after-ms`, when the provider sent one. */
    readonly retryAfterMs: number | undefined,
  ) {
    super(`HTTP ${status}${body ? `: ${body.slice(0, 300)}` : ''}`);
    this.name = 'EmbeddingHttpError';
  }

  /** Rate limits and server-side hiccups are worth another attempt; auth and bad requests are not. */
  get retryable(): boolean {
    return this.status === 429 || this.status === 408 || this.status >= 500;
  }
}
