import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { closestNames, type Diagnostic } from '../core/index.js';
import {
  FRONT_MATTER_FIELDS,
  type FrontMatterShape,
  SUMMARY_MAX_LENGTH,
  shapeProblem,
} from './front-matter-fields.js';
import { suggestWikiKey, wikiKeyProblem } from './wiki-key.js';

/** `source`, `source.member`, each optionally prefixed by `connection/`. */
const SL_REF = /^(?:[A-Za-z0-9][A-Za-z0-9_-]*\/)?[^\s./]+(?:\.[^\s./]+)?$/;

/** A value of the page together with the 1-based file line it was written on. */
export interface LocatedValue {
  value: string;
  line: number;
}

/** The typed fields the rest of the wiki reads; the raw mapping is kept beside them. */
export interface FrontMatterFields {
  title?: string;
  summary?: string;
  tags: string[];
  refs: LocatedValue[];
  slRefs: LocatedValue[];
}

export type Report = (
  severity: Diagnostic['severity'],
  code: string,
  message: string,
  line: number,
  fix?: string,
  key?: string,
) => void;

/**
 * Parses the YAML between the `---` lines (its first line is file line `firstLine`) and checks each
 * key's shape. Problems go to `report` with file lines; the raw mapping is returned whole.
 */
export function readFrontMatter(
  yamlText: string,
  firstLine: number,
  report: Report,
): { frontMatter: Record<string, unknown>; fields: FrontMatterFields } {
  const fields: FrontMatterFields = { refs: [], slRefs: [], tags: [] };
  const counter = new LineCounter();
  const document = parseDocument(yamlText, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number | undefined): number =>
    offset === undefined ? firstLine : firstLine + counter.linePos(offset).line - 1;
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      report(
        'error',
        'front-matter-syntax',
        `front matter is not valid YAML: ${error.message.split('\n')[0] ?? 'syntax error'}`,
        lineAt(error.pos[0]),
        'fix the YAML at that line (quote values that contain `: ` or start with `[`, `{`, `*` or `&`)',
      );
    }
    return { frontMatter: {}, fields };
  }
  const root = document.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) {
    return { frontMatter: {}, fields };
  }
  if (!isMap(root)) {
    report(
      'error',
      'front-matter-not-mapping',
      'front matter must be a mapping of `key: value` lines',
      lineAt(root.range?.[0]),
      'write one `key: value` per line between the `---` lines',
    );
    return { frontMatter: {}, fields };
  }
  let frontMatter: Record<string, unknown>;
  try {
    frontMatter = (document.toJS() ?? {}) as Record<string, unknown>;
  } catch (error) {
    // toJS refuses documents that expand too far through aliases.
    report(
      'error',
      'front-matter-syntax',
      `front matter cannot be read: ${(error as Error).message}`,
      firstLine,
    );
    return { frontMatter: {}, fields };
  }

  for (const item of root.items) {
    const keyNode = item.key as Node | null;
    const key = isScalar(keyNode) ? String(keyNode.value) : undefined;
    const keyLine = lineAt(keyNode?.range?.[0]);
    if (key === undefined) {
      report('error', 'front-matter-not-mapping', 'front matter keys must be plain names', keyLine);
      continue;
    }
    const value = frontMatter[key];
    const shape: FrontMatterShape | undefined = FRONT_MATTER_FIELDS[key];
    if (!shape) {
      const close = closestNames(key, Object.keys(FRONT_MATTER_FIELDS), 1)[0];
      report(
        'warning',
        'unknown-front-matter-key',
        `unknown front matter key \`${key}\` (kept as is)`,
        keyLine,
        close ? `did you mean \`${close}\`?` : `known keys: ${Object.keys(FRONT_MATTER_FIELDS).join(', ')}`,
        key,
      );
      continue;
    }
    // An empty value (`tags:`) means "not set", as YAML readers of the reference treat it.
    if (value === null || value === undefined) continue;
    const problem = shapeProblem(shape, value);
    if (problem) {
      report(
        'error',
        'invalid-front-matter-value',
        `\`${key}\` ${problem}`,
        lineAt((item.value as Node | null)?.range?.[0] ?? keyNode?.range?.[0]),
        fixFor(key, shape),
        key,
      );
      continue;
    }
    const valueNode = item.value as Node | null;
    const itemLines = isSeq(valueNode)
      ? valueNode.items.map((node) => lineAt((node as Node | null)?.range?.[0]))
      : [];
    const located = (values: string[]): LocatedValue[] =>
      values.map((entry, index) => ({ value: entry, line: itemLines[index] ?? keyLine }));
    switch (key) {
      case 'title':
        fields.title = value as string;
        break;
      case 'summary': {
        fields.summary = value as string;
        if (fields.summary.length > SUMMARY_MAX_LENGTH) {
          report(
            'warning',
            'summary-too-long',
            `\`summary\` has ${fields.summary.length} characters; keep it to one line under ${SUMMARY_MAX_LENGTH}`,
            keyLine,
            'move the detail into the body',
            key,
          );
        }
        break;
      }
      case 'tags':
        fields.tags = value as string[];
        break;
      case 'refs':
        fields.refs = located(value as string[]);
        for (const ref of fields.refs) {
          const refProblem = wikiKeyProblem(ref.value);
          if (refProblem) {
            report(
              'error',
              'invalid-ref',
              `ref \`${ref.value}\` is not a wiki key: it ${refProblem}`,
              ref.line,
              `use \`${suggestWikiKey(ref.value)}\``,
              key,
            );
          }
        }
        fields.refs = fields.refs.filter((ref) => !wikiKeyProblem(ref.value));
        break;
      case 'sl_refs':
        fields.slRefs = located(value as string[]);
        for (const ref of fields.slRefs) {
          if (!SL_REF.test(ref.value)) {
            report(
              'error',
              'invalid-sl-ref',
              `sl_ref \`${ref.value}\` is not \`source\`, \`source.member\` or \`connection/source[.member]\``,
              ref.line,
              'name a semantic-layer source, optionally followed by `.measure`, `.segment` or `.column`',
              key,
            );
          }
        }
        fields.slRefs = fields.slRefs.filter((ref) => SL_REF.test(ref.value));
        break;
    }
  }
  return { frontMatter, fields };
}

function fixFor(key: string, shape: FrontMatterShape): string {
  switch (shape) {
    case 'string-list':
      return `write \`${key}: [first, second]\` or one \`- item\` per line`;
    case 'usage-mode':
      return `write \`${key}: auto\` (or always, never)`;
    case 'number':
      return `write \`${key}: 0\``;
    case 'string':
      return `write \`${key}: "…"\` (quoted when it contains \`: \` or starts with a symbol)`;
    default:
      return `see the front matter keys in src/wiki/CONTEXT.md`;
  }
}
