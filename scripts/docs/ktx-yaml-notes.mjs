/**
 * The hand-written parts of docs/ktx-yaml.md. The tables come from the zod schema
 * (src/project/config/); a key's schema `.describe()` text is printed first and the note here after
 * it. The drift test fails when a key has neither, so a new key cannot ship undocumented.
 */

export const KTX_YAML_INTRO = `# \`ktx.yaml\` reference

\`ktx.yaml\` sits at the root of a project and is committed with it. It says which warehouses to
read, which LLM and embedding backends to use, and how scans behave. \`ktx setup\` writes and updates
it (keeping your comments and key order); you can also edit it by hand and check it with
\`ktx status --validate\`. \`ktx admin schema\` prints the same rules as a JSON Schema, for editors
(\`# yaml-language-server: $schema=…\`) and agents.

A small project:

\`\`\`yaml
connections:
  warehouse:
    driver: postgres
    url: env:WAREHOUSE_URL            # never a literal password
    schemas: [analytics]
    enabled_tables: {exclude: ["analytics.tmp_*"]}
  demo:
    driver: sqlite
    path: data/demo.sqlite            # relative to the project directory
llm:
  provider:
    backend: anthropic
  models:
    default: claude-sonnet-4-6
embeddings:
  backend: none
\`\`\`

How ktx reads the file:

- **Secrets are references.** Every key that may hold a secret (\`url\`, \`password\`, \`api_key\`,
  …) accepts \`env:NAME\` (read from the environment each time it is used) or \`file:PATH\` (the first
  line of that file; relative paths start at the project directory). \`ktx setup\` stores a literal
  password it is given in \`.ktx/secrets/\` (mode 0600) and writes the \`file:\` reference instead.
- **Everything is reported at once.** A wrong value is an error with its line, dotted key path and
  a fix; an unknown key is a warning with a "did you mean" and is ignored, so a project written for
  the reference ktx (or a newer ktx) still loads.
- **Defaults** are shown below; a block you leave out takes its defaults (no connections, no LLM,
  no embeddings).
`;

