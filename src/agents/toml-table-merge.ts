import { KtxError } from '../core/index.js';
import type { TomlValue } from './config-edit.js';
import { outlineToml, TomlSyntaxError } from './toml-outline.js';

function tomlKey(part: string): string {
  return /^[A-Za-z0-9_-]+$/.test(part) ? part : JSON.stringify(part);
}

// JSON string escapes are valid TOML basic-string escapes for everything JSON.stringify emits.
function tomlValue(value: TomlValue): string {
  if (Array.isArray(value)) return `[${value.map((item) => JSON.stringify(item)).join(', ')}]`;
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

function startsWithPath(path: readonly string[], prefix: readonly string[]): boolean {
  return prefix.every((part, index) => path[index] === part);
}

/** The table as ktx writes it: header, then one `key = value` line per entry. */
export function renderTomlTable(table: readonly string[], entries: readonly [string, TomlValue][]): string[] {
  return [
    `[${table.map(tomlKey).join('.')}]`,
    ...entries.map(([key, value]) => `${tomlKey(key)} = ${tomlValue(value)}`),
  ];
}

export interface TomlMergeResult {
  text: string;
  changed: boolean;
}

/**
 * Replaces the TOML table `table` and its sub-tables with ktx's rendering, in place, or appends it.
 * Everything else — other tables, keys, comments, blank lines, line endings — is kept byte for byte;
 * comments and blank lines after ktx's last key stay where they are (above the next table). The table is ktx's own
 * (found by its name), so user comments *inside* it are replaced; the backup keeps them.
 */
export function mergeTomlTable(
  existing: string | null,
  table: readonly string[],
  entries: readonly [string, TomlValue][],
  where: string,
): TomlMergeResult {
  const text = existing ?? '';
  let outline: ReturnType<typeof outlineToml>;
  try {
    outline = outlineToml(text);
  } catch (error) {
    if (!(error instanceof TomlSyntaxError)) throw error;
    throw new KtxError(
      'agent_config_malformed',
      `${where} is not valid TOML (${error.message}), so ktx left it untouched.`,
      { fix: 'fix the file or move it aside, then re-run ktx setup --agents' },
    );
  }
  // A definition ktx cannot replace without rewriting the user's own table: refuse instead.
  const inline = outline.keys.find((key) => {
    const full = [...key.table, ...key.key];
    return !startsWithPath(key.table, table) && (startsWithPath(full, table) || startsWithPath(table, full));
  });
  if (inline) {
    throw new KtxError(
      'agent_config_malformed',
      `${where} line ${inline.line + 1} defines "${[...inline.table, ...inline.key].join('.')}" as a key, where ktx writes a [${table.join('.')}] table, so ktx left the file untouched.`,
      {
        fix: `remove that key (or turn it into a [${table.join('.')}] table), then re-run ktx setup --agents`,
      },
    );
  }
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text === '' ? [] : text.split(/\r?\n/);
  const trailingNewline = lines.length > 0 && lines[lines.length - 1] === '';
  if (trailingNewline) lines.pop();

  // Each of ktx's tables spans from its header to the last key/value line before the next header.
  const remove = new Set<number>();
  let insertAt = -1;
  outline.headers.forEach((header, index) => {
    if (!startsWithPath(header.path, table)) return;
    const next = outline.headers[index + 1]?.line ?? lines.length;
    let end = next - 1;
    while (end > header.line && /^\s*(#.*)?$/.test(lines[end] ?? '')) end--;
    for (let line = header.line; line <= end; line++) remove.add(line);
    if (insertAt < 0) insertAt = header.line;
  });
  const rendered = renderTomlTable(table, entries);
  const kept: string[] = [];
  for (const [index, line] of lines.entries()) {
    if (index === insertAt) kept.push(...rendered);
    if (!remove.has(index)) kept.push(line);
  }
  if (insertAt < 0) {
    while (kept.length > 0 && kept[kept.length - 1]!.trim() === '') kept.pop();
    if (kept.length > 0) kept.push('');
    kept.push(...rendered);
  }
  const merged = `${kept.join(eol)}${eol}`;
  return { text: merged, changed: merged !== existing };
}
