/**
 * What to do about each stable error code, grouped for docs/troubleshooting.md. The meaning of a code
 * comes from ERROR_CODES (src/core/error-codes.ts); this file adds the generic fix a reader needs when
 * the one-line `Fix:` ktx printed was not enough. test/docs/generated-docs.test.ts fails when a code
 * in ERROR_CODES has no entry here, or an entry names a code that no longer exists.
 */
export const ERROR_GUIDE = [
  {
    title: 'Command line',
    codes: {
      usage: 'Run `ktx <command> --help` for the flags and arguments the command takes.',
      missing_input:
        'Give the flag the message names (`--no-input` never prompts), or run the command on a terminal without `--no-input` to be asked.',
      invalid_argument:
        'Use one of the values the message lists; `ktx <command> --help` shows each flag’s range.',
    },
  },
  {
    title: 'Project and configuration',
    codes: {
      missing_project:
        'Run inside a project, pass `--project-dir <dir>` or set `KTX_PROJECT_DIR`; create one with `ktx setup` or `ktx demo`.',
      config_invalid:
        'Fix the key the message names (it gives the line and the dotted path); `ktx status --validate` re-checks, `ktx admin schema` and [ktx-yaml.md](ktx-yaml.md) list every accepted key.',
      config_parse:
        'Correct the YAML syntax at the line given (indentation, an unclosed quote, a tab); `ktx status --validate` re-checks.',
      secret_unresolved:
        'Export the environment variable an `env:NAME` reference names, or create the file a `file:PATH` reference points to (relative paths start at the project directory).',
      project_locked:
        'Wait for the other ktx process to finish; if the pid in `.ktx/run/lock` is not a running ktx, delete that file.',
      project_exists:
        'Choose an empty directory (`--dir` for `ktx demo`, `--project-dir` for `ktx setup`), or remove what is there first.',
      state_store:
        '`.ktx/state.sqlite` is derived data: delete it and re-run the command (upgrade ktx if a newer one wrote it).',
    },
  },
  {
    title: 'Connections',
    codes: {
      connection_unknown:
        'Use an id from `ktx connection list`, or add the connection with `ktx setup --database … --database-connection-id <id>`.',
      connection_failed:
        'Check host, port, database and credentials with `ktx connection test <id>`; for SQLite/DuckDB, check that the file exists and is readable.',
      connection_config:
        'Complete the `connections.<id>` entry the message names (a driver and a `url`, or `path` for file databases); percent-encode special characters in URL passwords.',
      driver_unavailable:
        'Install the driver package the message names next to ktx (DuckDB: `npm install @duckdb/node-api`).',
    },
  },
  {
    title: 'SQL execution',
    codes: {
      read_only_violation:
        'ktx runs read-only SQL only: rewrite the statement as one SELECT (or WITH … SELECT); the message says which word or function was refused.',
      query_failed:
        'Fix the SQL using the engine’s message (an unknown column or table is the usual cause); `--debug` prints the statement.',
      query_timeout:
        'Narrow the query (filters, fewer rows, a coarser grain) or raise `connections.<id>.query_timeout_ms` / `--timeout-ms`.',
      query_aborted:
        'The query was cancelled (Ctrl+C or a closing client); run it again when you want the result.',
    },
  },
  {
    title: 'Semantic layer',
    codes: {
      semantic_model_invalid: 'Run `ktx sl validate`: every problem comes with file, line, key and a fix.',
      semantic_query_invalid:
        'Use the names the "did you mean" suggests; `ktx sl` lists sources, `ktx sl read <source>` shows its measures, columns and segments.',
      join_path_ambiguous:
        'Pick one route: query through the join `alias` the message names, or remove one of the two joins between the sources.',
      join_path_missing:
        'Add a `joins:` entry that connects the sources (or a bridge source for many-to-many), then `ktx sl validate`.',
      unsupported_expression:
        'Write the fragment as one plain SQL expression: no subqueries, `;`, window functions or parameters; quote names that collide with keywords.',
    },
  },
  {
    title: 'Scan',
    codes: {
      scan_describe_timeout:
        'Re-run `ktx scan` (only the missing tables are described again), or set a faster `llm.models.candidateExtraction`.',
    },
  },
  {
    title: 'LLM backends',
    codes: {
      llm_not_configured:
        'Configure a backend with `ktx setup --llm-backend <backend> --llm-model <model>` ([llm.md](llm.md)), or run the command without LLM features (`ktx scan --no-enrich`).',
      llm_config:
        'Fix the `llm` block as the message says (a model id the backend accepts, `base_url` for openai-compatible, `location` for vertex); `ktx status` re-checks.',
      llm_auth:
        'Provide a valid key (`env:NAME` or `file:PATH`) or sign in again (`claude` / `codex login`); `ktx llm test` confirms.',
      llm_model_unavailable:
        'Pick a model the account can use (`llm.models.default`); `ktx llm test` confirms.',
      llm_rate_limited:
        'Wait for the limit to reset (the message gives the time when the provider does), or use a model or plan with more headroom.',
      llm_network:
        'Check the network, proxy or `base_url`; for a local server, check that it is running and listening on that address.',
      llm_invalid_output:
        'Retry, or choose a stronger model for the role (`llm.models.<role>`, `repair` for JSON repair).',
      llm_tool_failure: 'Read the tool error in the message; rerun with `--debug` to see the failing call.',
      llm_not_installed:
        'Install the optional SDK next to ktx: `npm install @anthropic-ai/claude-agent-sdk` (claude-code) or `npm install @openai/codex-sdk` (codex).',
      llm_provider_error:
        'Read the provider’s message; retry later, and if it persists run with `--debug-llm-requests <file>` and report it.',
      llm_isolation:
        'Remove the MCP servers, plugins or tools that your Claude Code or Codex settings force into every session, or use another backend.',
    },
  },
  {
    title: 'Wiki',
    codes: {
      wiki_key_invalid:
        'Use path segments of letters, digits, `_` and `-` (e.g. `metrics/net-revenue-retention`), without `.md`.',
      wiki_user_invalid:
        'Use a single folder name of letters, digits, `_`, `-` or `.` for `--user` / `KTX_USER`.',
      wiki_user_unknown:
        'Check the id with `ls wiki/user/`, or write a first page for that user with `--user`.',
      wiki_page_missing:
        'List pages with `ktx wiki` (or search with `ktx wiki <words>`) and use a key it shows.',
      wiki_page_invalid:
        'Fix the front matter at the line given (`ktx wiki check` lists every problem), then write the page again.',
    },
  },
  {
    title: 'Search and embeddings',
    codes: {
      search_index: 'The index is derived data: run `ktx admin reindex`, or delete `.ktx/search.sqlite`.',
      search_query_invalid:
        'Give some words to search for, and only kinds the message lists (`wiki`, `source`, `measure`, …).',
      embeddings_config:
        'Complete the `embeddings` block: `model`, plus `base_url` for openai-compatible or `model_dir` for local.',
      embeddings_unavailable:
        'Start the embedding server or install the local model; search keeps working lexically meanwhile.',
      embeddings_auth: 'Provide a valid `embeddings.api_key` (`env:NAME` or `file:PATH`).',
      embeddings_rate_limited: 'Wait and search again; vectors missing now are added on a later sync.',
      embeddings_invalid_response:
        'Check that `embeddings.model` and `embeddings.dimensions` match what the server returns; `ktx admin reindex` after changing them.',
    },
  },
  {
    title: 'MCP server and agent tools',
    codes: {
      tool_input_invalid:
        'The agent passed arguments the tool cannot use; the message says which. Agents usually retry on their own.',
      tool_timeout: 'Ask for less (fewer rows, a narrower filter, a coarser grain) and call again.',
      entity_not_found:
        'Search first (`ktx search <words>`, or the discover_data tool) and use a source or table name it returns.',
      mcp_token_required:
        'Keep the default loopback bind, or give a bearer token (`--token env:NAME`, `file:PATH`, or `KTX_MCP_TOKEN`).',
      mcp_daemon_running:
        'Use the running server (`ktx mcp status`), or `ktx mcp stop` before starting another.',
      mcp_daemon_not_running: 'Start one with `ktx mcp start`.',
      mcp_port_in_use:
        'Pick another port with `--port`, or stop what listens there (`ktx mcp status` says whether it is ktx).',
      mcp_daemon_failed:
        'Read `ktx mcp logs`, or run `ktx mcp start --foreground` to see the error on the terminal.',
    },
  },
  {
    title: 'Agent setup',
    codes: {
      agent_config_malformed:
        'Fix the agent’s config file the message names (or move it aside), then run `ktx setup --agents` again; ktx wrote nothing.',
      agent_target_unsupported:
        'Drop the scope or transport flag the message names, or choose a client that supports it ([agents.md](agents.md)).',
    },
  },
  {
    title: 'Internal',
    codes: {
      internal: 'A bug in ktx. Re-run with `--debug` and report the output (it never contains secrets).',
    },
  },
];
