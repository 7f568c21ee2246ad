import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DRIVER_DIALECT } from '../connectors/port.js';
import { type Diagnostic, didYouMean, formatDiagnostic, KtxError } from '../core/index.js';
import { type LoadedConfig, projectLayout } from '../project/index.js';
import { loadSemanticModel, type SemanticModel, type SemanticSource } from '../semantic/index.js';
import type { SemanticLayerSummary } from '../status/index.js';
import { requireConnection } from './connector-config.js';
import type { OpenProject } from './open-project.js';

export interface LoadedSemanticLayer {
  connectionId: string;
  model: SemanticModel;
  diagnostics: Diagnostic[];
  /** Project-relative YAML files read, with their text. */
  files: { path: string; text: string }[];
}

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? yamlFiles(join(dir, entry.name))
        : /\.ya?ml$/i.test(entry.name)
          ? [join(dir, entry.name)]
          : [],
    )
    .sort();
}

/**
 * Reads `semantic-layer/<connection>/` (manifest shards and sources) and loads it with the dialect
 * of the connection's driver. The semantic package itself never touches the disk.
 */
export function loadSemanticLayer(
  project: Pick<OpenProject, 'dir' | 'layout' | 'config'>,
  connectionId: string,
): LoadedSemanticLayer {
  const connection = requireConnection(project.config, connectionId);
  const files = yamlFiles(join(project.layout.semanticLayer, connectionId)).map((path) => ({
    path: relative(project.dir, path),
    text: readFileSync(path, 'utf8'),
  }));
  const { model, diagnostics } = loadSemanticModel(files, { dialect: DRIVER_DIALECT[connection.driver] });
  return { connectionId, model, diagnostics, files };
}

export function requireSource(layer: LoadedSemanticLayer, name: string): SemanticSource {
  const source = layer.model.sources.get(name);
  if (source) return source;
  throw new KtxError(
    'semantic_query_invalid',
    `No source \`${name}\` in semantic-layer/${layer.connectionId}/${didYouMean(name, layer.model.sources.keys())}.`,
    {
      fix: 'Run `ktx sl` to list sources.',
    },
  );
}

/** Counts and the first error of a connection's semantic layer, for `ktx status`. */
export function summariseSemanticLayer(
  projectDir: string,
  loaded: LoadedConfig,
  connectionId: string,
): SemanticLayerSummary {
  const layer = loadSemanticLayer(
    { dir: projectDir, layout: projectLayout(projectDir), config: loaded.config! },
    connectionId,
  );
  const errors = layer.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  const sources = [...layer.model.sources.values()];
  return {
    files: layer.files.length,
    sources: sources.length,
    measures: sources.reduce((total, source) => total + source.measures.length, 0),
    errors: errors.length,
    warnings: layer.diagnostics.filter((diagnostic) => diagnostic.severity === 'warning').length,
    ...(errors[0]
      ? { firstError: formatDiagnostic({ ...errors[0], fix: undefined }).replace(/^error: /, '') }
      : {}),
  };
}
