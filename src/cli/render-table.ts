import type { CellValue } from '../app/index.js';

function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value);
}

/** Width in terminal columns, counting wide (CJK, emoji) characters as two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    width +=
      code >= 0x1100 &&
      (code <= 0x115f ||
        (code >= 0x2e80 && code <= 0xa4cf) ||
        (code >= 0xac00 && code <= 0xd7a3) ||
        (code >= 0xf900 && code <= 0xfaff) ||
        (code >= 0xfe30 && code <= 0xfe4f) ||
        (code >= 0xff00 && code <= 0xff60) ||
        (code >= 0x1f300 && code <= 0x1faff))
        ? 2
        : 1;
  }
  return width;
}

function padCell(text: string, width: number): string {
  const flat = text.replace(/[\r\n\t]+/g, ' ');
  if (displayWidth(flat) <= width) return flat + ' '.repeat(width - displayWidth(flat));
  let out = '';
  for (const char of flat) {
    if (displayWidth(out + char) > width - 1) break;
    out += char;
  }
  return `${out}…${' '.repeat(Math.max(0, width - 1 - displayWidth(out)))}`;
}

/** An aligned text table for TTYs; NULL shows as `∅` so it is never confused with an empty string. */
export function renderTable(
  headers: readonly string[],
  rows: readonly (readonly CellValue[])[],
  maxColumnWidth = 48,
): string {
  const shown = rows.map((row) =>
    headers.map((_, index) => (row[index] === null ? '∅' : cellText(row[index]))),
  );
  const widths = headers.map((header, index) =>
    Math.min(
      maxColumnWidth,
      Math.max(displayWidth(header), ...shown.map((row) => displayWidth(row[index] ?? ''))),
    ),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, index) => padCell(cell, widths[index]!))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((width) => '─'.repeat(width)).join('  '), ...shown.map(line)].join('\n');
}

/** Tab-separated values for pipes: one header line, then rows; tabs/newlines inside cells escaped. */
export function renderTsv(headers: readonly string[], rows: readonly (readonly CellValue[])[]): string {
  const escapeCell = (text: string): string =>
    text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
  return [headers, ...rows.map((row) => headers.map((_, index) => cellText(row[index])))]
    .map((cells) => cells.map((cell) => escapeCell(String(cell))).join('\t'))
    .join('\n');
}
