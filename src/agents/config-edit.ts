/**
 * One change ktx wants in one client file. Edits are planned first and applied only when every file
 * parsed, so a malformed file stops the run before anything is written.
 */
export type ConfigEdit =
  /** Set `keyPath` in a JSON object file to `value` (ktx owns that key; every other key is kept). */
  | { kind: 'json'; path: string; role: EditRole; keyPath: string[]; value: unknown; template?: object }
  /** Replace or append the TOML table `table` (and its sub-tables) with `entries`. */
  | { kind: 'toml-table'; path: string; role: EditRole; table: string[]; entries: [string, TomlValue][] }
  /** Replace or append ktx's marked section in a Markdown file the user also writes in. */
  | { kind: 'markdown-section'; path: string; role: EditRole; body: string }
  /** A file ktx owns entirely (a skill, a rule). */
  | { kind: 'file'; path: string; role: EditRole; content: string };

/** `mcp-config`: how the client starts or reaches the server; `instructions`: what teaches the workflow. */
export type EditRole = 'mcp-config' | 'instructions';

export type TomlValue = string | number | boolean | string[];

/** How `ktx status` confirms the edit is still in place, without importing this layer. */
export type EditCheck =
  | { kind: 'json'; keyPath: string[] }
  | { kind: 'toml-table'; table: string[] }
  | { kind: 'contains'; text: string };

export function checkFor(edit: ConfigEdit): EditCheck {
  switch (edit.kind) {
    case 'json':
      return { kind: 'json', keyPath: edit.keyPath };
    case 'toml-table':
      return { kind: 'toml-table', table: edit.table };
    case 'markdown-section':
    case 'file':
      return { kind: 'contains', text: 'ktx' };
  }
}
