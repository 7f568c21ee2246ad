/** Stable error codes of the agent integrations (`ktx setup --agents`); never renamed or reused, add at the end. */
export const AGENTS_ERROR_CODES = {
  agent_config_malformed:
    'An agent client config file ktx would merge into cannot be parsed, so nothing was written.',
  agent_target_unsupported: 'The agent client does not support the requested scope or transport.',
} as const;
