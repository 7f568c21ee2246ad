/** Options of the read-only gate, shared by the entry point and the checks it runs. */
export interface ReadOnlyCheckOptions {
  /** The statement timeout in force; sleeps longer than this are refused outright. */
  timeoutMs?: number;
}
