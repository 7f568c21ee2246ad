import { AGENTS_ERROR_CODES } from './agents-error-codes.js';
import { LLM_ERROR_CODES } from './llm-error-codes.js';
import { MCP_ERROR_CODES } from './mcp-error-codes.js';
import { SCAN_ERROR_CODES } from './scan-error-codes.js';
import { SEARCH_ERROR_CODES } from './search-error-codes.js';
import { WIKI_ERROR_CODES } from './wiki-error-codes.js';

/**
 * Every stable error code ktx emits. Scripts and agents match on these strings, so a code is never
 * renamed or reused; add new ones at the end of their group. The catalogue doubles as the source of
 * the troubleshooting docs.
 */
export const ERROR_CODES = {
  // usage and input
  usage: 'The command line was malformed (unknown flag, missing argument).',
  missing_input: 'A required value was not given and prompting is disabled (--no-input).',
  invalid_argument: 'A flag or argument has a value ktx cannot accept.',
  // project and config
  missing_project: 'No ktx.yaml was found for this command.',
  config_invalid: 'ktx.yaml does not match the schema.',
  config_parse: 'ktx.yaml is not valid YAML.',
  secret_unresolved: 'An env: or file: reference could not be resolved.',
  project_locked: 'Another ktx process holds the project lock.',
  project_exists: 'The target directory already holds a different project or repository.',
  state_store: 'The .ktx/state.sqlite store could not be opened or migrated.',
  // connections
  connection_unknown: 'No connection with this id is configured.',
  connection_failed: 'The warehouse could not be reached or refused the login.',
  connection_config: 'The connection entry in ktx.yaml is incomplete or inconsistent.',
  driver_unavailable: 'The database driver package for this connection is not installed.',
  // SQL execution
  read_only_violation: 'The statement could change data or server state, so ktx refused it.',
  query_failed: 'The warehouse rejected the query.',
  query_timeout: 'The query ran longer than the configured timeout.',
  query_aborted: 'The query was cancelled before it finished.',
  // semantic layer
  semantic_model_invalid: 'A semantic-layer source is invalid; `ktx sl validate` lists the problems.',
  semantic_query_invalid: 'The metric query names something that does not exist or cannot be combined.',
  join_path_ambiguous: 'Two equally good join paths connect the sources; the query must pick one.',
  join_path_missing: 'No join path connects the sources the query needs.',
  unsupported_expression: 'A SQL fragment is not a single expression ktx can parse and re-print.',
  // Subsystem groups live in their own files so each subsystem owns its list.
  ...SCAN_ERROR_CODES,
  ...LLM_ERROR_CODES,
  ...WIKI_ERROR_CODES,
  ...SEARCH_ERROR_CODES,
  ...MCP_ERROR_CODES,
  ...AGENTS_ERROR_CODES,
  // internal
  internal: 'A bug in ktx: please report it with the --debug output.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;
