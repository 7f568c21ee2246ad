import { resolveDescription } from './resolve-description.js';
import { type MeasureInput, measureWindow } from './schema-parts.js';
import type { MeasureDraft } from './source-draft.js';
import { siteAt, type YamlFile } from './yaml-file.js';

/** A `measures:` list as drafts; standalone sources and overlays read measures the same way. */
export function measureDrafts(
  measures: readonly MeasureInput[] | null | undefined,
  yaml: YamlFile,
): MeasureDraft[] {
  return (measures ?? []).map((measure, index) => ({
    name: measure.name,
    expr: measure.expr,
    filter: measure.filter,
    segments: measure.segments ?? [],
    description: resolveDescription(undefined, measure.description),
    ...(measure.window ? { window: measureWindow(measure.window) } : {}),
    site: siteAt(yaml, ['measures', index]),
  }));
}
