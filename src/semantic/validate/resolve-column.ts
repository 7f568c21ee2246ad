import type { ColumnRef } from '../../sql/index.js';
import type { SemanticColumn, SemanticSource } from '../model/semantic-model.js';
import type { ModelNodes } from './model-nodes.js';

export type ColumnResolution =
  | { readonly kind: 'declared'; readonly source: SemanticSource; readonly column: SemanticColumn }
  /** Not declared, but the scanned table or the SQL projection has it. */
  | { readonly kind: 'physical' }
  | { readonly kind: 'unknown-qualifier' }
  /** Declared under another case; names are matched exactly by the planner. */
  | { readonly kind: 'case-mismatch'; readonly name: string }
  /** `certain` when the physical columns are known, so the name cannot be an undeclared column. */
  | { readonly kind: 'unknown'; readonly certain: boolean; readonly candidates: readonly string[] };

/**
 * Resolves a column reference of a fragment the way the planner does: a qualified name on that
 * source or alias; a bare name on the owner, then (for measures and segments, `parents`) on the
 * sources it reaches through many-to-one joins, nearest first; then, as the reference allows, an
 * undeclared physical column of the owner.
 */
export function resolveColumn(
  nodes: ModelNodes,
  owner: SemanticSource,
  ref: ColumnRef,
  scope: 'own' | 'parents',
): ColumnResolution {
  if (ref.table !== undefined) {
    const target = nodes.source(ref.table);
    if (!target) return { kind: 'unknown-qualifier' };
    return lookIn([target], target, ref.name);
  }
  const candidates = scope === 'own' ? [owner.name] : nodes.safeParents(owner.name);
  const sources = candidates.map((name) => nodes.source(name)).filter((source) => source !== undefined);
  return lookIn(sources.length > 0 ? sources : [owner], owner, ref.name);
}

function lookIn(sources: readonly SemanticSource[], owner: SemanticSource, name: string): ColumnResolution {
  for (const source of sources) {
    const column = source.columns.find((each) => each.name === name);
    if (column) return { kind: 'declared', source, column };
  }
  if (owner.physicalColumns?.includes(name)) return { kind: 'physical' };
  const declared = sources.flatMap((source) => source.columns.map((column) => column.name));
  const other = declared.find((each) => each.toLowerCase() === name.toLowerCase());
  if (other) return { kind: 'case-mismatch', name: other };
  return {
    kind: 'unknown',
    certain: owner.physicalColumns !== undefined,
    candidates: [...new Set([...declared, ...(owner.physicalColumns ?? [])])],
  };
}
