import { existsSync, lstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { KtxError } from '../core/index.js';
import { writeFileAtomic } from '../project/index.js';
import type { ConfigEdit, EditRole } from './config-edit.js';
import { mergeJsonConfig } from './json-config-merge.js';
import { mergeMarkdownSection } from './markdown-section-merge.js';
import { mergeTomlTable } from './toml-table-merge.js';

export const BACKUP_SUFFIX = '.ktx-backup';

export type FileAction = 'created' | 'updated' | 'unchanged';

export interface FileChange {
  path: string;
  role: EditRole;
  action: FileAction;
  /** The previous content, saved before an update. */
  backup?: string;
}

export interface PreparedEdit {
  edit: ConfigEdit;
  /** Every edit path merged into this file (two targets sharing AGENTS.md give two). */
  paths: string[];
  /** The file written: a symlinked config (dotfile managers) is written through, not replaced. */
  target: string;
  existing: string | null;
  text: string;
  changed: boolean;
  mode: number;
}

function readExisting(path: string): { target: string; existing: string | null; mode: number } {
  const target = existsSync(path) && lstatSync(path).isSymbolicLink() ? realpathSync(path) : path;
  if (!existsSync(target)) return { target, existing: null, mode: 0o644 };
  const stat = statSync(target);
  if (!stat.isFile()) {
    throw new KtxError('agent_config_malformed', `${path} is not a regular file, so ktx left it untouched.`, {
      fix: 'move it aside, then re-run ktx setup --agents',
    });
  }
  // Keep the file's permissions: ~/.claude.json is often 0600 and may hold other servers' tokens.
  return { target, existing: readFileSync(target, 'utf8'), mode: stat.mode & 0o777 };
}

function merge(edit: ConfigEdit, current: string | null): string {
  switch (edit.kind) {
    case 'json':
      return mergeJsonConfig(current, edit.keyPath, edit.value, edit.path, edit.template).text;
    case 'toml-table':
      return mergeTomlTable(current, edit.table, edit.entries, edit.path).text;
    case 'markdown-section':
      return mergeMarkdownSection(current, edit.body, edit.path).text;
    case 'file':
      return edit.content;
  }
}

/**
 * Reads every file and computes its new content, throwing on the first file ktx cannot parse;
 * writes nothing. Edits of one file (two targets sharing AGENTS.md) are merged in order into one.
 */
export function prepareEdits(edits: readonly ConfigEdit[]): PreparedEdit[] {
  const byTarget = new Map<string, PreparedEdit>();
  for (const edit of edits) {
    const { target, existing, mode } = readExisting(edit.path);
    const prior = byTarget.get(target);
    const text = merge(edit, prior ? prior.text : existing);
    if (prior)
      Object.assign(prior, { text, changed: text !== prior.existing, paths: [...prior.paths, edit.path] });
    else
      byTarget.set(target, {
        edit,
        paths: [edit.path],
        target,
        existing,
        mode,
        text,
        changed: text !== existing,
      });
  }
  return [...byTarget.values()];
}

/**
 * Writes prepared edits: the old content goes to `<file>.ktx-backup` (same permissions) before the
 * new content replaces it atomically. Unchanged files are not touched, so a re-run writes nothing.
 */
export function applyEdit(prepared: PreparedEdit): FileChange {
  const { edit, target, existing, text, changed, mode } = prepared;
  if (!changed) return { path: edit.path, role: edit.role, action: 'unchanged' };
  let backup: string | undefined;
  if (existing !== null) {
    backup = `${target}${BACKUP_SUFFIX}`;
    writeFileAtomic(backup, existing, { mode });
  }
  writeFileAtomic(target, text, { mode });
  return {
    path: edit.path,
    role: edit.role,
    action: existing === null ? 'created' : 'updated',
    ...(backup ? { backup } : {}),
  };
}
