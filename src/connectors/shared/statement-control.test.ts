import { describe, expect, it } from 'vitest';
import { isKtxError } from '../../core/index.js';
import { runStatement } from './statement-control.js';

const never = () => new Promise<never>(() => {});

describe('runStatement', () => {
  it('rejects with query_timeout at the deadline and runs the registered stop', async () => {
    let stopped = false;
    const running = runStatement('SELECT 1', { timeoutMs: 20 }, (control) => {
      control.onStop(() => {
        stopped = true;
      });
      return never();
    });
    await expect(running).rejects.toSatisfy((error) => isKtxError(error, 'query_timeout'));
    expect(stopped).toBe(true);
  });

  it('rejects with query_aborted when the signal aborts, without waiting for the driver', async () => {
    const controller = new AbortController();
    const running = runStatement('SELECT 1', { timeoutMs: 10_000, signal: controller.signal }, () => never());
    controller.abort();
    await expect(running).rejects.toSatisfy((error) => isKtxError(error, 'query_aborted'));
  });

  it('never starts when the signal is already aborted', async () => {
    let started = false;
    const running = runStatement('SELECT 1', { timeoutMs: 1000, signal: AbortSignal.abort() }, async () => {
      started = true;
    });
    await expect(running).rejects.toSatisfy((error) => isKtxError(error, 'query_aborted'));
    expect(started).toBe(false);
  });

  it('runs a stop registered after the deadline at once, and throwIfStopped throws', async () => {
    let late = false;
    let thrown: unknown;
    const running = runStatement('SELECT 1', { timeoutMs: 10 }, async (control) => {
      await new Promise((resolve) => setTimeout(resolve, 40));
      control.onStop(() => {
        late = true;
      });
      try {
        control.throwIfStopped();
      } catch (error) {
        thrown = error;
      }
    });
    await expect(running).rejects.toSatisfy((error) => isKtxError(error, 'query_timeout'));
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(late).toBe(true);
    expect(isKtxError(thrown, 'query_timeout')).toBe(true);
  });

  it('returns the result and leaves no stop behind when the statement finishes in time', async () => {
    let stopped = false;
    const result = await runStatement('SELECT 1', { timeoutMs: 30 }, async (control) => {
      control.onStop(() => {
        stopped = true;
      });
      return 7;
    });
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(result).toBe(7);
    expect(stopped).toBe(false);
  });
});
