import type { CellValue } from '../connectors/port.js';

/** Characters of Markdown one tool result may hold; past it the text is cut with a note. */
export const MAX_MARKDOWN_CHARS = 24_000;
/** Characters of JSON the rows of one structured result may hold (a model context is not a data export). */
export const MAX_STRUCTURED_ROW_CHARS = 200_000;
/** Rows shown in a Markdown table; the structured rows hold more. */
export const MAX_TABLE_ROWS = 50;

function cell(value: CellValue | undefined): string {
  if (value === null || value === undefined) return 'NULL';
  const text = String(value).replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

/** A GitHub-flavoured Markdown table of at most `maxRows` rows, with a line saying how many were left out. */
export function markdownTable(
  headers: readonly string[],
  rows: readonly (readonly CellValue[])[],
  maxRows = MAX_TABLE_ROWS,
): string {
  if (headers.length === 0) return '_(no columns)_';
  const shown = rows.slice(0, maxRows);
  const lines = [
    `| ${headers.map((header) => cell(header)).join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...shown.map((row) => `| ${headers.map((_, index) => cell(row[index])).join(' | ')} |`),
  ];
  if (rows.length > shown.length)
    lines.push('', `_${rows.length - shown.length} more row(s) not shown here._`);
  return lines.join('\n');
}

/** Cuts Markdown at a line boundary under `max` characters, saying so. */
export function capMarkdown(text: string, max = MAX_MARKDOWN_CHARS): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf('\n', max - 80);
  return `${text.slice(0, cut > 0 ? cut : max - 80)}\n\n_(cut at ${max} characters; narrow the request to see the rest)_`;
}

/**
 * Keeps the leading rows whose JSON fits in `maxChars`, so one wide result cannot flood a client.
 * Returns how many were kept; the caller reports the rest as truncated.
 */
export function capRowsByChars(rows: CellValue[][], maxChars = MAX_STRUCTURED_ROW_CHARS): CellValue[][] {
  let used = 0;
  for (let index = 0; index < rows.length; index++) {
    used += JSON.stringify(rows[index]).length + 1;
    if (used > maxChars) return rows.slice(0, index);
  }
  return rows;
}

/** Inline code for a name in Markdown. */
export function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}
