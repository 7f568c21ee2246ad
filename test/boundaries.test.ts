import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBoundaries } from '../scripts/check-boundaries.mjs';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'ktx-boundaries-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('layer boundaries (STYLE.md §3)', () => {
  it('hold for src/', () => {
    expect(checkBoundaries(join(import.meta.dirname, '..', 'src'))).toEqual([]);
  });

  it('reject an upward import, a deep import and a dynamic import of a forbidden layer', () => {
    const violations = checkBoundaries(
      tree({
        'core/a.ts': "import { x } from '../project/index.js';\n",
        'status/b.ts': "import { y } from '../project/config/load-config.js';\n",
        'semantic/c.ts': "const m = await import('../connectors/index.js');\n",
        'connectors/d.ts': "import type { P } from '../sql/index.js';\nexport type { Q } from './port.js';\n",
        'status/e.ts': "import type { Connector } from '../connectors/port.js';\n",
      }),
    );
    expect(violations).toHaveLength(3);
    expect(violations.join('\n')).toMatch(/core\/a\.ts: src\/core may not import src\/project/);
    expect(violations.join('\n')).toMatch(
      /status\/b\.ts: imports .*load-config\.js; import src\/project\/index\.ts instead/,
    );
    expect(violations.join('\n')).toMatch(/semantic\/c\.ts: src\/semantic may not import src\/connectors/);
  });
});
