import { describe, expect, test } from 'vitest';
import { DIALECT_NAMES } from '../dialect-name.js';
import { DIALECTS, getDialect } from './registry.js';

// The contract every dialect must keep; a new dialect is checked by these without further edits.
describe.each(DIALECT_NAMES)('dialect %s', (name) => {
  const dialect = getDialect(name);
  const rules = dialect.readOnly;

  test('is registered under its own name', () => {
    expect(DIALECTS[name]).toBe(dialect);
    expect(dialect.name).toBe(name);
  });

  test('lists at least one lexical mode with a unique name', () => {
    const names = dialect.lexical.modes.map((mode) => mode.name);
    expect(names.length).toBeGreaterThan(0);
    expect(new Set(names).size).toBe(names.length);
  });

  test('spells keywords in upper-case and functions and PRAGMAs in lower-case', () => {
    const upper = [
      ...Object.keys(rules.statements),
      ...rules.forbiddenWords,
      ...rules.lockingClauses.flat(),
      ...rules.forbiddenPhrases.flat(),
      ...(rules.fileTables?.keywords ?? []),
    ];
    for (const word of upper) expect(word).toMatch(/^[A-Z_]+$/);
    const lower = [
      ...rules.forbiddenFunctions,
      ...rules.sleepFunctions,
      ...Object.keys(rules.pragmas),
      ...(rules.fileTables?.extensions ?? []),
    ];
    for (const word of lower) expect(word).toMatch(/^[a-z0-9_*]+$/);
  });

  test('lists forbidden operators made only of punctuation, each with a reason', () => {
    for (const [operator, effect] of Object.entries(rules.forbiddenOperators)) {
      expect(operator).toMatch(/^[^\p{L}\p{N}\s_$'"`]+$/u);
      expect(effect.trim()).not.toBe('');
    }
  });

  test('escapes quoted names with backslashes only where one lexical mode stands', () => {
    // Mode skipping (check-read-only.ts) assumes a `"…"` name ends where the same text read as a
    // string without backslash escapes would.
    if (dialect.lexical.modes.length > 1) expect(dialect.lexical.identifierBackslashEscapes).toBe(false);
  });

  test('allows SELECT and refuses every write verb inside a statement', () => {
    expect(rules.statements.SELECT).toBe('query');
    for (const verb of ['INSERT', 'UPDATE', 'DELETE', 'DROP', 'CREATE', 'ALTER', 'INTO']) {
      expect(rules.forbiddenWords).toContain(verb);
      expect(Object.keys(rules.statements)).not.toContain(verb);
    }
  });

  test('lists PRAGMAs exactly when PRAGMA is an allowed statement', () => {
    const hasPragmaStatement = Object.values(rules.statements).includes('pragma');
    expect(Object.keys(rules.pragmas).length > 0).toBe(hasPragmaStatement);
  });
});
