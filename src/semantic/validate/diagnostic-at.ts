import type { Diagnostic } from '../../core/index.js';
import type { DefinitionSite } from '../model/semantic-model.js';

/** The location fields of a diagnostic about `key` of the element defined at `site`. */
export function at(
  site: DefinitionSite | undefined,
  key?: string | number,
): Pick<Diagnostic, 'file' | 'path' | 'line'> {
  if (!site) return key === undefined ? {} : { path: String(key) };
  const path = key === undefined ? site.path : site.path ? `${site.path}.${key}` : String(key);
  return { file: site.file, ...(path ? { path } : {}), ...(site.line ? { line: site.line } : {}) };
}
