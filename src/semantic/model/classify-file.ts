/** How the loader treats a file of `semantic-layer/<connection>/`. */
export type FileKind = 'manifest' | 'authored' | 'ignored';

/**
 * `_schema/*.yaml` shards are scan manifests (tier 1); every other `*.yaml`/`*.yml` file is authored
 * (tier 2: a standalone source or an overlay, told apart by its content). Anything else (a README, an
 * editor backup) is ignored. Paths are project-relative with `/` or `\` separators.
 */
export function classifyFile(path: string): FileKind {
  const parts = path.split(/[\\/]/);
  const name = parts.at(-1) ?? '';
  if (!/\.ya?ml$/i.test(name) || name.startsWith('.')) return 'ignored';
  return parts.slice(0, -1).includes('_schema') ? 'manifest' : 'authored';
}
