import { z } from 'zod';

/** `mcp:` — defaults for `ktx mcp start`; command-line flags win over them. */
export const mcpSchema = z.strictObject({
  host: z.string().optional().describe('Address to bind (default 127.0.0.1); anything else needs a token.'),
  port: z.number().int().min(0).max(65535).optional().describe('Port (default 7878; 0 picks a free one).'),
  token: z
    .string()
    .regex(/^(env|file):.+/, 'the token is given as env:NAME or file:PATH, never literally')
    .optional()
    .describe('Bearer token for HTTP clients, as env:NAME or file:PATH.'),
  allowed_hosts: z.array(z.string()).optional().describe('Extra Host header values to accept.'),
  allowed_origins: z.array(z.string()).optional().describe('Browser origins allowed to call the server.'),
  call_timeout_ms: z.number().int().positive().optional().describe('Cancel a tool call after this long.'),
});
