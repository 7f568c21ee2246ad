import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ERROR_GUIDE } from '../../scripts/docs/error-guide.mjs';
import { KTX_YAML_INTRO } from '../../scripts/docs/ktx-yaml-notes.mjs';
import { renderCliDoc } from '../../scripts/docs/render-cli-doc.mjs';
import {
  ktxYamlJsonSchema,
  renderKtxYamlDoc,
  undocumentedKeys,
} from '../../scripts/docs/render-ktx-yaml.mjs';
import { guideProblems, renderTroubleshooting } from '../../scripts/docs/render-troubleshooting.mjs';
import { renderCliReference } from '../../src/cli/cli-reference.js';
import { exitCodeFor } from '../../src/cli/print-error.js';
import { buildProgram } from '../../src/cli/program.js';
import { ERROR_CODES, KtxError } from '../../src/core/index.js';
import { ktxConfigSchema } from '../../src/project/index.js';
import { captureIo } from '../support/capture-io.js';

const STALE = 'stale: run `npm run build && node scripts/docs/update-docs.mjs` and commit the result';

function committed(path: string): string {
  return readFileSync(join(import.meta.dirname, '..', '..', 'docs', path), 'utf8');
}

describe('generated docs', () => {
  it('docs/ktx-yaml.md matches the zod schema of ktx.yaml', () => {
    expect(committed('ktx-yaml.md'), STALE).toBe(renderKtxYamlDoc(ktxConfigSchema));
  });

  it('documents every ktx.yaml key (a .describe() in the schema or a note in scripts/docs/ktx-yaml-notes.mjs)', () => {
    expect(undocumentedKeys(ktxYamlJsonSchema(ktxConfigSchema))).toEqual([]);
  });

  it('the example ktx.yaml in the intro is valid', () => {
    const example = /```yaml\n([\s\S]*?)```/.exec(KTX_YAML_INTRO)?.[1];
    expect(example).toBeDefined();
    const result = ktxConfigSchema.safeParse(parse(example!));
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it('docs/cli.md matches the commander program', () => {
    const reference = renderCliReference(buildProgram(captureIo().io));
    expect(committed('cli.md'), STALE).toBe(renderCliDoc(reference));
  });

  it('docs/troubleshooting.md matches the error-code catalogue', () => {
    const text = renderTroubleshooting({
      codes: ERROR_CODES,
      guide: ERROR_GUIDE,
      exitCodeFor: (code: string) => exitCodeFor(new KtxError(code as keyof typeof ERROR_CODES, code)),
    });
    expect(committed('troubleshooting.md'), STALE).toBe(text);
  });

  it('gives every error code in ERROR_CODES exactly one fix (scripts/docs/error-guide.mjs)', () => {
    expect(guideProblems(ERROR_CODES, ERROR_GUIDE)).toEqual({ missing: [], unknown: [], repeated: [] });
  });

  it('catches drift: a code missing from the guide and an undocumented key are reported', () => {
    const codes = { ...ERROR_CODES, brand_new_code: 'A code nobody documented.' };
    expect(guideProblems(codes, ERROR_GUIDE).missing).toEqual(['brand_new_code']);
    const schema = ktxYamlJsonSchema(ktxConfigSchema) as { properties: Record<string, unknown> };
    const before = undocumentedKeys(schema);
    schema.properties.brand_new_key = { type: 'string' };
    expect(undocumentedKeys(schema)).toEqual([...before, 'brand_new_key']);
  });
});