export const KTX_YAML_NOTES = {
  connections:
    'Warehouse connections, keyed by connection id. The id names the folders `semantic-layer/<id>/` and `raw-sources/<id>/` and is what `--connection-id` takes, so it uses letters, digits, `_` and `-`.',
  'connections.<id>':
    'One connection. Give `driver` plus `url` (or `path` for SQLite/DuckDB, or `host` and friends).',
  'connections.<id>.host': 'Server host, when not given in `url`.',
  'connections.<id>.port': 'Server port, when not given in `url`.',
  'connections.<id>.database': 'Database name, when not given in `url`.',
  'connections.<id>.username': 'Login user, when not given in `url`.',
  llm: 'The LLM backend and models for the features that need judgement (scan descriptions, ingest). Optional: everything deterministic works with `backend: none`. [llm.md](llm.md) explains each backend.',
  'llm.provider': 'Which backend answers, and its per-backend settings.',
  'llm.provider.backend': 'Who answers LLM calls; `none` turns LLM features off.',
  'llm.provider.anthropic': 'Settings of the `anthropic` backend (key default: `ANTHROPIC_API_KEY`).',
  'llm.provider.gateway': 'Settings of the Vercel AI Gateway backend (key default: `AI_GATEWAY_API_KEY`).',
  'llm.provider.openai': 'Settings of the `openai` backend (key default: `OPENAI_API_KEY`).',
  'llm.provider.openai-compatible':
    'Settings of the `openai-compatible` backend (Ollama, vLLM, LM Studio, llama.cpp); `base_url` is required.',
  'llm.provider.claude-code': 'Settings of the `claude-code` backend (your local Claude Code sign-in).',
  'llm.provider.codex': 'Settings of the `codex` backend (your local Codex sign-in).',
  'llm.provider.vertex': 'Settings of the `vertex` backend (Claude on Google Vertex AI).',
  'llm.provider.vertex.base_url': 'Endpoint override, e.g. a proxy.',
  'llm.models':
    'Model id per role; every role falls back to `default`, which every backend but `none` needs.',
  'llm.models.default': 'The model used for every role that has none of its own, and for probes.',
  'llm.models.triage': 'Cheap classification of many small inputs.',
  'llm.models.candidateExtraction': 'Scan descriptions and other extraction work.',
  'llm.models.curator': 'Long curation passes over the whole context.',
  'llm.models.reconcile': 'Resolving conflicts between sources.',
  'llm.models.repair': 'Repairing malformed structured output and tool-call JSON.',
  'llm.promptCaching':
    'Prompt caching where the provider supports it (on by default). `ktx status` says when the backend ignores a field you set.',
  'llm.promptCaching.enabled': 'Turn caching off with `false`.',
  'llm.promptCaching.systemTtl': 'Cache lifetime of the system prompt.',
  'llm.promptCaching.toolsTtl': 'Cache lifetime of the tool list.',
  'llm.promptCaching.historyTtl':
    'Cache lifetime of the conversation so far. TTLs must not grow from tools to system to history.',
  'llm.promptCaching.vertexFallbackTo5m': 'On Vertex, send every TTL as 5m instead of failing on 1h.',
  embeddings:
    'Optional vectors for search. Without them search is lexical (FTS5 with identifier-aware terms), which needs nothing installed.',
  'embeddings.backend': '`local` runs an ONNX model on this machine (needs `@huggingface/transformers`).',
  'embeddings.model': 'Embedding model id (default for `openai`: `text-embedding-3-small`).',
  'embeddings.dimensions': 'Ask the provider for vectors of this size, where it supports it.',
  'embeddings.batchSize': 'Texts per request (defaults: openai 100, openai-compatible 64, local 16).',
  'embeddings.base_url':
    'Endpoint of an `openai-compatible` embedding server, e.g. `http://localhost:11434/v1`.',
  'embeddings.api_key': 'Key for the embedding provider: `env:NAME` or `file:PATH`.',
  scan: 'How `ktx scan` profiles tables, discovers relationships and writes descriptions.',
  'scan.enrichment': 'LLM table and column descriptions during a scan.',
  'scan.enrichment.mode':
    'Unset or `llm`: describe tables whenever an LLM backend is configured (`llm` also says so when none is). `none` or `deterministic`: never.',
  'scan.enrichment.concurrency': 'Tables described at once (default 4).',
  'scan.profile': 'Column profiles, computed on one random sample per table.',
  'scan.profile.sampleRows': 'Rows sampled per table (default 10000).',
  'scan.profile.concurrency': 'Tables profiled at once (default 4).',
  'scan.profile.tableTimeoutMs': 'Time allowed per table for its row count and sample (default 60000).',
  'scan.relationships': 'Discovery of joins the warehouse does not declare.',
  'scan.relationships.enabled': '`false` keeps only declared foreign keys.',
  'scan.relationships.llmProposals': 'Accepted for compatibility with reference projects; not used yet.',
  'scan.relationships.validationRequiredForManifest':
    'Accepted for compatibility with reference projects; ktx always validates before writing a join.',
  'scan.relationships.acceptThreshold': 'Accepted for compatibility with reference projects; not used yet.',
  'scan.relationships.reviewThreshold': 'Accepted for compatibility with reference projects; not used yet.',
  'scan.relationships.maxLlmTablesPerBatch':
    'Accepted for compatibility with reference projects; not used yet.',
  'scan.relationships.maxCandidatesPerColumn':
    'Accepted for compatibility with reference projects; not used yet.',
  'scan.relationships.profileSampleRows': 'Same as `scan.profile.sampleRows`, which wins when both are set.',
  'scan.relationships.profileConcurrency':
    'Same as `scan.profile.concurrency`, which wins when both are set.',
  'scan.relationships.validationConcurrency': 'Validation queries run at once (default 4).',
  'scan.relationships.validationBudget':
    'Most validation queries per scan (default: the larger of 1000 and 10 per table); `all` removes the limit.',
  ingest: 'Settings of `ktx ingest`; the keys are accepted so reference projects load.',
  'ingest.adapters': 'Accepted for compatibility with reference projects; not used yet.',
  'ingest.embeddings': 'Where the reference keeps embeddings; the top-level `embeddings` block wins.',
  'ingest.workUnits': 'Accepted for compatibility with reference projects; not used yet.',
  'ingest.rateLimit': 'Accepted for compatibility with reference projects; not used yet.',
  'ingest.profile': 'Accepted for compatibility with reference projects; not used yet.',
  mcp: 'Defaults for the HTTP MCP server of `ktx mcp start`; flags on the command line win. [security.md](security.md) explains the checks.',
  setup: 'Written by the reference ktx; accepted so its projects load without warnings.',
  'setup.database_connection_ids': 'Accepted for compatibility with reference projects; not used.',
  storage: 'Reference ktx block, accepted and ignored.',
  agent: 'Reference ktx block, accepted and ignored.',
};
