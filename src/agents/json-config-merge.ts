import { isDeepStrictEqual } from 'node:util';
import { KtxError } from '../core/index.js';

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `Unexpected token / in JSON at position 17` → `line 2, column 5`, so the user can find it. */
function describeJsonError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message)?.[1];
  const detail = message
    .replace(/\s*in JSON at position \d+.*$/, '')
    .replace(/ \(line \d+ column \d+\)$/, '');
  if (position === undefined) return detail;
  const before = text.slice(0, Number(position));
  const line = before.split('\n').length;
  const column = Number(position) - before.lastIndexOf('\n');
  return `${detail} at line ${line}, column ${column}`;
}

/** Indentation of the first indented line (the user's style), else two spaces. */
function detectIndent(text: string): string {
  return /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
}

export interface JsonMergeResult {
  text: string;
  changed: boolean;
}

/**
 * Sets `keyPath` to `value` in a JSON document and returns the new text; every other key, and the
 * user's indentation, stays. An existing value deep-equal to `value` means no change (the file is
 * not even re-formatted). `template` seeds a file that does not exist yet (e.g. opencode's $schema).
 */
export function mergeJsonConfig(
  existing: string | null,
  keyPath: readonly string[],
  value: unknown,
  where: string,
  template: object = {},
): JsonMergeResult {
  let root: unknown = structuredClone(template);
  if (existing !== null && existing.trim() !== '') {
    try {
      root = JSON.parse(existing);
    } catch (error) {
      throw new KtxError(
        'agent_config_malformed',
        `${where} is not valid JSON (${describeJsonError(existing, error)}), so ktx left it untouched.`,
        { fix: `fix the file (comments are not supported) or move it aside, then re-run ktx setup --agents` },
      );
    }
  }
  if (!isObject(root)) {
    throw new KtxError(
      'agent_config_malformed',
      `${where} does not hold a JSON object, so ktx left it untouched.`,
      {
        fix: 'make the file a JSON object ({ … }) or move it aside, then re-run ktx setup --agents',
      },
    );
  }
  let node: JsonObject = root;
  for (const [index, key] of keyPath.slice(0, -1).entries()) {
    const next = node[key];
    if (next === undefined) node[key] = {};
    else if (!isObject(next)) {
      throw new KtxError(
        'agent_config_malformed',
        `${where}: "${keyPath.slice(0, index + 1).join('.')}" is ${Array.isArray(next) ? 'an array' : typeof next}, not an object, so ktx left the file untouched.`,
        { fix: `make "${keyPath.slice(0, index + 1).join('.')}" an object, then re-run ktx setup --agents` },
      );
    }
    node = node[key] as JsonObject;
  }
  const leaf = keyPath[keyPath.length - 1]!;
  if (existing !== null && isDeepStrictEqual(node[leaf], value)) return { text: existing, changed: false };
  node[leaf] = value;
  const indent = existing ? detectIndent(existing) : '  ';
  const eol = existing?.includes('\r\n') ? '\r\n' : '\n';
  const text = JSON.stringify(root, null, indent).replaceAll('\n', eol);
  return { text: `${text}${eol}`, changed: true };
}
