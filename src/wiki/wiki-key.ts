import { KtxError } from '../core/index.js';
import type { WikiScope } from './wiki-page.js';

/**
 * A key segment as the reference defines a whole key (`^[A-Za-z0-9][A-Za-z0-9_-]*$`). Our keys may
 * be several segments joined by `/` (`metrics/net-revenue-retention`), mirroring folders, so every
 * reference key is still valid here. A segment can never be `.` or `..`, so keys cannot escape.
 */
const KEY_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
/** The reference caps keys at 120 characters; we keep the cap so pages round-trip. */
export const WIKI_KEY_MAX_LENGTH = 120;
/** A user id is one folder name; dots are allowed (`ana.lopez`) but it must start with a letter or digit. */
const USER_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** Why `key` is not a valid wiki key, or undefined when it is. */
export function wikiKeyProblem(key: string): string | undefined {
  if (key.length === 0) return 'is empty';
  if (key.length > WIKI_KEY_MAX_LENGTH) return `is longer than ${WIKI_KEY_MAX_LENGTH} characters`;
  if (key.startsWith('/') || /^[A-Za-z]:/.test(key)) return 'is an absolute path';
  if (key.includes('\\')) return 'contains a backslash';
  const segments = key.split('/');
  if (segments.some((segment) => segment === '..' || segment === '.')) return 'contains `.` or `..`';
  if (key.endsWith('.md')) return 'ends in `.md` (keys have no extension)';
  const bad = segments.find((segment) => !KEY_SEGMENT.test(segment));
  if (bad !== undefined)
    return bad === ''
      ? 'has an empty segment'
      : `has the segment \`${bad}\`; segments use letters, digits, \`_\` and \`-\`, starting with a letter or digit`;
  return undefined;
}

/** Best-effort valid key from what a user typed: `Net Revenue.md` → `net-revenue`. */
export function suggestWikiKey(input: string): string {
  const segments = input
    .replace(/\\/g, '/')
    .replace(/\.md$/i, '')
    .split('/')
    .filter((segment) => segment !== '' && segment !== '.' && segment !== '..')
    .map((segment) =>
      segment
        .toLowerCase()
        .replace(/[^a-z0-9_-]+/g, '-')
        .replace(/^[-_]+|-+$/g, ''),
    )
    .filter(Boolean);
  return segments.join('/').slice(0, WIKI_KEY_MAX_LENGTH) || 'page';
}

/** Returns the key unchanged, or throws `wiki_key_invalid` with a corrected suggestion. */
export function requireWikiKey(key: string): string {
  const problem = wikiKeyProblem(key);
  if (!problem) return key;
  throw new KtxError('wiki_key_invalid', `Wiki key \`${key}\` ${problem}.`, {
    fix: `Use a key like \`${suggestWikiKey(key)}\` (folders separated by \`/\`, no extension).`,
    data: { key },
  });
}

export function wikiUserIdProblem(userId: string): string | undefined {
  return USER_ID.test(userId) && !userId.includes('..')
    ? undefined
    : 'must be one name of letters, digits, `_`, `-` or `.` (at most 64), starting with a letter or digit';
}

export function requireWikiUserId(userId: string): string {
  const problem = wikiUserIdProblem(userId);
  if (!problem) return userId;
  throw new KtxError('wiki_user_invalid', `Wiki user id \`${userId}\` ${problem}.`, {
    fix: 'Pass a plain user name, e.g. --user ana.',
    data: { userId },
  });
}

/** Project-relative path (forward slashes) of the page `key` in a scope. */
export function wikiPagePath(key: string, userId?: string): string {
  return userId === undefined ? `wiki/global/${key}.md` : `wiki/user/${userId}/${key}.md`;
}

export interface WikiLocation {
  scope: WikiScope;
  userId?: string;
  key: string;
}

/**
 * The scope, user and key of a project-relative page path, or undefined when the path is not a wiki
 * page (outside `wiki/`, not `.md`, or a name that is not a valid key).
 */
export function wikiLocationOf(relativePath: string): WikiLocation | undefined {
  const path = relativePath.replace(/\\/g, '/');
  const match = /^wiki\/(?:global\/|user\/([^/]+)\/)(.+)\.md$/.exec(path);
  if (!match) return undefined;
  const [, userId, key] = match;
  if (key === undefined || wikiKeyProblem(key)) return undefined;
  if (userId === undefined) return { scope: 'global', key };
  return wikiUserIdProblem(userId) ? undefined : { scope: 'user', userId, key };
}
