import { describe, expect, it } from 'vitest';
import { mergeMarkdownSection, mergeTomlTable, outlineToml } from '../../src/agents/index.js';

const KTX: [string, string | string[] | number | boolean][] = [
  ['command', 'ktx'],
  ['args', ['mcp', 'stdio']],
];
const TABLE = ['mcp_servers', 'ktx'];
const merge = (text: string | null) => mergeTomlTable(text, TABLE, KTX, 'config.toml');

describe('TOML outline', () => {
  it('does not mistake headers inside multi-line strings and arrays for tables', () => {
    const outline = outlineToml(
      [
        'notes = """',
        '[mcp_servers.ktx]',
        'not a table"""',
        "literal = '''",
        '[also.not]',
        "'''",
        'list = [',
        '  "a", # comment',
        '  [1, 2],',
        ']',
        'when = 1979-05-27 07:32:00Z',
        'inline = { a = 1, "b.c" = "x" }',
        '[real."quoted.part"]',
        'x = -0x1F',
      ].join('\n'),
    );
    expect(outline.headers).toEqual([{ path: ['real', 'quoted.part'], array: false, line: 12 }]);
    expect(outline.keys.map((key) => key.key.join('.'))).toEqual([
      'notes',
      'literal',
      'list',
      'when',
      'inline',
      'x',
    ]);
  });

  it.each([
    ['a = "unterminated\n', /unterminated string at line 1/],
    ['a = [1, 2\n', /unterminated array|expected "," or "\]"/],
    ['a = bare words\n', /"bare" is not a TOML value/],
    ['[t]\na = 1\n[t]\n', /table \[t\] is defined twice at line 3/],
    ['a = 1\na = 2\n', /key "a" is defined twice/],
    ['[t\n', /expected "\]"/],
  ])('rejects %j', (text, message) => {
    expect(() => outlineToml(text)).toThrow(message);
  });
});

describe('mergeTomlTable', () => {
  it('replaces ktx’s table in place and keeps comments, CRLF line ends and the next table', () => {
    const before =
      '# top\r\n[mcp_servers.ktx]\r\ncommand = "old"\r\n[mcp_servers.ktx.env]\r\nA = "1"\r\n\r\n# about docs\r\n[mcp_servers.docs]\r\ncommand = "d"\r\n';
    const { text, changed } = merge(before);
    expect(changed).toBe(true);
    expect(text).toBe(
      '# top\r\n[mcp_servers.ktx]\r\ncommand = "ktx"\r\nargs = ["mcp", "stdio"]\r\n\r\n# about docs\r\n[mcp_servers.docs]\r\ncommand = "d"\r\n',
    );
    expect(merge(text)).toEqual({ text, changed: false });
  });

  it('appends to a file without the table, separated by one blank line', () => {
    expect(merge('model = "o3"\n\n\n').text).toBe(
      'model = "o3"\n\n[mcp_servers.ktx]\ncommand = "ktx"\nargs = ["mcp", "stdio"]\n',
    );
    expect(merge(null).text).toBe('[mcp_servers.ktx]\ncommand = "ktx"\nargs = ["mcp", "stdio"]\n');
  });

  it('escapes strings and quotes keys that need it', () => {
    const { text } = mergeTomlTable(null, ['mcp_servers', 'my.ktx'], [['command', 'C:\\ktx "x"']], 'f');
    expect(text).toBe('[mcp_servers."my.ktx"]\ncommand = "C:\\\\ktx \\"x\\""\n');
    expect(outlineToml(text).headers[0]?.path).toEqual(['mcp_servers', 'my.ktx']);
  });

  it.each([
    ['[mcp_servers]\nktx = { command = "x" }\n', /line 2 defines "mcp_servers.ktx" as a key/],
    ['mcp_servers = { ktx = { command = "x" } }\n', /line 1 defines "mcp_servers" as a key/],
    ['mcp_servers.ktx.command = "x"\n', /defines "mcp_servers.ktx.command" as a key/],
  ])('refuses an inline definition it would have to rewrite: %j', (text, message) => {
    expect(() => merge(text)).toThrow(message);
  });
});

describe('mergeMarkdownSection', () => {
  it('appends once, then replaces only its own section', () => {
    const first = mergeMarkdownSection('# Team notes\n\nBe nice.\n', 'ktx v1', 'AGENTS.md');
    expect(first.text).toMatch(
      /^# Team notes\n\nBe nice.\n\n<!-- ktx:begin[^\n]*-->\nktx v1\n<!-- ktx:end -->\n$/,
    );
    const edited = `${first.text}\n## Later\n`;
    const second = mergeMarkdownSection(edited, 'ktx v2', 'AGENTS.md');
    expect(second.text).toBe(edited.replace('ktx v1', 'ktx v2'));
    expect(mergeMarkdownSection(second.text, 'ktx v2', 'AGENTS.md').changed).toBe(false);
  });

  it('refuses a section with a lost end marker', () => {
    expect(() => mergeMarkdownSection('<!-- ktx:begin -->\nx\n', 'y', 'AGENTS.md')).toThrow(
      /unmatched or repeated/,
    );
  });
});
