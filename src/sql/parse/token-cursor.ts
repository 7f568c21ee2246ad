import { describeToken, type Token } from './expression-token.js';
import { FragmentSyntaxError } from './fragment-syntax-error.js';

/** Reads a fragment's tokens front to back; the last token is always `end`, so peeking never fails. */
export class TokenCursor {
  private index = 0;

  constructor(
    /** The fragment, for messages that quote part of it. */
    readonly text: string,
    private readonly tokens: readonly Token[],
  ) {}

  peek(ahead = 0): Token {
    return this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)]!;
  }

  /** The token before the current one, or undefined at the start. */
  previous(): Token | undefined {
    return this.tokens[this.index - 1];
  }

  next(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.index++;
    return token;
  }

  /** True when the token `ahead` is the bare word `keyword` (upper-case). */
  isKeyword(keyword: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.kind === 'word' && token.value === keyword;
  }

  isOperator(operator: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.kind === 'operator' && token.value === operator;
  }

  acceptKeyword(keyword: string): Token | undefined {
    return this.isKeyword(keyword) ? this.next() : undefined;
  }

  acceptOperator(operator: string): Token | undefined {
    return this.isOperator(operator) ? this.next() : undefined;
  }

  /** Consumes the keyword or fails with `expected KEYWORD <context>`. */
  expectKeyword(keyword: string, context: string): Token {
    return this.acceptKeyword(keyword) ?? this.fail(`expected ${keyword} ${context}${this.found()}`);
  }

  /** Consumes the operator or fails with ``expected `op` <context>``. */
  expectOperator(operator: string, context: string): Token {
    return this.acceptOperator(operator) ?? this.fail(`expected \`${operator}\` ${context}${this.found()}`);
  }

  /**
   * Consumes the `)` matching `open`. At the end of the fragment the `(` is what is wrong, so the
   * message points there; otherwise it points at the token standing where `)` should be.
   */
  expectClose(open: Token, what: string): Token {
    const close = this.acceptOperator(')');
    if (close !== undefined) return close;
    if (this.peek().kind === 'end') this.fail('unbalanced parentheses: this `(` is never closed', open.start);
    return this.fail(`expected \`)\` to close ${what}${this.found()}`);
  }

  /** `, found X` naming the current token, or nothing at the end (the message already says where). */
  found(): string {
    const token = this.peek();
    return token.kind === 'end' ? '' : `, found ${describeToken(token)}`;
  }

  fail(message: string, offset = this.peek().start): never {
    throw new FragmentSyntaxError(message, offset);
  }
}
