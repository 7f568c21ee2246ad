import { type Dirent, readdirSync, statSync } from 'node:fs';
import { relative, sep } from 'node:path';

export interface FileStamp {
  /** Project-relative, forward slashes. */
  path: string;
  stamp: string;
}

interface Listing {
  mtimeMs: number;
  files: string[];
  dirs: string[];
}

// A folder listing is reused only when it was read this long after the folder last changed: a
// folder's mtime has coarse ticks on some file systems, so an entry added within the tick of an
// earlier listing would leave the mtime as it was (the "racy git" problem).
export const SETTLED_MS = 2000;

/**
 * Stamps every file under `dir` whose name passes `accept` with its modification time and size: one
 * stat per file, no reads. Folder listings are kept and reused while the folder's own mtime stays
 * put (adding, removing or renaming an entry moves it; editing a file in place does not, hence the
 * stat per file). `mtimeMs` keeps the file system's sub-millisecond precision, so only a same-size
 * rewrite within one timestamp tick goes unseen. One walker per collector, reused across syncs.
 */
export class FileStampWalker {
  private readonly listings = new Map<string, Listing>();
  private readonly base: string;

  constructor(
    projectDir: string,
    private readonly dir: string,
    private readonly accept: (name: string) => boolean,
  ) {
    const base = relative(projectDir, dir).split(sep).join('/');
    this.base = base ? `${base}/` : '';
  }

  stamps(): FileStamp[] {
    const out: FileStamp[] = [];
    const seen = new Set<string>();
    this.walk(this.dir, this.base, out, seen);
    // Forget folders that are gone, so a long-lived walker does not keep their listings.
    for (const folder of this.listings.keys()) if (!seen.has(folder)) this.listings.delete(folder);
    return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  private walk(folder: string, prefix: string, out: FileStamp[], seen: Set<string>): void {
    const listing = this.list(folder);
    if (!listing) return;
    seen.add(folder);
    for (const name of listing.files) {
      const stat = statSync(`${folder}${sep}${name}`, { throwIfNoEntry: false });
      if (!stat?.isFile()) continue;
      out.push({ path: `${prefix}${name}`, stamp: `${stat.mtimeMs}:${stat.size}` });
    }
    for (const name of listing.dirs) this.walk(`${folder}${sep}${name}`, `${prefix}${name}/`, out, seen);
  }

  private list(folder: string): Listing | undefined {
    const stat = statSync(folder, { throwIfNoEntry: false });
    if (!stat?.isDirectory()) {
      this.listings.delete(folder);
      return undefined;
    }
    const cached = this.listings.get(folder);
    if (cached && cached.mtimeMs === stat.mtimeMs) return cached;
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return undefined;
    }
    const listing: Listing = { mtimeMs: stat.mtimeMs, files: [], dirs: [] };
    for (const entry of entries) {
      if (entry.isDirectory()) listing.dirs.push(entry.name);
      else if (entry.isFile() && this.accept(entry.name)) listing.files.push(entry.name);
    }
    if (Date.now() - stat.mtimeMs > SETTLED_MS) this.listings.set(folder, listing);
    else this.listings.delete(folder);
    return listing;
  }
}

/** One walk without a kept listing cache (for one-off reads). */
export function fileStamps(projectDir: string, dir: string, accept: (name: string) => boolean): FileStamp[] {
  return new FileStampWalker(projectDir, dir, accept).stamps();
}
