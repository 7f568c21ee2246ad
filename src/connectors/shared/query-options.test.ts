import { describe, expect, it } from 'vitest';
import { checkQueryOptions, MAX_TIMEOUT_MS } from './query-options.js';

describe('checkQueryOptions', () => {
  it('refuses a timeout a Node.js timer cannot wait for', () => {
    expect(() => checkQueryOptions({ maxRows: 1, timeoutMs: MAX_TIMEOUT_MS })).not.toThrow();
    expect(() => checkQueryOptions({ maxRows: 1, timeoutMs: 2 ** 31 })).toThrow(
      expect.objectContaining({ code: 'invalid_argument' }),
    );
  });
});
