/**
 * Local, model-free repair of almost-JSON a model produced: code fences, prose around the value,
 * trailing commas, missing closing brackets. Returns undefined when nothing parses; the caller then
 * asks the `repair` role. Pure and bounded (a few dozen parse attempts at most).
 */
export function repairJsonText(text: string): { value: unknown } | undefined {
  const found = findJson(text);
  // A document that arrived JSON-encoded as a string (a provider that re-encodes a tool input it
  // could not parse): repair the string's content instead.
  if (found && typeof found.value === 'string' && /[{[]/.test(found.value)) {
    return findJson(found.value) ?? found;
  }
  return found;
}

function findJson(text: string): { value: unknown } | undefined {
  const candidates = new Set<string>();
  const trimmed = text.trim();
  candidates.add(trimmed);
  // ```json … ``` (or bare ```) anywhere in the text.
  const fenced = /```(?:json|JSON)?\s*\n?([\s\S]*?)```/.exec(trimmed);
  if (fenced?.[1]) candidates.add(fenced[1].trim());
  for (const candidate of [...candidates]) {
    const parsed = tryVariants(candidate);
    if (parsed) return parsed;
  }
  // Prose around the value: try each opening bracket with the farthest matching closer first.
  for (const opener of ['{', '[']) {
    const closer = opener === '{' ? '}' : ']';
    let start = trimmed.indexOf(opener);
    let tries = 0;
    while (start !== -1 && tries < 8) {
      tries += 1;
      const end = trimmed.lastIndexOf(closer);
      const slice = end > start ? trimmed.slice(start, end + 1) : trimmed.slice(start);
      const parsed = tryVariants(slice);
      if (parsed) return parsed;
      start = trimmed.indexOf(opener, start + 1);
    }
  }
  return undefined;
}

function tryVariants(text: string): { value: unknown } | undefined {
  const withoutTrailingCommas = stripTrailingCommas(text);
  for (const variant of [text, withoutTrailingCommas, closeBrackets(withoutTrailingCommas)]) {
    try {
      return { value: JSON.parse(variant) };
    } catch {
      // try the next variant
    }
  }
  return undefined;
}

/** Removes commas directly before `}` or `]`, outside string literals. */
function stripTrailingCommas(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] as string;
    if (inString) {
      out += char;
      if (char === '\\') {
        out += text[i + 1] ?? '';
        i += 1;
      } else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    if (char === ',') {
      const rest = text.slice(i + 1).trimStart();
      if (rest.startsWith('}') || rest.startsWith(']')) continue;
    }
    out += char;
  }
  return out;
}

/** Appends the closers a truncated value is missing (and closes an open string). */
function closeBrackets(text: string): string {
  const stack: string[] = [];
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i += 1;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    else if (char === '{') stack.push('}');
    else if (char === '[') stack.push(']');
    else if (char === '}' || char === ']') stack.pop();
  }
  return (inString ? `${text}"` : text) + stack.reverse().join('');
}
