import type { Diagnostic } from '../../core/index.js';
import { at } from './diagnostic-at.js';
import type { ValidationRule } from './validation-context.js';

const KIND_LABEL = {
  manifest: 'manifest entry',
  standalone: 'standalone source',
  overlay: 'overlay',
} as const;

/**
 * A name defined twice by the same kind of definition: two manifest entries (across shards), two
 * standalone files, or two overlays. The first in path order is used; the others are ignored. (A
 * standalone source replacing a manifest entry is legitimate and reported by the loader.)
 */
export const duplicateSourceNames: ValidationRule = (_model, context) => {
  const diagnostics: Diagnostic[] = [];
  const first = new Map<string, (typeof context.definitions)[number]>();
  for (const definition of context.definitions) {
    const key = `${definition.kind}\u0000${definition.name}`;
    const winner = first.get(key);
    if (!winner) {
      first.set(key, definition);
      continue;
    }
    diagnostics.push({
      severity: 'error',
      code: 'duplicate-source',
      message: `${KIND_LABEL[definition.kind]} \`${definition.name}\` is defined again here; the one in ${winner.site.file} is used and this one is ignored`,
      ...at(definition.site, definition.kind === 'manifest' ? undefined : 'name'),
      fix: 'rename one of them (identity is the `name:` inside the file, not the filename) or delete the copy',
    });
  }
  return diagnostics;
};
