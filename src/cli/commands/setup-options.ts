/** Flags of `ktx setup` as commander parses them (`--no-input` arrives as `input: false`). */
export interface SetupOptions {
  database?: string;
  databaseConnectionId?: string;
  databaseUrl?: string;
  databaseSchema?: string[];
  llmBackend?: string;
  llmModel?: string;
  llmBaseUrl?: string;
  llmApiKeyEnv?: string;
  llmApiKeyFile?: string;
  anthropicApiKeyEnv?: string;
  anthropicApiKeyFile?: string;
  openaiBaseUrl?: string;
  openaiApiKeyEnv?: string;
  openaiApiKeyFile?: string;
  vertexProject?: string;
  vertexLocation?: string;
  embeddingBackend?: string;
  embeddingModel?: string;
  skipLlm?: boolean;
  skipEmbeddings?: boolean;
  skipDatabases?: boolean;
  skipTest?: boolean;
  input: boolean;
  yes?: boolean;
  /** `--agents`: only configure agent clients (see setup-agents-render.ts). */
  agents?: boolean;
  target?: string[];
  global?: boolean;
  local?: boolean;
  installDir?: string;
  transport?: string;
}
