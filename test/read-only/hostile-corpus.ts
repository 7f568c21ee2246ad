import type { HostileCase } from './corpus-case.js';
import { HOSTILE_CALLS } from './hostile-calls.js';
import { HOSTILE_LEXICAL } from './hostile-lexical.js';
import { HOSTILE_STATEMENTS } from './hostile-statements.js';

export type { HostileCase } from './corpus-case.js';

/**
 * Statements the read-only gate must refuse, as data: verbs that write or change state, lexer
 * tricks, and dialect-specific functions, clauses and file reads. See `HostileCase` for the
 * meaning of `engineRefuses`, which a later engine test replays.
 */
export const HOSTILE_CORPUS: HostileCase[] = [...HOSTILE_STATEMENTS, ...HOSTILE_LEXICAL, ...HOSTILE_CALLS];
