import { assertReadOnly } from '../../sql/index.js';

/** Checks one statement before it reaches the driver; throws `read_only_violation`. */
export type StatementGate = typeof assertReadOnly;

/** Options of an engine's opener that are not connection settings. */
export interface EngineOptions {
  /**
   * The statement gate run before any SQL reaches the driver. Only tests replace it, to prove that the
   * engine's own read-only layer holds by itself (DESIGN.md principle 2); the registry never does.
   */
  gate?: StatementGate;
}

export function gateOf(options: EngineOptions): StatementGate {
  return options.gate ?? assertReadOnly;
}
