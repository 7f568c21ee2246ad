import { readFileSync } from 'node:fs';
import { Document, isCollection, isMap, parseDocument } from 'yaml';
import { KtxError } from '../../core/index.js';
import { writeFileAtomic } from '../atomic-write.js';
import { parseConfigText } from './load-config.js';

export type ConfigEdit =
  | { path: (string | number)[]; value: unknown }
  | { path: (string | number)[]; delete: true };

// The starter file writes `connections: {}`; entries added under a flow map would stay inline.
function blockStyle(document: Document, path: (string | number)[]): void {
  for (let depth = 0; depth <= path.length; depth++) {
    const node = depth === 0 ? document.contents : document.getIn(path.slice(0, depth), true);
    if (isCollection(node)) node.flow = false;
  }
}

/**
 * Applies edits to ktx.yaml through the YAML document model, so the user's comments, key order and
 * formatting survive. The result is validated before it replaces the file: an edit that would make
 * the config invalid throws and leaves the file untouched.
 */
export function updateConfigFile(file: string, edits: readonly ConfigEdit[]): void {
  const parsed: Document = parseDocument(readFileSync(file, 'utf8'));
  // An empty or scalar file has nothing worth preserving; start a fresh mapping.
  const document = isMap(parsed.contents) ? parsed : new Document({});
  for (const edit of edits) {
    if ('delete' in edit) document.deleteIn(edit.path);
    else {
      document.setIn(edit.path, document.createNode(edit.value));
      blockStyle(document, edit.path);
    }
  }
  const text = document.toString();
  const check = parseConfigText(text, file);
  const error = check.diagnostics.find((diagnostic) => diagnostic.severity === 'error');
  if (error) {
    throw new KtxError(
      'config_invalid',
      `The change would make ktx.yaml invalid: ${error.path ?? ''} ${error.message}.`,
      {
        fix: error.fix ?? 'check the values you passed',
      },
    );
  }
  writeFileAtomic(file, text);
}
