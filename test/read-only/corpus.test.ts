import { describe, expect, test } from 'vitest';
import { checkReadOnly } from '../../src/sql/index.js';
import { ALLOWED_CORPUS } from './allowed-corpus.js';
import { CORPUS_TIMEOUT_MS } from './corpus-case.js';
import { HOSTILE_CORPUS } from './hostile-corpus.js';

const options = { timeoutMs: CORPUS_TIMEOUT_MS };

describe('hostile corpus', () => {
  test('is large and has unique ids', () => {
    expect(HOSTILE_CORPUS.length).toBeGreaterThanOrEqual(70);
    expect(new Set(HOSTILE_CORPUS.map((entry) => entry.id)).size).toBe(HOSTILE_CORPUS.length);
  });

  test('marks engine refusals only for dialects the case lists', () => {
    for (const entry of HOSTILE_CORPUS) {
      for (const dialect of Object.keys(entry.engineRefuses ?? {})) {
        expect(entry.dialects, entry.id).toContain(dialect);
      }
    }
  });

  const cases = HOSTILE_CORPUS.flatMap((entry) => entry.dialects.map((dialect) => ({ ...entry, dialect })));
  test.each(cases)('$dialect refuses $id', ({ sql, dialect }) => {
    const verdict = checkReadOnly(sql, dialect, options);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason.trim()).not.toBe('');
  });
});

describe('allowed corpus', () => {
  test('is large and has unique ids', () => {
    expect(ALLOWED_CORPUS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(ALLOWED_CORPUS.map((entry) => entry.id)).size).toBe(ALLOWED_CORPUS.length);
  });

  const cases = ALLOWED_CORPUS.flatMap((entry) => entry.dialects.map((dialect) => ({ ...entry, dialect })));
  test.each(cases)('$dialect accepts $id', ({ sql, dialect }) => {
    expect(checkReadOnly(sql, dialect, options)).toEqual({ ok: true });
  });
});
