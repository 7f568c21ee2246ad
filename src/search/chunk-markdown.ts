// Big enough to hold a section's argument, small enough that BM25 length normalisation and one
// embedding still describe it.
const TARGET_CHARS = 1200;

/**
 * Splits a Markdown body into chunks at headings, merging short sections and cutting long ones at
 * blank lines. Fenced code stays whole unless it alone exceeds twice the target.
 */
export function chunkMarkdown(body: string): string[] {
  const sections: string[] = [];
  let current: string[] = [];
  let fenced = false;
  for (const line of body.split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    if (!fenced && /^#{1,6}\s/.test(line) && current.some((each) => each.trim())) {
      sections.push(current.join('\n'));
      current = [];
    }
    current.push(line);
  }
  if (current.some((each) => each.trim())) sections.push(current.join('\n'));

  const pieces = sections.flatMap((section) =>
    section.length <= TARGET_CHARS * 2 ? [section] : splitLong(section),
  );
  const chunks: string[] = [];
  for (const piece of pieces) {
    const last = chunks.at(-1);
    if (last !== undefined && last.length + piece.length < TARGET_CHARS)
      chunks[chunks.length - 1] = `${last}\n\n${piece}`;
    else chunks.push(piece);
  }
  return chunks.map((chunk) => chunk.trim()).filter(Boolean);
}

function splitLong(section: string): string[] {
  const out: string[] = [];
  let buffer = '';
  for (const paragraph of section.split(/\n\s*\n/)) {
    if (buffer && buffer.length + paragraph.length > TARGET_CHARS) {
      out.push(buffer);
      buffer = '';
    }
    buffer = buffer ? `${buffer}\n\n${paragraph}` : paragraph;
    while (buffer.length > TARGET_CHARS * 2) {
      out.push(buffer.slice(0, TARGET_CHARS));
      buffer = buffer.slice(TARGET_CHARS);
    }
  }
  if (buffer) out.push(buffer);
  return out;
}
