import { type Document, LineCounter, parseDocument } from 'yaml';
import type { Diagnostic } from '../../core/index.js';
import { type PortableYaml, portableYaml } from './portable-yaml.js';
import type { DefinitionSite } from './semantic-model.js';

export type KeyPath = readonly (string | number)[];

/** A parsed YAML file plus a way to find the line of any key path in it. */
export interface YamlFile {
  readonly file: string;
  readonly value: unknown;
  /** 1-based line of the node at `path` (or of `key` inside it), when the document has it. */
  lineOf(path: KeyPath, key?: string): number | undefined;
}

/** A parsed file, or why it does not parse. */
export type ParsedYamlFile = { ok: true; yaml: YamlFile } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Parses one YAML text. Syntax errors come back as diagnostics, never as exceptions, so one broken
 * file never hides its siblings. YAML 1.2 is used on purpose: an unquoted `on:` key stays the string
 * `on` (YAML 1.1 would read it as `true`).
 */
export function parseYamlFile(file: string, text: string): ParsedYamlFile {
  return parseYamlText(file, text).parsed;
}

/** `parseYamlFile`, plus the portable form of a plain, valid document (computed when asked). */
export function parseYamlText(
  file: string,
  text: string,
): { parsed: ParsedYamlFile; portable: () => PortableYaml | undefined } {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const none = () => undefined;
  if (document.errors.length > 0) {
    const parsed: ParsedYamlFile = {
      ok: false,
      diagnostics: document.errors.map((error) => ({
        severity: 'error',
        code: 'yaml-syntax',
        message: `invalid YAML: ${error.message.split('\n')[0] ?? 'syntax error'}`,
        file,
        line: lines.linePos(error.pos[0]).line,
        fix: 'fix the YAML syntax at that line; nothing else in this file was loaded',
      })),
    };
    return { parsed, portable: none };
  }
  let value: unknown;
  try {
    value = document.toJS();
  } catch (error) {
    // toJS refuses documents that expand too far through aliases (a "billion laughs" file).
    const message = error instanceof Error ? error.message : String(error);
    const parsed: ParsedYamlFile = {
      ok: false,
      diagnostics: [
        {
          severity: 'error',
          code: 'yaml-syntax',
          message: `invalid YAML: ${message}`,
          file,
          fix: 'remove the excessive anchors and aliases',
        },
      ],
    };
    return { parsed, portable: none };
  }
  return {
    parsed: { ok: true, yaml: { file, value, lineOf: (path, key) => lineOf(document, lines, path, key) } },
    portable: () => portableYaml(document, lines, value),
  };
}

interface RangedNode {
  range?: [number, number, number];
  items?: { key?: { value?: unknown; range?: [number, number, number] } }[];
}

function lineOf(document: Document, lines: LineCounter, path: KeyPath, key?: string): number | undefined {
  const node = (path.length === 0 ? document.contents : document.getIn(path, true)) as RangedNode | undefined;
  let offset = node?.range?.[0];
  if (key !== undefined) {
    const item = node?.items?.find((entry) => entry.key?.value === key);
    offset = item?.key?.range?.[0] ?? offset;
  }
  return offset === undefined ? undefined : lines.linePos(offset).line;
}

/** The definition site of the node at `path`, for drafts and diagnostics. */
export function siteAt(yaml: YamlFile, path: KeyPath): DefinitionSite {
  return { file: yaml.file, path: path.map(String).join('.'), line: yaml.lineOf(path) };
}
