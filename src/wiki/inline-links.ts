/** A `[[key]]` or `[[key|label]]` link in a page body, with its 1-based line in the file. */
export interface InlineLink {
  key: string;
  line: number;
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const LINK = /\[\[([^\]|\n]+)(?:\|[^\]\n]*)?\]\]/g;
// Inline code spans are stripped first so `[[not a link]]` inside backticks is left alone.
const CODE_SPAN = /(`+)[^`]*?\1/g;

/**
 * Lines of `body` outside fenced code blocks, each with its line number in the file. Links and the
 * title heading are only looked for here: a fenced example is not content.
 */
export function proseLines(body: string, firstLine: number): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  let fence: string | undefined;
  body.split(/\r?\n/).forEach((text, index) => {
    const opener = FENCE.exec(text)?.[1];
    if (fence) {
      if (opener && opener[0] === fence[0] && opener.length >= fence.length) fence = undefined;
      return;
    }
    if (opener) {
      fence = opener;
      return;
    }
    out.push({ text, line: firstLine + index });
  });
  return out;
}

/** Every inline wiki link of the body, in order of appearance (repeats kept, each with its line). */
export function inlineLinks(body: string, firstLine: number): InlineLink[] {
  const links: InlineLink[] = [];
  for (const { text, line } of proseLines(body, firstLine)) {
    for (const match of text.replace(CODE_SPAN, '').matchAll(LINK)) {
      links.push({ key: match[1]!.trim(), line });
    }
  }
  return links;
}

/** The text of the first `# ` heading outside code fences, if any. */
export function firstHeading(body: string): string | undefined {
  for (const { text } of proseLines(body, 1)) {
    const match = /^#\s+(.+?)\s*#*\s*$/.exec(text);
    if (match) return match[1];
  }
  return undefined;
}
