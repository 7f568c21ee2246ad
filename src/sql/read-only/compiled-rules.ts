import type { PragmaShape, StatementKind } from '../read-only-rules.js';
import type { KeywordTable } from './keyword-table.js';

/** A dialect's read-only rules as lookup structures, built once per rules object. */
export interface CompiledRules {
  readonly statements: ReadonlyMap<string, StatementKind>;
  readonly forbiddenWords: ReadonlySet<string>;
  /** Phrases indexed by their first word, so most words cost one map miss. */
  readonly phrasesByFirstWord: ReadonlyMap<string, readonly (readonly string[])[]>;
  /** Matches a lower-case function name that is refused; `null` when none are. */
  readonly forbiddenFunction: RegExp | null;
  readonly sleepFunctions: ReadonlySet<string>;
  readonly pragmas: ReadonlyMap<string, PragmaShape>;
  readonly fileTableKeywords: ReadonlySet<string>;
  readonly fileExtensions: ReadonlySet<string>;
  /** Every word any rule or the file-table tracker reacts to, for allocation-free matching. */
  readonly keywords: KeywordTable;
}
