import type { PragmaShape, StatementKind } from '../read-only-rules.js';
import type { KeywordTable } from './keyword-table.js';

/** A refused word sequence and the clause a refusal ends with (`locks rows`). */
export interface CompiledPhrase {
  readonly words: readonly string[];
  readonly effect: string;
}

/** A refused operator (`@`, `->>`) and the clause that says why. */
export interface CompiledOperator {
  readonly operator: string;
  readonly effect: string;
}

/** A dialect's read-only rules as lookup structures, built once per rules object. */
export interface CompiledRules {
  readonly statements: ReadonlyMap<string, StatementKind>;
  readonly forbiddenWords: ReadonlySet<string>;
  /** Locking and forbidden phrases indexed by their first word, so most words cost one map miss. */
  readonly phrasesByFirstWord: ReadonlyMap<string, readonly CompiledPhrase[]>;
  /** Forbidden operators indexed by their first character; empty in most dialects. */
  readonly operatorsByFirstCharacter: ReadonlyMap<string, readonly CompiledOperator[]>;
  /** Matches a lower-case function name that is refused; `null` when none are. */
  readonly forbiddenFunction: RegExp | null;
  readonly sleepFunctions: ReadonlySet<string>;
  readonly pragmas: ReadonlyMap<string, PragmaShape>;
  readonly fileTableKeywords: ReadonlySet<string>;
  readonly fileExtensions: ReadonlySet<string>;
  /** Every word any rule or the file-table tracker reacts to, for allocation-free matching. */
  readonly keywords: KeywordTable;
}
