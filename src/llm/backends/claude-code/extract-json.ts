const MAX_PARSES = 400;

/**
 * The first JSON value in model text, without a model call: the whole trimmed text, then a fenced
 * ```json block, then the longest `{…}` / `[…]` slice starting at each opening bracket from the left
 * (models wrap JSON in prose or add a trailing remark). Each candidate is also tried with trailing
 * commas removed, the most common slip. Undefined when none parses.
 */
export function extractJson(text: string): { value: unknown } | undefined {
  const trimmed = text.trim();
  const direct = tryParse(trimmed);
  if (direct) return direct;
  const fenced = /```(?:json)?\s*\n([\s\S]*?)```/i.exec(trimmed);
  if (fenced?.[1]) {
    const inner = tryParse(fenced[1].trim());
    if (inner) return inner;
  }
  // Bounded so a long answer full of brackets costs at most a few hundred parses.
  let budget = MAX_PARSES;
  for (let start = 0; start < trimmed.length && budget > 0; start++) {
    const open = trimmed[start];
    if (open !== '{' && open !== '[') continue;
    const close = open === '{' ? '}' : ']';
    for (
      let end = trimmed.lastIndexOf(close);
      end > start && budget > 0;
      end = trimmed.lastIndexOf(close, end - 1)
    ) {
      budget -= 1;
      const parsed = tryParse(trimmed.slice(start, end + 1));
      if (parsed) return parsed;
    }
  }
  return undefined;
}

function tryParse(text: string): { value: unknown } | undefined {
  if (text.length === 0) return undefined;
  for (const candidate of [text, withoutTrailingCommas(text)]) {
    try {
      return { value: JSON.parse(candidate) };
    } catch {
      // Try the next form.
    }
  }
  return undefined;
}

/** Drops commas that directly precede `}` or `]` (whitespace between allowed), outside strings. */
export function withoutTrailingCommas(text: string): string {
  let out = '';
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index] as string;
    if (inString) {
      out += char;
      if (char === '\\') {
        out += text[index + 1] ?? '';
        index += 1;
      } else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    if (char === ',') {
      let next = index + 1;
      while (next < text.length && /\s/.test(text[next] as string)) next += 1;
      if (text[next] === '}' || text[next] === ']') continue;
    }
    out += char;
  }
  return out;
}
