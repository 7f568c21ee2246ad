import type { DialectName } from './dialect-name.js';
import type { LexicalProfile } from './lexical-profile.js';
import type { ReadOnlyRules } from './read-only-rules.js';

/**
 * Everything ktx knows about one SQL dialect. Every field is required and there is no base object to
 * inherit from, so a new dialect does not compile until it answers each one. Generic code (the
 * read-only gate, later the semantic compiler) reads these fields and never compares dialect names.
 * Each dialect lives in `dialects/<name>/`; `dialects/registry.ts` lists them.
 */
export interface SqlDialect {
  /** The registry key; also how refusal reasons name the dialect. */
  readonly name: DialectName;
  /** Comments, quotes and lexing modes, read by the read-only tokenizer. */
  readonly lexical: LexicalProfile;
  /** Which statements, words, functions and PRAGMAs the read-only gate lets through. */
  readonly readOnly: ReadOnlyRules;
}
