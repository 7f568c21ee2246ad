import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

export const TOOL_NAMES = [
  'connection_list',
  'discover_data',
  'entity_details',
  'dictionary_search',
  'wiki_search',
  'wiki_read',
  'sl_read_source',
  'sl_query',
  'sql_execution',
];

/** A real SDK client over Streamable HTTP, optionally with a bearer token. */
export async function httpClient(url: string, token?: string): Promise<Client> {
  const client = new Client({ name: 'ktx-test', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(
      new URL(url),
      token ? { requestInit: { headers: { authorization: `Bearer ${token}` } } } : {},
    ),
  );
  return client;
}

export async function call(client: Client, name: string, args: Record<string, unknown> = {}) {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  const text = result.content.map((part) => (part.type === 'text' ? part.text : '')).join('\n');
  return { result, text, structured: result.structuredContent as Record<string, unknown> | undefined };
}
