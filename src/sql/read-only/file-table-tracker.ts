import type { CompiledRules } from './compiled-rules.js';
import type { TokenList } from './token-list.js';

/** Words that end a FROM list at their nesting level, so later commas separate other things. */
const CLAUSE_ENDS: ReadonlySet<string> = new Set([
  'WHERE',
  'GROUP',
  'HAVING',
  'ORDER',
  'LIMIT',
  'OFFSET',
  'QUALIFY',
  'WINDOW',
  'UNION',
  'EXCEPT',
  'INTERSECT',
  'SELECT',
  'RETURNING',
  'FETCH',
]);

/** Standard functions whose arguments use `FROM` (`EXTRACT(YEAR FROM '…')`): no table follows it there. */
const FROM_ARGUMENT_FUNCTIONS: ReadonlySet<string> = new Set(['EXTRACT', 'TRIM', 'SUBSTRING', 'OVERLAY']);

/** The words this tracker reacts to besides the dialect's keywords; the keyword table must know them. */
export const TRACKER_WORDS: readonly string[] = ['FROM', 'JOIN', ...CLAUSE_ENDS, ...FROM_ARGUMENT_FUNCTIONS];

/** Characters that make a quoted table name a path or glob to a replacement scan. */
const PATH_CHARACTERS = /[./\\:*?~]/;

/**
 * Finds table references that make the engine read a file (DuckDB replacement scans): a string
 * (`FROM 'data.csv'`), a quoted name that looks like a path (`FROM "data.csv"`) or a dotted name
 * ending in a file extension (`FROM data.csv`, `FROM "data"."csv"`). A table reference is the token
 * after a file-table keyword (FROM, JOIN, DESCRIBE…) or after a comma in a FROM list, tracked per
 * bracket level. Fed every token of the statement in order.
 */
export class FileTableTracker {
  /** Per bracket depth: whether a FROM list is open there. */
  private readonly fromListOpen: boolean[] = [false];
  /** Per bracket depth: whether the bracket holds arguments of a FROM-using function. */
  private readonly fromIsArgument: boolean[] = [false];
  private depth = 0;
  private expectTable = false;

  constructor(
    private readonly tokens: TokenList,
    private readonly rules: CompiledRules,
  ) {}

  /** `upper` is the keyword at `index` (upper-case), or `null` when the token is no keyword. */
  observe(index: number, upper: string | null): string | null {
    const tokens = this.tokens;
    const kind = tokens.kind(index);
    if (this.expectTable) {
      this.expectTable = false;
      if (kind === 'string') return 'a string used as a table makes the engine read that file';
      if (kind === 'word' || kind === 'quoted-identifier') {
        const reason = this.checkTableName(index);
        if (reason) return reason;
      }
    }
    if (kind === 'punctuation') {
      this.observePunctuation(index);
    } else if (upper !== null) {
      if (this.rules.fileTableKeywords.has(upper) && !this.fromIsArgument[this.depth]) {
        this.expectTable = true;
        // Only FROM and JOIN start a comma-separated list of tables; DESCRIBE names one.
        if (upper === 'FROM' || upper === 'JOIN') this.fromListOpen[this.depth] = true;
      } else if (CLAUSE_ENDS.has(upper)) {
        this.fromListOpen[this.depth] = false;
      }
    }
    return null;
  }

  private observePunctuation(index: number): void {
    const char = this.tokens.sql[this.tokens.start(index)];
    if (char === '(' || char === '[' || char === '{') {
      const previous = this.rules.keywords.at(this.tokens, index - 1);
      this.depth++;
      this.fromListOpen[this.depth] = false;
      this.fromIsArgument[this.depth] = previous !== null && FROM_ARGUMENT_FUNCTIONS.has(previous);
    } else if (char === ')' || char === ']' || char === '}') {
      if (this.depth > 0) this.depth--;
    } else if (char === ',' && this.fromListOpen[this.depth]) {
      this.expectTable = true;
    }
  }

  /** Walks `a.b.c` from `index`; refuses path-like quoted parts and a final part that is an extension. */
  private checkTableName(index: number): string | null {
    const tokens = this.tokens;
    let parts = 0;
    let last = '';
    let cursor = index;
    for (;;) {
      const kind = tokens.kind(cursor);
      if (kind === 'quoted-identifier') {
        last = tokens.quotedName(cursor);
        if (PATH_CHARACTERS.test(last)) {
          return 'a quoted table name that looks like a path makes the engine read a file';
        }
      } else if (kind === 'word') {
        last = tokens.text(cursor);
      } else {
        break;
      }
      parts++;
      if (!tokens.isPunctuation(cursor + 1, '.')) break;
      cursor += 2;
    }
    if (parts >= 2 && this.rules.fileExtensions.has(last.toLowerCase())) {
      return `a table name ending in .${last.toLowerCase()} makes the engine read a file`;
    }
    return null;
  }
}
