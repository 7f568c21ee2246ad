/**
 * Splits a physical table reference (`public.orders`, `analytics."Order Items"`, `` `db`.`t` ``,
 * `[dbo].[orders]`) into its parts, unquoted. Dots inside quotes belong to the name. Returns
 * undefined for text that is not a dotted name (an unterminated quote, an empty part).
 */
export function splitTablePath(text: string): string[] | undefined {
  const parts: string[] = [];
  let index = 0;
  const source = text.trim();
  while (index <= source.length) {
    const open = source[index];
    const close = open === '"' ? '"' : open === '`' ? '`' : open === '[' ? ']' : undefined;
    let part: string;
    if (close) {
      let end = index + 1;
      part = '';
      // A doubled closing quote is an escaped quote inside the name.
      while (end < source.length) {
        if (source[end] === close && source[end + 1] === close && close !== ']') {
          part += close;
          end += 2;
        } else if (source[end] === close) break;
        else part += source[end++];
      }
      if (end >= source.length) return undefined;
      index = end + 1;
    } else {
      const end = source.indexOf('.', index);
      part = (end === -1 ? source.slice(index) : source.slice(index, end)).trim();
      index = end === -1 ? source.length : end;
    }
    if (part.length === 0) return undefined;
    parts.push(part);
    if (index >= source.length) break;
    if (source[index] !== '.') return undefined;
    index++;
  }
  return parts.length > 0 ? parts : undefined;
}
