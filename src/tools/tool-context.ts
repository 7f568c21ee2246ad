import type { CellValue, DriverName, ResultColumn } from '../connectors/port.js';
import type { Diagnostic } from '../core/index.js';
import type { TableProfile } from '../scan/index.js';
import type { SearchHit, SearchKind } from '../search/index.js';
import type { SemanticModel } from '../semantic/index.js';
import type { WikiPage } from '../wiki/index.js';

/** One configured warehouse connection, as tools show it (never its URL or credentials). */
export interface ToolConnection {
  id: string;
  driver: DriverName;
  /** SQL dialect the semantic layer compiles to. */
  dialect: string;
  description?: string;
  schemas?: readonly string[];
}

/** A connection's semantic layer as loaded from `semantic-layer/<id>/`. */
export interface ToolSemanticLayer {
  connectionId: string;
  model: SemanticModel;
  diagnostics: readonly Diagnostic[];
  /** Project-relative YAML files with their text. */
  files: readonly { path: string; text: string }[];
}

export interface ToolQueryOptions {
  maxRows: number;
  /** Default: the connection's `query_timeout_ms`, else 30 s. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface ToolQueryResult {
  driver: DriverName;
  columns: readonly ResultColumn[];
  rows: CellValue[][];
  truncated: boolean;
  elapsedMs: number;
}

export interface ToolSearchInput {
  query: string;
  kinds?: readonly SearchKind[];
  limit?: number;
  connectionId?: string;
}

/**
 * Everything a tool may do to the outside world, built by the app layer (the composition root) and
 * shared by every call: the MCP server and the LLM agent loops hand the same object to the tools.
 * A plain record of functions (no class), so a caller may spread it to add fields.
 *
 * Implementations keep the project's files as the source of truth: each call sees the semantic
 * layer and wiki as they are on disk now (a cheap stamp check decides whether to reload).
 */
export interface ToolContext {
  /** The reader of user-scoped wiki pages; absent means global pages only. */
  readonly userId?: string;
  connections(): readonly ToolConnection[];
  /** Throws `connection_unknown` for an id that is not configured. */
  semanticLayer(connectionId: string): Promise<ToolSemanticLayer>;
  /** Hybrid search over wiki pages, the semantic layer and sampled column values. */
  search(input: ToolSearchInput): Promise<SearchHit[]>;
  listWiki(): readonly WikiPage[];
  /** Throws `wiki_page_missing` (with "did you mean") when there is no such page. */
  readWiki(key: string): WikiPage & { text: string };
  /**
   * The newest scan profile of a table (`[schema, table]` or `[table]`), or undefined when the
   * connection was never profiled or has no such table.
   */
  tableProfile(connectionId: string, path: readonly string[]): TableProfile | undefined;
  /** One read-only statement (gate, read-only session and row cap are the connector's). */
  query(connectionId: string, sql: string, options: ToolQueryOptions): Promise<ToolQueryResult>;
}
