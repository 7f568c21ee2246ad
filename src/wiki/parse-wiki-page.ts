import type { Diagnostic } from '../core/index.js';
import { firstHeading, inlineLinks } from './inline-links.js';
import { type FrontMatterFields, type LocatedValue, readFrontMatter } from './read-front-matter.js';
import { suggestWikiKey, wikiKeyProblem } from './wiki-key.js';

export type { LocatedValue };

export interface ParsedWikiPage {
  /** Every front matter key as parsed (unknown keys included); empty when it does not parse. */
  frontMatter: Record<string, unknown>;
  hasFrontMatter: boolean;
  body: string;
  /** 1-based file line of the first body line. */
  bodyLine: number;
  /** Front matter `title`, else the first `# ` heading; undefined when neither exists. */
  title?: string;
  summary?: string;
  tags: string[];
  /** Front matter `refs`, then inline `[[links]]`, each with its line (repeats kept for diagnostics). */
  refs: LocatedValue[];
  slRefs: LocatedValue[];
  diagnostics: Diagnostic[];
}

const OPEN = /^---[ \t]*$/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;

/**
 * Splits a page into YAML front matter and Markdown body and checks the front matter against the
 * reference's keys. Never throws: every problem is a Diagnostic carrying the file line it is on, and
 * whatever could be read is still returned, so listing and search keep working on a broken page.
 */
export function parseWikiPage(text: string, path: string): ParsedWikiPage {
  const diagnostics: Diagnostic[] = [];
  const report = (
    severity: Diagnostic['severity'],
    code: string,
    message: string,
    line: number,
    fix?: string,
    key?: string,
  ): void => {
    diagnostics.push({
      severity,
      code,
      message,
      file: path,
      line,
      ...(key ? { path: key } : {}),
      ...(fix ? { fix } : {}),
    });
  };
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lines = source.split(/\r?\n/);
  const closing = OPEN.test(lines[0] ?? '')
    ? lines.findIndex((line, index) => index > 0 && CLOSE.test(line))
    : -2;

  let frontMatter: Record<string, unknown> = {};
  let fields: FrontMatterFields = { refs: [], slRefs: [], tags: [] };
  let body = source;
  let bodyLine = 1;
  if (closing === -1) {
    report(
      'error',
      'front-matter-unterminated',
      'front matter opened with `---` on line 1 is never closed',
      1,
      'end the front matter with a line holding only `---`',
    );
    body = lines.slice(1).join('\n');
    bodyLine = 2;
  } else if (closing > 0) {
    const yamlText = lines.slice(1, closing).join('\n');
    body = lines.slice(closing + 1).join('\n');
    bodyLine = closing + 2;
    const parsed = readFrontMatter(yamlText, 2, report);
    frontMatter = parsed.frontMatter;
    fields = parsed.fields;
  }

  const hasFrontMatter = closing > 0;
  if (closing !== -1 && fields.summary === undefined && !diagnostics.some((d) => d.severity === 'error')) {
    report(
      'warning',
      'missing-summary',
      hasFrontMatter ? 'the page has no `summary`' : 'the page has no front matter',
      1,
      hasFrontMatter
        ? 'add a one-line `summary:`; search shows it and the reference ktx requires it'
        : 'start the page with `---`, a `summary: …` line and `---`; the reference ktx requires it',
    );
  }

  const links = inlineLinks(body, bodyLine);
  for (const link of links) {
    const problem = wikiKeyProblem(link.key);
    if (problem) {
      report(
        'error',
        'invalid-ref',
        `link [[${link.key}]] is not a wiki key: it ${problem}`,
        link.line,
        `link to [[${suggestWikiKey(link.key)}]] instead`,
      );
    }
  }
  const title = fields.title ?? firstHeading(body);
  return {
    frontMatter,
    hasFrontMatter,
    body,
    bodyLine,
    ...(title !== undefined ? { title } : {}),
    ...(fields.summary !== undefined ? { summary: fields.summary } : {}),
    tags: fields.tags,
    refs: [
      ...fields.refs,
      ...links
        .filter((link) => !wikiKeyProblem(link.key))
        .map((link) => ({ value: link.key, line: link.line })),
    ],
    slRefs: fields.slRefs,
    diagnostics,
  };
}
