/**
 * A non-fatal finding about user input (a config key, a YAML source, a wiki page). Validators return
 * lists of these instead of throwing, so one bad entry never hides the others.
 */
export interface Diagnostic {
  severity: 'error' | 'warning' | 'info';
  /** Stable kebab-case id of the rule that fired, e.g. `unknown-key`. */
  code: string;
  message: string;
  file?: string;
  /** Dotted key path inside the file, e.g. `connections.warehouse.url`. */
  path?: string;
  line?: number;
  fix?: string;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}

/** `file:line path: message (fix)` — the one-line form used by plain output. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const where = [
    diagnostic.file && (diagnostic.line ? `${diagnostic.file}:${diagnostic.line}` : diagnostic.file),
    diagnostic.path,
  ]
    .filter(Boolean)
    .join(' ');
  const fix = diagnostic.fix ? ` — ${diagnostic.fix}` : '';
  return `${diagnostic.severity}: ${where ? `${where}: ` : ''}${diagnostic.message}${fix}`;
}
