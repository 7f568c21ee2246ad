import type { ReadOnlyRules } from '../read-only-rules.js';
import type { CompiledOperator, CompiledPhrase, CompiledRules } from './compiled-rules.js';
import { TRACKER_WORDS } from './file-table-tracker.js';
import { KeywordTable } from './keyword-table.js';

const cache = new WeakMap<ReadOnlyRules, CompiledRules>();

export function compileRules(rules: ReadOnlyRules): CompiledRules {
  const cached = cache.get(rules);
  if (cached) return cached;
  const phrasesByFirstWord = new Map<string, CompiledPhrase[]>();
  const addPhrases = (phrases: readonly (readonly string[])[], effect: string) => {
    for (const words of phrases) {
      const first = words[0];
      if (first === undefined) continue;
      phrasesByFirstWord.set(first, [...(phrasesByFirstWord.get(first) ?? []), { words, effect }]);
    }
  };
  addPhrases(rules.lockingClauses, 'locks rows');
  addPhrases(rules.forbiddenPhrases, 'changes server state or runs another statement');
  const operatorsByFirstCharacter = new Map<string, CompiledOperator[]>();
  for (const [operator, effect] of Object.entries(rules.forbiddenOperators)) {
    const first = operator[0];
    if (first === undefined) continue;
    operatorsByFirstCharacter.set(first, [
      ...(operatorsByFirstCharacter.get(first) ?? []),
      { operator, effect },
    ]);
  }
  const compiled: CompiledRules = {
    statements: new Map(Object.entries(rules.statements)),
    forbiddenWords: new Set(rules.forbiddenWords),
    phrasesByFirstWord,
    operatorsByFirstCharacter,
    forbiddenFunction: globsToRegExp(rules.forbiddenFunctions),
    sleepFunctions: new Set(rules.sleepFunctions),
    pragmas: new Map(Object.entries(rules.pragmas)),
    fileTableKeywords: new Set(rules.fileTables?.keywords ?? []),
    fileExtensions: new Set(rules.fileTables?.extensions ?? []),
    keywords: new KeywordTable([
      ...Object.keys(rules.statements),
      ...rules.forbiddenWords,
      ...rules.lockingClauses.flat(),
      ...rules.forbiddenPhrases.flat(),
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
