/**
 * Layout for printed statements: a list of lines with a nesting depth, rendered either pretty (one
 * clause per line, two spaces per level) or compact (one line). Verbatim lines (a SQL source's own
 * body) are never re-indented, and in compact output they keep line breaks around them so a trailing
 * `--` comment cannot swallow the text that follows.
 */
export interface SqlLine {
  readonly text: string;
  readonly depth: number;
  readonly verbatim?: boolean;
}

export const line = (text: string, depth = 0): SqlLine => ({ text, depth });

export function indent(lines: readonly SqlLine[], by = 1): SqlLine[] {
  return lines.map((item) => (item.verbatim ? item : { ...item, depth: item.depth + by }));
}

/** `KEYWORD item` when there is one item; otherwise the keyword alone and one indented item per line. */
export function clause(keyword: string, items: readonly string[]): SqlLine[] {
  if (items.length === 1) return [line(`${keyword} ${items[0]}`)];
  return [
    line(keyword),
    ...items.map((item, index) => line(index < items.length - 1 ? `${item},` : item, 1)),
  ];
}

export function renderLines(lines: readonly SqlLine[], pretty: boolean): string {
  if (pretty) {
    return lines.map((item) => (item.verbatim ? item.text : '  '.repeat(item.depth) + item.text)).join('\n');
  }
  let out = '';
  let afterVerbatim = false;
  for (const item of lines) {
    if (item.verbatim) out += `\n${item.text}\n`;
    else
      out +=
        (out === '' || afterVerbatim || out.endsWith('(') || item.text.startsWith(')') ? '' : ' ') +
        item.text;
    afterVerbatim = item.verbatim === true;
  }
  return out;
}
