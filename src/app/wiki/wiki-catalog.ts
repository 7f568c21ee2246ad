import type { WikiSemanticCatalog } from '../../wiki/index.js';
import type { OpenProject } from '../open-project.js';
import { loadSemanticLayer } from '../semantic-layer.js';

/**
 * Every source, measure, segment and column of every connection's semantic layer, qualified as
 * `connection/source[.member]`, for checking `sl_refs`. Undefined when no connection is configured
 * (there is nothing to check against).
 */
export function wikiSemanticCatalog(
  project: Pick<OpenProject, 'dir' | 'layout' | 'config'>,
): WikiSemanticCatalog | undefined {
  const connectionIds = Object.keys(project.config.connections);
  if (connectionIds.length === 0) return undefined;
  const catalog = {
    sources: [] as string[],
    measures: [] as string[],
    segments: [] as string[],
    columns: [] as string[],
  };
  for (const connectionId of connectionIds) {
    const layer = loadSemanticLayer(project, connectionId);
    for (const source of layer.model.sources.values()) {
      const qualified = `${connectionId}/${source.name}`;
      catalog.sources.push(qualified);
      catalog.measures.push(...source.measures.map((measure) => `${qualified}.${measure.name}`));
      catalog.segments.push(...source.segments.map((segment) => `${qualified}.${segment.name}`));
      catalog.columns.push(...source.columns.map((column) => `${qualified}.${column.name}`));
    }
  }
  return catalog;
}
