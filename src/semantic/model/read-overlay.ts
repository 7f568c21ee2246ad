import type { Diagnostic } from '../../core/index.js';
import { checkSchema } from './check-schema.js';
import { type OverlayInput, overlaySchema } from './overlay-schema.js';
import type { YamlFile } from './yaml-file.js';

const PLURAL = 'overlays take `descriptions: {user: …}` (per origin), not a singular `description`';
const STRUCTURAL =
  'column_overrides patch metadata only; to change type or expr add a computed column under `columns:` with a new name';

const KEY_HINTS: Readonly<Record<string, string>> = {
  description: PLURAL,
  type: STRUCTURAL,
  expr: STRUCTURAL,
  tags: 'tags come from the scan manifest (dbt); overlays cannot set them',
  freshness: 'freshness comes from the scan manifest (dbt); overlays cannot set it',
  inherits_columns_from: 'only standalone sources (with `table:` or `sql:`) inherit columns',
};

/** Tier 2 (spec §1.9): schema-checks a file with neither `table:` nor `sql:` as an overlay. */
export function readOverlay(yaml: YamlFile): { overlay?: OverlayInput; diagnostics: Diagnostic[] } {
  const declaredName = (yaml.value as { name?: unknown }).name;
  const checked = checkSchema({
    schema: overlaySchema,
    yaml,
    value: yaml.value,
    basePath: [],
    unknownKeySeverity: 'error',
    itemLists: ['columns', 'column_overrides', 'joins', 'measures', 'segments'],
    requiredKeys: ['name'],
    keyHints: KEY_HINTS,
    subject: typeof declaredName === 'string' ? `overlay \`${declaredName}\`` : 'this overlay',
  });
  return { overlay: checked.value, diagnostics: checked.diagnostics };
}
