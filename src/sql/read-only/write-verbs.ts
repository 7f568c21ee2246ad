/**
 * Bare words that only appear in statements that write, refused anywhere inside a statement. Each
 * dialect lists these explicitly in its `forbiddenWords` (plus its own), so the list is shared data,
 * not a silent default. Kept to strong verbs: `REPLACE`, `SET` and `COMMENT` are left out because
 * `replace(…)`, `CHARACTER SET` and `comment` columns are ordinary in read queries.
 */
export const WRITE_VERBS: readonly string[] = [
  'INSERT',
  'UPDATE',
  'DELETE',
  'MERGE',
  'UPSERT',
  'TRUNCATE',
  'DROP',
  'CREATE',
  'ALTER',
  'GRANT',
  'REVOKE',
  'ATTACH',
  'DETACH',
  'VACUUM',
  'ANALYZE',
  'ANALYSE',
  'INTO',
];
