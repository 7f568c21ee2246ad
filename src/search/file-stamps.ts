import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface FileStamp {
  /** Project-relative, forward slashes. */
  path: string;
  stamp: string;
}

/**
 * Every file under `dir` whose name passes `accept`, with a stamp of modification time and size:
 * one readdir per folder and one stat per file, no reads. `mtimeMs` keeps the file system's
 * sub-millisecond precision, so only a same-size rewrite within the same timestamp tick goes unseen.
 */
export function fileStamps(projectDir: string, dir: string, accept: (name: string) => boolean): FileStamp[] {
  const out: FileStamp[] = [];
  const walk = (folder: string) => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && accept(entry.name)) {
        const stat = statSync(path, { throwIfNoEntry: false });
        if (!stat) continue;
        out.push({
          path: relative(projectDir, path).split(sep).join('/'),
          stamp: `${stat.mtimeMs}:${stat.size}`,
        });
      }
    }
  };
  walk(dir);
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
