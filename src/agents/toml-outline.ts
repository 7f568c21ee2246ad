/**
 * A TOML scanner that knows just enough to edit one table safely: it walks the whole document (so a
 * `[header]`-looking line inside a multi-line string or array is not mistaken for a header), rejects
 * what is clearly malformed, and reports where each table header and top-level key sits. Values are
 * skipped, not decoded: ktx never needs to read the user's settings, only to leave them alone.
 */

export interface TomlHeader {
  path: string[];
  /** `[[array.of.tables]]`. */
  array: boolean;
  /** 0-based line index of the header. */
  line: number;
}

export interface TomlKey {
  /** The header path the key sits under (empty at the root). */
  table: string[];
  key: string[];
  line: number;
}

export interface TomlOutline {
  headers: TomlHeader[];
  keys: TomlKey[];
}

export class TomlSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`${reason} at line ${line}, column ${column}`);
  }
}

const BARE_KEY = /[A-Za-z0-9_-]/;
// Numbers, booleans, dates and times, inf/nan: the characters a non-string scalar is made of.
const SCALAR_CHAR = /[0-9A-Za-z_+\-.:]/;
const SCALAR =
  /^(true|false|[+-]?(inf|nan)|[+-]?(0x[0-9A-Fa-f_]+|0o[0-7_]+|0b[01_]+|\d[\d_]*(\.\d[\d_]*)?([eE][+-]?\d[\d_]*)?)|\d{4}-\d{2}-\d{2}([Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:\d{2})?)?|\d{2}:\d{2}(:\d{2}(\.\d+)?)?)$/;

class Scanner {
  private index = 0;
  private line = 1;
  private lineStart = 0;

  constructor(private readonly text: string) {}

  get lineIndex(): number {
    return this.line - 1;
  }

  fail(reason: string): never {
    throw new TomlSyntaxError(this.line, this.index - this.lineStart + 1, reason);
  }

  peek(offset = 0): string {
    return this.text[this.index + offset] ?? '';
  }

  startsWith(token: string): boolean {
    return this.text.startsWith(token, this.index);
  }

  atEnd(): boolean {
    return this.index >= this.text.length;
  }

  advance(count = 1): void {
    for (let step = 0; step < count; step++) {
      if (this.text[this.index] === '\n') {
        this.line++;
        this.lineStart = this.index + 1;
      }
      this.index++;
    }
  }

  skipSpaces(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.advance();
  }

  /** Spaces, newlines and comments: what may sit between the items of an array. */
  skipBlank(): void {
    for (;;) {
      this.skipSpaces();
      if (this.peek() === '#') this.skipComment();
      else if (this.atNewline()) this.skipNewline();
      else return;
    }
  }

  atNewline(): boolean {
    return this.peek() === '\n' || (this.peek() === '\r' && this.peek(1) === '\n');
  }

  skipNewline(): void {
    this.advance(this.peek() === '\r' ? 2 : 1);
  }

  skipComment(): void {
    while (!this.atEnd() && !this.atNewline()) this.advance();
  }

  /** After a header or key/value: only a comment may follow on the line. */
  endOfLine(): void {
    this.skipSpaces();
    if (this.peek() === '#') this.skipComment();
    if (this.atEnd()) return;
    if (!this.atNewline()) this.fail(`unexpected "${this.peek()}" after the value`);
    this.skipNewline();
  }

  key(): string[] {
    const parts: string[] = [];
    for (;;) {
      this.skipSpaces();
      parts.push(this.keyPart());
      this.skipSpaces();
      if (this.peek() !== '.') return parts;
      this.advance();
    }
  }

