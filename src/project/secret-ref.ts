import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { KtxError } from '../core/index.js';

export type SecretRef =
  | { kind: 'env'; name: string }
  | { kind: 'file'; path: string }
  | { kind: 'literal'; value: string };

/** Classifies a config value: `env:NAME`, `file:PATH`, or a literal. */
export function parseSecretRef(value: string): SecretRef {
  if (value.startsWith('env:')) return { kind: 'env', name: value.slice(4) };
  if (value.startsWith('file:') && !value.startsWith('file://'))
    return { kind: 'file', path: value.slice(5) };
  return { kind: 'literal', value };
}

/** `~/x` → home, relative → project directory. */
export function resolveUserPath(path: string, projectDir: string): string {
  if (path === '~' || path.startsWith('~/')) return join(homedir(), path.slice(1));
  return isAbsolute(path) ? path : join(projectDir, path);
}

export interface ResolveSecretOptions {
  projectDir: string;
  /** Dotted config path that holds the reference, named in errors. */
  where: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * Dereferences `env:`/`file:` at use time (never cached in config), so rotating a secret needs no
 * edit. A file reference yields its first line, which is how `ktx setup` writes `.ktx/secrets/*`.
 */
export function resolveSecret(value: string, options: ResolveSecretOptions): string {
  const ref = parseSecretRef(value);
  switch (ref.kind) {
    case 'literal':
      return ref.value;
    case 'env': {
      const resolved = (options.env ?? process.env)[ref.name];
      if (!ref.name || resolved === undefined || resolved === '') {
        throw new KtxError(
          'secret_unresolved',
          `${options.where} refers to env:${ref.name}, which is not set.`,
          {
            fix: `export ${ref.name || 'NAME'}=… in the shell that runs ktx, or switch to a file: reference.`,
            data: { where: options.where },
          },
        );
      }
      return resolved;
    }
    case 'file': {
      const path = resolveUserPath(ref.path, options.projectDir);
      try {
        const line = readFileSync(path, 'utf8').split(/\r?\n/, 1)[0]?.trim() ?? '';
        if (line) return line;
      } catch {
        throw new KtxError(
          'secret_unresolved',
          `${options.where} refers to file:${ref.path}, which cannot be read.`,
          {
            fix: `create ${path} with the secret on its first line (chmod 600), or change the reference.`,
            data: { where: options.where },
          },
        );
      }
      throw new KtxError(
        'secret_unresolved',
        `${options.where} refers to file:${ref.path}, which is empty.`,
        {
          fix: `put the secret on the first line of ${path}.`,
          data: { where: options.where },
        },
      );
    }
  }
}
