/** Stable error codes of the wiki subsystem; never renamed or reused, add at the end. */
export const WIKI_ERROR_CODES = {
  wiki_key_invalid: 'A wiki key is not a relative path of name segments (letters, digits, `_`, `-`).',
  wiki_user_invalid: 'A wiki user id is not a single name (letters, digits, `_`, `-`, `.`).',
  wiki_user_unknown: 'The named user has no pages under wiki/user/<id>/.',
  wiki_page_missing: 'No wiki page has this key in the scope asked for.',
  wiki_page_invalid: 'The page text has front matter errors, so it was not written.',
} as const;
