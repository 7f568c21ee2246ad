/** Stable error codes of the scan, profiling and relationship discovery subsystem; never renamed or reused, add at the end. */
export const SCAN_ERROR_CODES = {
  scan_describe_timeout:
    'The model did not finish a table’s descriptions in time; the scan went on and the next scan retries it.',
} as const;
