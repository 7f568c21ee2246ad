import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PortableYaml } from '../semantic/index.js';
import { sha1 } from './embedding-text.js';

// Bumped when the stored shape changes; another version is ignored (and overwritten on next parse).
const STORE_VERSION = 1;

/**
 * Portable parses of manifest shards, one JSON file per shard beside the index, keyed by the shard's
 * path and the hash of its text. A shard is the one big file others compose with (an overlay edit
 * reloads its scanned table from the shard), and reading its parse back is tens of times faster
 * than parsing its YAML again. A parse is used only for the exact text it was made from.
 */
export class SemanticParseStore {
  constructor(readonly dir: string) {}

  load(path: string, text: string): PortableYaml | undefined {
    try {
      const stored = JSON.parse(readFileSync(this.fileOf(path), 'utf8')) as {
        version?: unknown;
        path?: unknown;
        hash?: unknown;
        value?: unknown;
        lines?: PortableYaml['lines'];
      };
      if (stored.version !== STORE_VERSION || stored.path !== path || stored.hash !== sha1(text))
        return undefined;
      if (!('value' in stored) || stored.lines === undefined) return undefined;
      return { value: stored.value, lines: stored.lines };
    } catch {
      return undefined;
    }
  }

  save(path: string, text: string, portable: PortableYaml): void {
    const target = this.fileOf(path);
    const temp = `${target}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
    try {
      mkdirSync(this.dir, { recursive: true });
      writeFileSync(
        temp,
        JSON.stringify({
          version: STORE_VERSION,
          path,
          hash: sha1(text),
          value: portable.value,
          lines: portable.lines,
        }),
      );
      renameSync(temp, target);
    } catch {
      rmSync(temp, { force: true }); // a read-only state folder only costs parsing again
    }
  }

  remove(path: string): void {
    rmSync(this.fileOf(path), { force: true });
  }

  private fileOf(path: string): string {
    return join(this.dir, `parse-${sha1(path)}.json`);
  }
}
