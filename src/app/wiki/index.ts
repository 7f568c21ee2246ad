// The wiki facade of the app layer; re-exported by ../index.ts.
export type { WikiPage } from '../../wiki/index.js';
export { wikiSemanticCatalog } from './wiki-catalog.js';
export {
  checkProjectWiki,
  listWiki,
  readWiki,
  removeWiki,
  type WikiCheckReport,
  type WriteWikiResult,
  writeWiki,
} from './wiki-pages.js';
export { resolveWikiReader, type WikiUserInput } from './wiki-user.js';
