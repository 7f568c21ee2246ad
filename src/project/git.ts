import { execFileSync } from 'node:child_process';

function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** The enclosing git work tree of `dir`, or undefined (also when git is not installed). */
export function gitWorkTree(dir: string): string | undefined {
  try {
    return git(dir, ['rev-parse', '--show-toplevel']);
  } catch {
    return undefined;
  }
}

export function gitAvailable(): boolean {
  try {
    execFileSync('git', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * `git init` plus a first commit of the given paths. The commit uses the user's identity when one is
 * configured and a neutral ktx identity otherwise, so it never fails on a fresh machine.
 */
export function gitInitWithCommit(dir: string, paths: string[], message: string): void {
  git(dir, ['init', '-q']);
  git(dir, ['add', '--', ...paths]);
  let identity: string[] = [];
  try {
    git(dir, ['config', 'user.email']);
  } catch {
    identity = ['-c', 'user.name=ktx', '-c', 'user.email=ktx@localhost'];
  }
  git(dir, [...identity, 'commit', '-q', '--no-verify', '-m', message]);
}
