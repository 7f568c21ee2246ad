/** Scan phases in the order they run. */
export type ScanPhase = 'introspect' | 'profile' | 'relationships' | 'describe' | 'write';

/** A progress tick: `done` of `total` units of the current phase (tables, or candidates for relationships). */
export interface ScanProgress {
  connectionId: string;
  phase: ScanPhase;
  done: number;
  total: number;
  elapsedMs: number;
}
