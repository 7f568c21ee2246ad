import type { ReadOnlyRules } from '../read-only-rules.js';
import type { CompiledRules } from './compiled-rules.js';
import { TRACKER_WORDS } from './file-table-tracker.js';
import { KeywordTable } from './keyword-table.js';

const cache = new WeakMap<ReadOnlyRules, CompiledRules>();

export function compileRules(rules: ReadOnlyRules): CompiledRules {
  const cached = cache.get(rules);
  if (cached) return cached;
  const phrasesByFirstWord = new Map<string, (readonly string[])[]>();
  for (const phrase of rules.lockingClauses) {
    const first = phrase[0];
    if (first === undefined) continue;
    phrasesByFirstWord.set(first, [...(phrasesByFirstWord.get(first) ?? []), phrase]);
  }
  const compiled: CompiledRules = {
    statements: new Map(Object.entries(rules.statements)),
    forbiddenWords: new Set(rules.forbiddenWords),
    phrasesByFirstWord,
    forbiddenFunction: globsToRegExp(rules.forbiddenFunctions),
    sleepFunctions: new Set(rules.sleepFunctions),
    pragmas: new Map(Object.entries(rules.pragmas)),
    fileTableKeywords: new Set(rules.fileTables?.keywords ?? []),
    fileExtensions: new Set(rules.fileTables?.extensions ?? []),
    keywords: new KeywordTable([
      ...Object.keys(rules.statements),
      ...rules.forbiddenWords,
      ...rules.lockingClauses.flat(),
      ...(rules.fileTables?.keywords ?? []),
      ...TRACKER_WORDS,
    ]),
  };
  cache.set(rules, compiled);
  return compiled;
}

/** `lo_*` → `^(?:lo_.*)$`; every other character is literal. */
function globsToRegExp(globs: readonly string[]): RegExp | null {
  if (globs.length === 0) return null;
  const alternatives = globs.map((glob) =>
    glob
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*'),
  );
  return new RegExp(`^(?:${alternatives.join('|')})$`);
}
