/**
 * Finds the shell examples the docs promise will work. A fenced block whose info string is
 * `sh runnable` is run as a bash script (`set -e`, so every command must exit 0) inside a fresh copy of
 * the demo project, with `ktx` on the PATH. A `text expected` block right after it lists lines that
 * must each appear in the script's stdout (runs of whitespace compare equal, so table and TSV
 * layouts both match). Plain `sh` blocks are illustrations and are never run.
 */
export interface RunnableBlock {
  file: string;
  line: number;
  script: string;
  expected: string[];
}

const FENCE = /^(\s*)(`{3,}|~{3,})\s*([^`]*)$/;

interface Fenced {
  line: number;
  info: string;
  body: string[];
}

function fencedBlocks(text: string): Fenced[] {
  const lines = text.split(/\r?\n/);
  const blocks: Fenced[] = [];
  let open: (Fenced & { fence: string }) | undefined;
  lines.forEach((line, index) => {
    const match = FENCE.exec(line);
    if (!open) {
      if (match) open = { line: index + 1, info: match[3]!.trim(), body: [], fence: match[2]! };
      return;
    }
    if (match && match[2]!.startsWith(open.fence) && match[3]!.trim() === '') {
      blocks.push({ line: open.line, info: open.info, body: open.body });
      open = undefined;
      return;
    }
    open.body.push(line);
  });
  return blocks;
}

/** The runnable blocks of one Markdown file, in order, each with the expected lines that follow it. */
export function runnableBlocks(file: string, text: string): RunnableBlock[] {
  const blocks = fencedBlocks(text);
  const out: RunnableBlock[] = [];
  blocks.forEach((block, index) => {
    const words = block.info.split(/\s+/);
    if (!(words[0] === 'sh' || words[0] === 'bash') || !words.includes('runnable')) return;
    const next = blocks[index + 1];
    const nextWords = next?.info.split(/\s+/) ?? [];
    const expected =
      nextWords[0] === 'text' && nextWords.includes('expected')
        ? next!.body.map((line) => line.trim()).filter((line) => line.length > 0)
        : [];
    out.push({ file, line: block.line, script: block.body.join('\n'), expected });
  });
  return out;
}

/** Whitespace-insensitive form used to compare expected lines with output. */
export function squashSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