  private keyPart(): string {
    const quote = this.peek();
    if (quote === '"' || quote === "'") {
      const start = this.index;
      this.singleLineString(quote);
      const raw = this.text.slice(start + 1, this.index - 1);
      return quote === "'" ? raw : raw.replace(/\\(["\\])/g, '$1');
    }
    const start = this.index;
    while (BARE_KEY.test(this.peek()) && !this.atEnd()) this.advance();
    if (this.index === start) this.fail('expected a key');
    return this.text.slice(start, this.index);
  }

  private singleLineString(quote: string): void {
    this.advance();
    for (;;) {
      if (this.atEnd() || this.atNewline()) this.fail('unterminated string');
      const char = this.peek();
      if (quote === '"' && char === '\\') this.advance(2);
      else if (char === quote) {
        this.advance();
        return;
      } else this.advance();
    }
  }

  private multiLineString(quote: string): void {
    const delimiter = quote.repeat(3);
    this.advance(3);
    for (;;) {
      if (this.atEnd()) this.fail('unterminated multi-line string');
      if (quote === '"' && this.peek() === '\\') this.advance(2);
      else if (this.startsWith(delimiter)) {
        this.advance(3);
        // Up to two quotes right before the closing delimiter belong to the string.
        for (let extra = 0; extra < 2 && this.peek() === quote; extra++) this.advance();
        return;
      } else this.advance();
    }
  }

  value(): void {
    const char = this.peek();
    if (this.startsWith('"""') || this.startsWith("'''")) this.multiLineString(char);
    else if (char === '"' || char === "'") this.singleLineString(char);
    else if (char === '[') this.array();
    else if (char === '{') this.inlineTable();
    else this.scalar();
  }

  private array(): void {
    this.advance();
    for (;;) {
      this.skipBlank();
      if (this.peek() === ']') {
        this.advance();
        return;
      }
      if (this.atEnd()) this.fail('unterminated array');
      this.value();
      this.skipBlank();
      if (this.peek() === ',') this.advance();
      else if (this.peek() === ']') {
        this.advance();
        return;
      } else this.fail('expected "," or "]" in an array');
    }
  }

  private inlineTable(): void {
    this.advance();
    this.skipBlank();
    if (this.peek() === '}') {
      this.advance();
      return;
    }
    for (;;) {
      this.skipBlank();
      this.key();
      this.skipSpaces();
      if (this.peek() !== '=') this.fail('expected "=" in an inline table');
      this.advance();
      this.skipSpaces();
      this.value();
      this.skipBlank();
      if (this.peek() === ',') this.advance();
      else if (this.peek() === '}') {
        this.advance();
        return;
      } else this.fail('expected "," or "}" in an inline table');
    }
  }

  private scalar(): void {
    const start = this.index;
    while (SCALAR_CHAR.test(this.peek()) && !this.atEnd()) this.advance();
    // A date and a time may be separated by one space: 1979-05-27 07:32:00.
    if (
      /^\d{4}-\d{2}-\d{2}$/.test(this.text.slice(start, this.index)) &&
      /^ \d{2}:/.test(this.text.slice(this.index, this.index + 4))
    ) {
      this.advance();
      while (SCALAR_CHAR.test(this.peek()) && !this.atEnd()) this.advance();
    }
    const token = this.text.slice(start, this.index);
    if (token === '') this.fail('expected a value');
    if (!SCALAR.test(token)) {
      this.index = start;
      this.fail(`"${token}" is not a TOML value (strings need quotes)`);
    }
  }
}

/** Outlines a TOML document, or throws TomlSyntaxError naming the line and column of the problem. */
export function outlineToml(text: string): TomlOutline {
  const scanner = new Scanner(text.startsWith('\uFEFF') ? text.slice(1) : text);
  const headers: TomlHeader[] = [];
  const keys: TomlKey[] = [];
  const seenTables = new Set<string>();
  const seenKeys = new Set<string>();
  let table: string[] = [];
  for (;;) {
    scanner.skipSpaces();
    if (scanner.atEnd()) break;
    if (scanner.atNewline()) {
      scanner.skipNewline();
      continue;
    }
    if (scanner.peek() === '#') {
      scanner.skipComment();
      continue;
    }
    const line = scanner.lineIndex;
    if (scanner.peek() === '[') {
      const array = scanner.peek(1) === '[';
      scanner.advance(array ? 2 : 1);
      const path = scanner.key();
      if (!scanner.startsWith(array ? ']]' : ']'))
        scanner.fail(`expected "${array ? ']]' : ']'}" to close the header`);
      const id = JSON.stringify(path);
      if (!array && seenTables.has(id)) scanner.fail(`table [${path.join('.')}] is defined twice`);
      if (!array) seenTables.add(id);
      scanner.advance(array ? 2 : 1);
      scanner.endOfLine();
      headers.push({ path, array, line });
      table = path;
      continue;
    }
    const key = scanner.key();
    const id = JSON.stringify([...table, ...key]);
    if (seenKeys.has(id) && !headers.at(-1)?.array) scanner.fail(`key "${key.join('.')}" is defined twice`);
    seenKeys.add(id);
    if (scanner.peek() !== '=') scanner.fail('expected "=" after the key');
    scanner.advance();
    scanner.skipSpaces();
    scanner.value();
    scanner.endOfLine();
    keys.push({ table, key, line });
  }
  return { headers, keys };
}
