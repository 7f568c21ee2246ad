import { type Diagnostic, didYouMean } from '../../core/index.js';
import { type ColumnRef, type Expr, splitConjuncts } from '../../sql/index.js';
import type { JoinDraft } from './source-draft.js';

type Side = 'self' | 'target' | 'both' | 'unknown';

export type JoinKeysResult =
  | { ok: true; keys: { from: string; to: string }[] }
  | { ok: false; diagnostic: Diagnostic };

/**
 * Reads a parsed join `on` (`a = target.b AND c = target.d`) into column pairs. Orientation comes
 * from qualifiers, not position (the reference misread `customers.id = customer_id`): an unqualified
 * side or one qualified by this source's name is this source; one qualified by the target's name or
 * the join's alias is the target. Only when qualifiers cannot tell (both sides bare, or a self-join
 * without an alias) does the left side count as this source, as in the reference.
 */
export function readJoinKeys(join: JoinDraft, sourceName: string, on: Expr): JoinKeysResult {
  const keys: { from: string; to: string }[] = [];
  const terms = splitConjuncts(on);
  for (const [index, term] of terms.entries()) {
    const where = terms.length > 1 ? `term ${index + 1} of \`on\`` : '`on`';
    if (
      term.kind !== 'binary' ||
      term.op !== '=' ||
      term.left.kind !== 'column' ||
      term.right.kind !== 'column'
    ) {
      return failure(
        join,
        `${where} is not a column equality; join keys must be \`column = ${join.alias ?? join.to}.column\` pairs joined by AND`,
      );
    }
    const left = sideOf(term.left, sourceName, join);
    const right = sideOf(term.right, sourceName, join);
    for (const [ref, side] of [
      [term.left, left],
      [term.right, right],
    ] as const) {
      if (side === 'unknown') {
        const names = [sourceName, join.to, ...(join.alias ? [join.alias] : [])];
        return failure(
          join,
          `${where} qualifies \`${ref.name}\` with \`${ref.table}\`, which is neither this source nor the join target${didYouMean(ref.table ?? '', names)}`,
        );
      }
    }
    const pair = orient(term.left, left, term.right, right);
    if (!pair) {
      const both = left === 'target' ? `\`${join.alias ?? join.to}\`` : 'this source';
      return failure(
        join,
        `both sides of ${where} belong to ${both}; one side must be this source and the other the target`,
      );
    }
    keys.push(pair);
  }
  return { ok: true, keys };
}

function orient(
  left: ColumnRef,
  leftSide: Side,
  right: ColumnRef,
  rightSide: Side,
): { from: string; to: string } | undefined {
  const forward = { from: left.name, to: right.name };
  const reversed = { from: right.name, to: left.name };
  if (leftSide === 'both' && rightSide === 'both') return forward;
  if (leftSide === 'self' && rightSide === 'self') return !left.table && !right.table ? forward : undefined;
  if (leftSide === 'target' && rightSide === 'target') return undefined;
  if (leftSide === 'target' || rightSide === 'self') return reversed;
  return forward;
}

function sideOf(ref: ColumnRef, sourceName: string, join: JoinDraft): Side {
  if (ref.table === undefined) return 'self';
  const matches = (name: string | undefined) =>
    name !== undefined && (ref.table === name || ref.table?.toLowerCase() === name.toLowerCase());
  const self = matches(sourceName);
  // With an alias the target is addressed by the alias; its real name still reads as the target
  // unless it is also this source's name (a self-join), where only the alias can tell.
  const target = matches(join.alias) || (matches(join.to) && !(self && join.alias));
  if (self && target) return 'both';
  if (self) return 'self';
  if (target) return 'target';
  return 'unknown';
}

function failure(join: JoinDraft, message: string): JoinKeysResult {
  return {
    ok: false,
    diagnostic: {
      severity: 'error',
      code: 'join-on-unsupported',
      message: `join to \`${join.to}\` is left out: ${message}`,
      file: join.site.file,
      path: `${join.site.path}.on`,
      line: join.site.line,
      fix: `write on as \`local_column = ${join.alias ?? join.to}.column\`, with AND between pairs`,
    },
  };
}
