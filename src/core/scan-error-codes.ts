/** Stable error codes of the scan, profiling and relationship discovery subsystem; never renamed or reused, add at the end. */
export const SCAN_ERROR_CODES = {} as const;
