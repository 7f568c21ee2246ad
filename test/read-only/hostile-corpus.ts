import type { HostileCase } from './corpus-case.js';
import { HOSTILE_CALLS } from './hostile-calls.js';
import { HOSTILE_LEXICAL } from './hostile-lexical.js';
import { HOSTILE_STATEMENTS } from './hostile-statements.js';
import { HOSTILE_WAREHOUSES } from './hostile-warehouses.js';

export type { HostileCase } from './corpus-case.js';

/**
 * Statements the read-only gate must refuse, as data: verbs that write or change state, lexer
 * tricks, dialect-specific functions, clauses and file reads, and the warehouse dialects' own
 * statements and quoting. See `HostileCase` for the meaning of `engineRefuses`, which a later
 * engine test replays.
 */
export const HOSTILE_CORPUS: HostileCase[] = [
  ...HOSTILE_STATEMENTS,
  ...HOSTILE_LEXICAL,
  ...HOSTILE_CALLS,
  ...HOSTILE_WAREHOUSES,
];
