export { checkWiki, type WikiCheckOptions } from './check-wiki.js';
export { FRONT_MATTER_FIELDS, USAGE_MODES } from './front-matter-fields.js';
export { listWikiPages, readWikiPage, type WikiScopeOptions } from './list-wiki-pages.js';
export { type LocatedValue, type ParsedWikiPage, parseWikiPage } from './parse-wiki-page.js';
export type { WikiSemanticCatalog } from './resolve-sl-ref.js';
export { scanWikiFiles, type WikiFile, wikiUserIds } from './wiki-files.js';
export {
  requireWikiKey,
  requireWikiUserId,
  suggestWikiKey,
  WIKI_KEY_MAX_LENGTH,
  type WikiLocation,
  wikiKeyProblem,
  wikiLocationOf,
  wikiPagePath,
} from './wiki-key.js';
export type { WikiPage, WikiScope } from './wiki-page.js';
export {
  missingPage,
  removeWikiPage,
  type WikiWriteOptions,
  type WikiWriteResult,
  writeWikiPage,
} from './write-wiki-page.js';
