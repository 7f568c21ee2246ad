/**
 * Thrown inside the fragment lexer and parser and caught by `parseExpression`, which turns it into
 * `{ ok: false, message, offset }`. Never escapes the parse folder: unwinding a recursive-descent
 * parser by exception keeps every grammar rule a plain function that returns an `Expr`.
 */
export class FragmentSyntaxError extends Error {
  constructor(
    message: string,
    /** UTF-16 offset into the fragment where the problem starts. */
    readonly offset: number,
  ) {
    super(message);
    this.name = 'FragmentSyntaxError';
  }
}
