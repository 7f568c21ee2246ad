import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SemanticFileOutline } from '../semantic/index.js';

/** A file's outline and the stat stamp it was read at. */
export interface StoredOutline extends SemanticFileOutline {
  readonly stamp: string;
}

// Bumped when what an outline holds changes; another version is ignored and rebuilt.
const STORE_VERSION = 1;

/**
 * The outlines of one connection's semantic-layer files, persisted beside the index (derived data),
 * so a new process knows which file declares which source without parsing every file again. An
 * entry is trusted only while its file's stamp is unchanged, so a stale or foreign store costs
 * re-reads, never wrong results; a missing or unreadable one is simply empty.
 */
export class SemanticOutlineStore {
  private outlines: Map<string, StoredOutline> | undefined;

  constructor(readonly file: string) {}

  /** The outlines by project-relative path (read from disk once, then kept in memory). */
  current(): Map<string, StoredOutline> {
    if (!this.outlines) this.outlines = this.read();
    return this.outlines;
  }

  save(): void {
    if (!this.outlines) return;
    const text = JSON.stringify({ version: STORE_VERSION, files: Object.fromEntries(this.outlines) });
    // Rename over the old file so a concurrent reader sees one whole version; no fsync: it is a cache.
    const temp = `${this.file}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      writeFileSync(temp, text);
      renameSync(temp, this.file);
    } catch {
      rmSync(temp, { force: true });
      // A read-only state folder only costs re-parsing in the next process.
    }
  }

  /** Forgets every outline, in memory and on disk (`ktx admin reindex`). */
  clear(): void {
    this.outlines = new Map();
    rmSync(this.file, { force: true });
  }

  private read(): Map<string, StoredOutline> {
    try {
      const stored = JSON.parse(readFileSync(this.file, 'utf8')) as {
        version?: unknown;
        files?: Record<string, StoredOutline>;
      };
      if (stored.version !== STORE_VERSION || !stored.files || typeof stored.files !== 'object')
        return new Map();
      return new Map(
        Object.entries(stored.files).filter(
          ([, outline]) =>
            typeof outline?.stamp === 'string' &&
            Array.isArray(outline.names) &&
            outline.names.every((name) => typeof name === 'string'),
        ),
      );
    } catch {
      return new Map();
    }
  }
}
