/**
 * Abort helpers shared by every backend. An abort is a caller's decision, not a failure: it travels
 * as an AbortError and is never classified or turned into `stopReason: 'error'`.
 */

/** The error every backend throws when the caller's signal aborts. */
export function createAbortError(reason?: unknown): Error {
  const message = typeof reason === 'string' && reason.length > 0 ? reason : 'The operation was aborted.';
  // DOMException carries name 'AbortError' the way fetch and the SDKs throw it.
  return new DOMException(message, 'AbortError');
}

/** True for DOMException AbortError, any error named AbortError, and Node's ABORT_ERR code. */
export function isAbortError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const candidate = error as { name?: unknown; code?: unknown };
  return candidate.name === 'AbortError' || candidate.code === 'ABORT_ERR';
}

/** Throws an AbortError when `signal` is already aborted; a no-op otherwise. */
export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw abortErrorFor(signal);
}

/** The AbortError for an aborted signal: its reason when that already is one, a fresh one otherwise. */
export function abortErrorFor(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (isAbortError(reason) && reason instanceof Error) return reason;
  return createAbortError();
}

export interface LinkedAbort {
  controller: AbortController;
  /** Removes the listener on the parent; safe to call twice. */
  dispose(): void;
}

/**
 * A child controller that aborts when `parent` does (immediately when it already has), so a backend
 * can abort its own work (step budget reached) without touching the caller's signal.
 */
export function linkAbortSignal(parent?: AbortSignal): LinkedAbort {
  const controller = new AbortController();
  if (!parent) return { controller, dispose: () => {} };
  if (parent.aborted) {
    controller.abort(parent.reason);
    return { controller, dispose: () => {} };
  }
  const onAbort = () => controller.abort(parent.reason);
  parent.addEventListener('abort', onAbort, { once: true });
  let disposed = false;
  return {
    controller,
    dispose: () => {
      if (disposed) return;
      disposed = true;
      parent.removeEventListener('abort', onAbort);
    },
  };
}

/**
 * Sleeps `ms`, rejecting with an AbortError as soon as `signal` aborts. The timer is cleared either
 * way, so an aborted wait leaves nothing behind.
 */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortErrorFor(signal));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortErrorFor(signal as AbortSignal));
    };
    const timer = setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      },
      Math.max(0, ms),
    );
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
