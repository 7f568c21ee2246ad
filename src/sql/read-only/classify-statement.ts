import { assertNever } from '../../core/index.js';
import type { SqlDialect } from '../dialect.js';
import { checkFunctionCall } from './check-function-call.js';
import { checkPragma } from './check-pragma.js';
import { compileRules } from './compile-rules.js';
import type { CompiledRules } from './compiled-rules.js';
import { FileTableTracker } from './file-table-tracker.js';
import type { ReadOnlyCheckOptions } from './read-only-check-options.js';
import type { TokenList } from './token-list.js';
import { verbEffect } from './verb-effects.js';

/**
 * Decides whether the tokens of one text are a single statement that the dialect's rules let
 * through. Returns a one-clause refusal reason, or `null` when it passes. Reads only the rules; the
 * dialect's name appears in messages, never in a comparison.
 */
export function classifyStatement(
  tokens: TokenList,
  dialect: SqlDialect,
  options: ReadOnlyCheckOptions,
): string | null {
  const rules = compileRules(dialect.readOnly);
  const bounds = statementBounds(tokens);
  if (typeof bounds === 'string') return bounds;
  const { start, end } = bounds;
  let verbIndex = start;
  while (verbIndex < end && tokens.isPunctuation(verbIndex, '(')) verbIndex++;
  if (tokens.kind(verbIndex) !== 'word') return 'the statement does not start with a keyword';
  const verb = rules.keywords.at(tokens, verbIndex);
  const kind = verb === null ? undefined : rules.statements.get(verb);
  if (kind === undefined) return refusedVerb(asciiUpperCase(tokens.text(verbIndex)), dialect, rules);
  switch (kind) {
    case 'query':
      return scanBody(tokens, start, end, -1, rules, options);
    case 'metadata':
      return scanBody(tokens, start, end, verbIndex + 1, rules, options);
    case 'pragma':
      return verbIndex === start ? checkPragma(tokens, verbIndex, end, rules) : 'a PRAGMA inside parentheses';
    default:
      return assertNever(kind, 'statement kind');
  }
}

/**
 * The token range of the one non-empty statement. Empty statements (`;;`) are fine; a second
 * non-empty one is refused whatever it says, since the gate judges exactly one statement.
 */
function statementBounds(tokens: TokenList): { start: number; end: number } | string {
  const count = tokens.length;
  let start = 0;
  while (start < count && tokens.isPunctuation(start, ';')) start++;
  if (start === count) return 'there is no statement to run';
  let end = start;
  while (end < count && !tokens.isPunctuation(end, ';')) end++;
  for (let index = end; index < count; index++) {
    if (!tokens.isPunctuation(index, ';')) return 'more than one statement (text follows the first `;`)';
  }
  return { start, end };
}

function refusedVerb(verb: string, dialect: SqlDialect, rules: CompiledRules): string {
  const effect = verbEffect(verb);
  if (effect !== undefined) return `${verb} ${effect}`;
  const allowed = [...rules.statements.keys()].join(', ');
  return `${verb} is not a read-only statement for ${dialect.name} (allowed: ${allowed})`;
}

/**
 * One pass over the statement's tokens: forbidden bare words, phrases and operators, calls of
 * forbidden or sleeping functions, and file-reading table references. `exempt` is a token index
 * skipped by the word check (the object word of `SHOW CREATE TABLE`), or -1.
 */
function scanBody(
  tokens: TokenList,
  start: number,
  end: number,
  exempt: number,
  rules: CompiledRules,
  options: ReadOnlyCheckOptions,
): string | null {
  const tracker = rules.fileTableKeywords.size > 0 ? new FileTableTracker(tokens, rules) : null;
  for (let index = start; index < end; index++) {
    const kind = tokens.kind(index);
    const upper = kind === 'word' ? rules.keywords.at(tokens, index) : null;
    if (upper !== null && index !== exempt) {
      const reason = checkWord(tokens, index, upper, end, rules);
      if (reason) return reason;
    }
    if (kind === 'punctuation' && rules.operatorsByFirstCharacter.size > 0) {
      const reason = checkOperator(tokens, index, end, rules);
      if (reason) return reason;
    }
    // Strings count too: a `"…"` is a string under one MySQL mode and a name under another, and
    // checkReadOnly skips the name reading when the string reading was at least this strict.
    if (
      (kind === 'word' || kind === 'quoted-identifier' || kind === 'string') &&
      tokens.isPunctuation(index + 1, '(')
    ) {
      const reason = checkFunctionCall(tokens, index, rules, options);
      if (reason) return reason;
    }
    if (tracker) {
      const reason = tracker.observe(index, upper);
      if (reason) return reason;
    }
  }
  return null;
}

function checkWord(
  tokens: TokenList,
  index: number,
  upper: string,
  end: number,
  rules: CompiledRules,
): string | null {
  if (rules.forbiddenWords.has(upper)) {
    return `${upper} inside the statement ${verbEffect(upper) ?? 'is a write verb'}`;
  }
  const phrases = rules.phrasesByFirstWord.get(upper);
  if (phrases === undefined) return null;
  for (const phrase of phrases) {
    if (phraseAt(tokens, index, phrase.words, end, rules))
      return `${phrase.words.join(' ')} ${phrase.effect}`;
  }
  return null;
}

/**
 * A forbidden operator starting at punctuation token `index`: its characters as consecutive
 * punctuation tokens, even with whitespace or comments between them (stricter than any lexer).
 */
function checkOperator(tokens: TokenList, index: number, end: number, rules: CompiledRules): string | null {
  const operators = rules.operatorsByFirstCharacter.get(tokens.sql[tokens.start(index)]!);
  if (operators === undefined) return null;
  for (const { operator, effect } of operators) {
    if (operatorAt(tokens, index, operator, end)) return `\`${operator}\` ${effect}`;
  }
  return null;
}

function operatorAt(tokens: TokenList, index: number, operator: string, end: number): boolean {
  if (index + operator.length > end) return false;
  for (let offset = 0; offset < operator.length; offset++) {
    if (!tokens.isPunctuation(index + offset, operator[offset]!)) return false;
  }
  return true;
}

function phraseAt(
  tokens: TokenList,
  index: number,
  phrase: readonly string[],
  end: number,
  rules: CompiledRules,
): boolean {
  if (index + phrase.length > end) return false;
  return phrase.every((word, offset) => rules.keywords.at(tokens, index + offset) === word);
}

/** Upper-cases ASCII letters only, so the reason shows the word as the engine sees it (`ſELECT`). */
function asciiUpperCase(text: string): string {
  return text.replace(/[a-z]+/g, (letters) => letters.toUpperCase());
}
