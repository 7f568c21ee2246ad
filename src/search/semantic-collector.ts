import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  outlineSemanticFile,
  type SemanticLayerFile,
  type SemanticModel,
  SemanticParseCache,
} from '../semantic/index.js';
import type { DocumentCollector } from './document-collector.js';
import { type FileStamp, FileStampWalker } from './file-stamps.js';
import { sourceDocuments } from './semantic-documents.js';
import { SemanticOutlineStore } from './semantic-outline-store.js';
import { SemanticParseStore } from './semantic-parse-store.js';

export interface SemanticCollectorInput {
  projectDir: string;
  connectionId: string;
  /**
   * Loads the named sources from the files given (the app knows the connection's dialect):
   * `loadSemanticModel(files, { dialect, only, parseCache })`.
   */
  load: (
    files: SemanticLayerFile[],
    options: { only: ReadonlySet<string>; parseCache: SemanticParseCache },
  ) => SemanticModel;
  /** Where per-file outlines and shard parses persist between processes (a folder under `.ktx/`). */
  cacheDir: string;
}

/**
 * One origin per source (`sl:<connection>:<name>`), stamped by the stat stamps of the files that
 * make it: every file declaring that name (manifest shard, standalone file, overlay), plus every
 * shard when a standalone file inherits columns from the manifest. Which file declares what comes
 * from persisted outlines, re-read only for files whose stamp moved. So an edit re-reads the edited
 * file, then loads just the sources it declared before or declares now, from the files that compose
 * them; one edit never parses the rest of the layer. A renamed source is one origin gone and one new.
 * An overlay edit reads its shard back from the stored parse (`SemanticParseStore`) and skips the
 * shard's other entries.
 */
export function semanticCollector(input: SemanticCollectorInput): DocumentCollector {
  const prefix = `sl:${input.connectionId}:`;
  const walker = new FileStampWalker(
    input.projectDir,
    join(input.projectDir, 'semantic-layer', input.connectionId),
    (name) => /\.ya?ml$/i.test(name),
  );
  const store = new SemanticOutlineStore(join(input.cacheDir, 'outlines.json'));
  const parses = new SemanticParseStore(input.cacheDir);
  // Parses of this sync's outlining, reused by its load; replaced on every stamp walk.
  let parseCache = new SemanticParseCache();
  let contributors = new Map<string, string[]>();
  // The last walk's file stamps and the origin stamps made from them: the common case (nothing
  // changed) then costs the walk and one string comparison.
  let lastWalk = '';
  let lastStamps = new Map<string, string>();

  // A shard parsed in this process is kept on disk for the next edit that composes with it.
  const keepParse = (path: string, text: string) => {
    const portable = parseCache.portable(path);
    if (portable) parses.save(path, text, portable);
    else parses.remove(path);
  };

  const read = (path: string): string | undefined => {
    try {
      return readFileSync(join(input.projectDir, path), 'utf8');
    } catch {
      return undefined; // gone since the walk; the next sync sees it missing
    }
  };

  return {
    stamps() {
      const files = walker.stamps();
      const walk = files.map((file) => `${file.path}@${file.stamp}`).join('|');
      if (walk === lastWalk) return new Map(lastStamps);
      parseCache = new SemanticParseCache();
      const outlines = store.current();
      let dirty = false;
      const live = new Set<string>();
      for (const file of files) {
        live.add(file.path);
        if (outlines.get(file.path)?.stamp === file.stamp) continue;
        const text = read(file.path);
        if (text === undefined) continue;
        const outline = outlineSemanticFile({ path: file.path, text }, parseCache);
        outlines.set(file.path, { stamp: file.stamp, ...outline });
        if (outline.kind === 'manifest') keepParse(file.path, text);
        dirty = true;
      }
      for (const [path, outline] of outlines) {
        if (live.has(path)) continue;
        if (outline.kind === 'manifest') parses.remove(path);
        outlines.delete(path);
        dirty = true;
      }
      if (dirty) store.save();

      const byName = new Map<string, FileStamp[]>();
      const shards: FileStamp[] = [];
      for (const file of files) {
        const outline = outlines.get(file.path);
        if (!outline) continue;
        if (outline.kind === 'manifest') shards.push(file);
        for (const name of outline.names) byName.set(name, [...(byName.get(name) ?? []), file]);
      }
      const stamps = new Map<string, string>();
      contributors = new Map();
      for (const [name, declaring] of byName) {
        const needsShards = declaring.some((file) => outlines.get(file.path)?.readsManifest);
        const all = needsShards ? [...new Set([...declaring, ...shards])] : declaring;
        all.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
        contributors.set(
          name,
          all.map((file) => file.path),
        );
        stamps.set(`${prefix}${name}`, all.map((file) => `${file.path}@${file.stamp}`).join('|'));
      }
      lastWalk = walk;
      lastStamps = stamps;
      return new Map(stamps);
    },
    documents(origins) {
      const names = new Set(
        origins.filter((origin) => origin.startsWith(prefix)).map((origin) => origin.slice(prefix.length)),
      );
      const out = new Map<string, ReturnType<typeof sourceDocuments>>();
      if (names.size === 0) return out;
      const paths = new Set<string>();
      for (const name of names) for (const path of contributors.get(name) ?? []) paths.add(path);
      const files: SemanticLayerFile[] = [];
      const shardsParsed: SemanticLayerFile[] = [];
      for (const path of [...paths].sort()) {
        const text = read(path);
        if (text === undefined) continue;
        files.push({ path, text });
        if (store.current().get(path)?.kind !== 'manifest' || parseCache.has(path, text)) continue;
        const portable = parses.load(path, text);
        if (portable) parseCache.adopt(path, text, portable);
        else shardsParsed.push({ path, text });
      }
      const model = input.load(files, { only: names, parseCache });
      for (const shard of shardsParsed) keepParse(shard.path, shard.text);
      parseCache = new SemanticParseCache();
      for (const name of names) {
        const source = model.sources.get(name);
        out.set(`${prefix}${name}`, source ? sourceDocuments(source, input.connectionId) : []);
      }
      return out;
    },
    reset() {
      rmSync(input.cacheDir, { recursive: true, force: true });
      store.clear();
      lastWalk = '';
    },
  };
}
