import { lstatSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The first component of a page path below its scope folder (`wiki/global/`, `wiki/user/<id>/`) that
 * is a symbolic link, if any. Listing never follows links below a scope folder (a cloned repository
 * could point one at `~/.ssh`), so reads and writes by key refuse them too. The scope folders
 * themselves may be links (a shared folder), as listing also allows.
 */
export function symlinkOnPath(projectDir: string, relativePath: string): string | undefined {
  const parts = relativePath.split('/');
  const scopeDepth = parts[1] === 'user' ? 3 : 2;
  for (let end = scopeDepth + 1; end <= parts.length; end++) {
    const prefix = parts.slice(0, end).join('/');
    try {
      if (lstatSync(join(projectDir, prefix)).isSymbolicLink()) return prefix;
    } catch {
      return undefined;
    }
  }
  return undefined;
}
