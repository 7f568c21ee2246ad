export { connectionListTool } from './connection-list-tool.js';
export { dictionarySearchTool } from './dictionary-search-tool.js';
export { discoverDataTool } from './discover-data-tool.js';
export { entityDetailsTool } from './entity-details-tool.js';
export {
  type AnyKtxTool,
  defineTool,
  type KtxTool,
  type ToolAnnotations,
  type ToolCallContext,
  type ToolOutput,
} from './ktx-tool.js';
export { resolveConnection } from './resolve-connection.js';
export { slQueryTool } from './sl-query-tool.js';
export { slReadSourceTool } from './sl-read-source-tool.js';
export { sqlExecutionTool } from './sql-execution-tool.js';
export type {
  ToolConnection,
  ToolContext,
  ToolQueryOptions,
  ToolQueryResult,
  ToolSearchInput,
  ToolSemanticLayer,
} from './tool-context.js';
export { toolErrorText } from './tool-error.js';
export { MAX_MARKDOWN_CHARS, MAX_TABLE_ROWS } from './tool-text.js';
export { ANALYST_TOOLS, type BoundTool, bindTools } from './toolsets.js';
export { wikiReadTool } from './wiki-read-tool.js';
export { wikiSearchTool } from './wiki-search-tool.js';
