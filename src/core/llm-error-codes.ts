/** Stable error codes of the LLM runtime subsystem; never renamed or reused, add at the end. */
export const LLM_ERROR_CODES = {
  llm_not_configured:
    'No LLM backend is configured (llm.provider.backend is none or models.default is missing).',
  llm_config: 'The llm block of ktx.yaml is inconsistent (unknown model id, missing base_url or location).',
  llm_auth: 'The LLM provider rejected the credentials or the local sign-in is missing.',
  llm_model_unavailable: 'The configured model does not exist or this account cannot use it.',
  llm_rate_limited: 'The LLM provider kept refusing with a rate or session limit after every retry.',
  llm_network: 'The LLM provider could not be reached.',
  llm_invalid_output: 'The model returned output that does not match the expected schema, even after repair.',
  llm_tool_failure: 'A tool the model called failed in a way the loop could not recover from.',
  llm_not_installed: 'The SDK or CLI this backend needs is not installed.',
  llm_provider_error: 'The LLM provider returned an error ktx does not classify further.',
  llm_isolation:
    'A local agent session (Claude Code, Codex) exposed tools, MCP servers or plugins beyond the run’s own.',
} as const;
