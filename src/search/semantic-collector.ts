import { join } from 'node:path';
import type { SemanticModel } from '../semantic/index.js';
import type { DocumentCollector } from './document-collector.js';
import { sha1 } from './embedding-text.js';
import { fileStamps } from './file-stamps.js';
import { semanticDocuments } from './semantic-documents.js';

export interface SemanticCollectorInput {
  projectDir: string;
  connectionId: string;
  /** Loads the connection's model (the app knows the dialect and reads the files). */
  load: () => SemanticModel;
}

/**
 * One origin per connection: sources are composed from manifests, overlays and standalone files,
 * so the model is only meaningful loaded whole. A change to any of its files reloads the model;
 * the sync then rewrites only the documents whose content changed.
 */
export function semanticCollector(input: SemanticCollectorInput): DocumentCollector {
  const origin = `sl:${input.connectionId}`;
  const dir = join(input.projectDir, 'semantic-layer', input.connectionId);
  return {
    stamps() {
      const files = fileStamps(input.projectDir, dir, (name) => /\.ya?ml$/i.test(name));
      if (files.length === 0) return new Map();
      return new Map([[origin, sha1(files.map((file) => `${file.path}\u0001${file.stamp}`).join('\n'))]]);
    },
    documents(origins) {
      if (!origins.includes(origin)) return new Map();
      return new Map([[origin, semanticDocuments(input.load(), input.connectionId)]]);
    },
  };
}
