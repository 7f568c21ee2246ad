import { KtxError } from '../../core/index.js';
import type { Expr, FunctionCall } from '../ast/expression.js';
import type { DialectPrinting } from './dialect-printing.js';
import { type FunctionEntry, findFunction, isUnsupportedFunction } from './function-table.js';
import { embed, type Printed } from './precedence.js';
import { unsupported } from './sql-text.js';

/** A native function name is printed as written, so it must be a plain word (no quoting, no dots). */
const NATIVE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const PLACEHOLDER = /\{(\d|args|distinct|concat)\}/g;

/**
 * A function call: portable functions through the dialect's function table (checked for argument
 * count, DISTINCT and literal fractions first), any other name as a native call of the dialect.
 */
export function printFunctionCall(
  call: FunctionCall,
  printing: DialectPrinting,
  printArgument: (argument: Expr) => Printed,
): string {
  const entry = findFunction(printing.functions, call.name);
  if (entry === undefined) return printNativeCall(call, printArgument);
  checkCall(call, entry);
  const spelling = entry.spelling;
  if (isUnsupportedFunction(spelling)) {
    const { reason, fix } = spelling.unsupported;
    throw unsupported(printing, `${entry.name}() exactly: ${reason}`, fix);
  }
  const template = typeof spelling === 'string' ? spelling : spelling[call.args.length];
  if (template === undefined) throw callError(entry, `has no spelling for ${call.args.length} arguments`);
  const args = call.args.map(printArgument);
  return template.replace(PLACEHOLDER, (_, slot: string) => {
    if (slot === 'args') return args.map((arg) => arg.sql).join(', ');
    if (slot === 'distinct') return call.distinct ? 'DISTINCT ' : '';
    if (slot === 'concat') return printing.concat(args.map(embed));
    const arg = args[Number(slot) - 1];
    if (arg === undefined) throw callError(entry, `template refers to argument ${slot}`);
    return arg.sql;
  });
}

function checkCall(call: FunctionCall, entry: FunctionEntry): void {
  const count = call.args.length;
  if (count < entry.minArgs || count > entry.maxArgs) {
    const expected =
      entry.minArgs === entry.maxArgs
        ? String(entry.minArgs)
        : entry.maxArgs === Number.POSITIVE_INFINITY
          ? `at least ${entry.minArgs}`
          : `${entry.minArgs} to ${entry.maxArgs}`;
    throw callError(entry, `takes ${expected} argument(s), got ${count}`);
  }
  if (call.distinct && !entry.allowsDistinct) throw callError(entry, 'does not take DISTINCT');
  call.args.forEach((arg, index) => {
    if (arg.kind === 'star' && (entry.name !== 'count' || call.distinct || arg.table !== undefined)) {
      throw callError(entry, 'takes * only as count(*)');
    }
    if (entry.fractionArgs.includes(index + 1)) {
      const value = arg.kind === 'number' ? Number(arg.text) : Number.NaN;
      if (!(value >= 0 && value <= 1)) {
        throw callError(entry, `needs a number literal between 0 and 1 as argument ${index + 1}`);
      }
    }
  });
}

function callError(entry: FunctionEntry, problem: string): KtxError {
  return new KtxError('unsupported_expression', `${entry.name}() ${problem}.`, {
    fix: `Write ${entry.name}() with the arguments it takes.`,
    data: { function: entry.name },
  });
}

function printNativeCall(call: FunctionCall, printArgument: (argument: Expr) => Printed): string {
  if (!NATIVE_NAME.test(call.name)) {
    throw new KtxError('unsupported_expression', `"${call.name}" is not a function name ktx can print.`, {
      fix: 'Use a plain function name made of letters, digits and underscores.',
    });
  }
  const args = call.args.map((arg) => printArgument(arg).sql).join(', ');
  return `${call.name}(${call.distinct ? 'DISTINCT ' : ''}${args})`;
}
