import { type Document, isAlias, isMap, isPair, isScalar, isSeq, type LineCounter } from 'yaml';
import type { KeyPath, YamlFile } from './yaml-file.js';

/**
 * The line of every node of a parsed document, shaped like the document: a scalar is its line (null
 * when it has none), a mapping `{l, k: [[key, keyLine, child]…]}`, a sequence `{l, s: [child…]}`.
 */
export type LineTree =
  | number
  | null
  | { l: number | null; k: [string, number | null, LineTree][] }
  | {
      l: number | null;
      s: LineTree[];
    };

/**
 * A parsed YAML file as plain JSON (its value and its line tree), so a caller can keep it on disk and
 * hand it back instead of parsing the text again: a `YamlFile` rebuilt from it answers every
 * `lineOf` exactly as the parsed document does. Only plain documents have one — string keys, no
 * aliases, values JSON keeps as they are (no NaN, ±Infinity or -0); others are parsed every time.
 */
export interface PortableYaml {
  readonly value: unknown;
  readonly lines: LineTree;
}

class NotPlain extends Error {}

export function portableYaml(
  document: Document,
  lines: LineCounter,
  value: unknown,
): PortableYaml | undefined {
  try {
    checkPlainValue(value);
    return { value, lines: lineTree(document.contents, lines) };
  } catch (error) {
    if (error instanceof NotPlain) return undefined;
    throw error;
  }
}

function lineOfNode(node: { range?: [number, number, number] | null } | null, lines: LineCounter) {
  const offset = node?.range?.[0];
  return offset === undefined ? null : lines.linePos(offset).line;
}

function lineTree(node: unknown, lines: LineCounter): LineTree {
  if (node === null || node === undefined) return null;
  if (isAlias(node)) throw new NotPlain();
  if (isScalar(node)) return lineOfNode(node, lines);
  if (isMap(node)) {
    return {
      l: lineOfNode(node, lines),
      k: node.items.map((pair) => {
        if (!isPair(pair) || !isScalar(pair.key) || typeof pair.key.value !== 'string') throw new NotPlain();
        return [pair.key.value, lineOfNode(pair.key, lines), lineTree(pair.value, lines)];
      }),
    };
  }
  if (isSeq(node)) {
    return {
      l: lineOfNode(node, lines),
      s: node.items.map((item) => {
        if (isPair(item)) throw new NotPlain();
        return lineTree(item, lines);
      }),
    };
  }
  throw new NotPlain();
}

function checkPlainValue(value: unknown): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || Object.is(value, -0)) throw new NotPlain();
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) checkPlainValue(item);
    return;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const key of Object.keys(value)) {
      if (key === '__proto__') throw new NotPlain();
      checkPlainValue((value as Record<string, unknown>)[key]);
    }
    return;
  }
  throw new NotPlain();
}

/**
 * The `YamlFile` of a portable parse. `lineOf` follows the document's own lookup rules: mapping keys
 * match by strict equality, sequence indexes may be numbers or numeric strings, and a path through
 * a scalar finds nothing. A malformed tree (a foreign or damaged cache file) finds nothing, never throws.
 */
export function yamlFileFromPortable(file: string, portable: PortableYaml): YamlFile {
  return {
    file,
    value: portable.value,
    lineOf: (path: KeyPath, key?: string) => {
      let node: unknown = portable.lines;
      for (const segment of path) {
        node = childOf(node, segment);
        if (node === undefined) return undefined;
      }
      const own = lineValue(node);
      if (key !== undefined && isMapTree(node)) {
        const pair = node.k.find((entry) => Array.isArray(entry) && entry[0] === key);
        if (pair) return (typeof pair[1] === 'number' ? pair[1] : undefined) ?? own;
      }
      return own;
    },
  };
}

function isMapTree(node: unknown): node is { l: unknown; k: unknown[][] } {
  return typeof node === 'object' && node !== null && Array.isArray((node as { k?: unknown }).k);
}

function isSeqTree(node: unknown): node is { l: unknown; s: unknown[] } {
  return typeof node === 'object' && node !== null && Array.isArray((node as { s?: unknown }).s);
}

function lineValue(node: unknown): number | undefined {
  const line = typeof node === 'object' && node !== null ? (node as { l?: unknown }).l : node;
  return typeof line === 'number' ? line : undefined;
}

function childOf(node: unknown, segment: string | number): unknown {
  if (isMapTree(node)) {
    const pair = node.k.find((entry) => Array.isArray(entry) && entry[0] === segment);
    return pair ? pair[2] : undefined;
  }
  if (isSeqTree(node)) {
    let index: unknown = segment;
    if (index && typeof index === 'string') index = Number(index);
    return typeof index === 'number' && Number.isInteger(index) && index >= 0 ? node.s[index] : undefined;
  }
  return undefined;
}
