import type { FunctionSpelling } from './function-spelling.js';
import { STANDARD_FUNCTIONS, type StandardFunctionName } from './standard-functions.js';

export type { FunctionSpelling };

/** A function the dialect cannot compute exactly; printing it throws `unsupported_expression`. */
export interface UnsupportedFunction {
  readonly unsupported: {
    /** Why, in a clause: "MySQL and MariaDB have no exact median aggregate". */
    readonly reason: string;
    /** What the user can do instead, in one sentence. */
    readonly fix: string;
  };
}

export type FunctionOverride = FunctionSpelling | UnsupportedFunction;

/** A dialect's overrides of the standard table, keyed by portable function name. */
export type FunctionOverrides = Partial<Record<StandardFunctionName, FunctionOverride>>;

/** One portable function as a dialect prints it. */
export interface FunctionEntry {
  readonly name: StandardFunctionName;
  readonly minArgs: number;
  readonly maxArgs: number;
  readonly aggregate: boolean;
  readonly allowsDistinct: boolean;
  /** 1-based positions that must be a number literal between 0 and 1 (percentile fractions). */
  readonly fractionArgs: readonly number[];
  readonly spelling: FunctionSpelling | UnsupportedFunction;
}

/** The expanded table: every standard function, with this dialect's spelling. */
export type FunctionTable = Readonly<Record<StandardFunctionName, FunctionEntry>>;

/** Merges the standard templates with a dialect's overrides; run once when the dialect module loads. */
export function expandFunctionTable(overrides: FunctionOverrides): FunctionTable {
  const table = {} as Record<StandardFunctionName, FunctionEntry>;
  for (const name of Object.keys(STANDARD_FUNCTIONS) as StandardFunctionName[]) {
    const standard = STANDARD_FUNCTIONS[name];
    table[name] = Object.freeze({ ...standard, name, spelling: overrides[name] ?? standard.spelling });
  }
  return Object.freeze(table);
}

export function isUnsupportedFunction(spelling: FunctionOverride): spelling is UnsupportedFunction {
  return typeof spelling === 'object' && 'unsupported' in spelling;
}

/** Looks up a portable function by (case-insensitive) name; undefined for a native function. */
export function findFunction(table: FunctionTable, name: string): FunctionEntry | undefined {
  const key = name.toLowerCase();
  return Object.hasOwn(table, key) ? table[key as StandardFunctionName] : undefined;
}
