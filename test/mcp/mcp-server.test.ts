import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  analystToolSet,
  createProjectToolContext,
  type ProjectToolContext,
} from '../../src/app/mcp/index.js';
import { createMcpServer, type ToolCallRecord } from '../../src/mcp/index.js';
import { ANALYST_TOOLS, defineTool } from '../../src/tools/index.js';
import { call } from './mcp-client.js';
import { makeMcpProject } from './mcp-project.js';

describe('the MCP server over one shared project context', () => {
  let context: ProjectToolContext;
  beforeAll(async () => {
    context = createProjectToolContext({ projectDir: await makeMcpProject(), env: {} });
    await context.semanticLayer('shop');
  }, 60_000);
  afterAll(async () => {
    await context?.close();
  });

  it('cancels a call that outlives the per-call timeout and answers tool_timeout', async () => {
    let aborted: unknown;
    const slow = defineTool({
      name: 'slow',
      description: 'waits until cancelled',
      inputSchema: z.object({}),
      annotations: { title: 'slow', readOnlyHint: true, idempotentHint: true, openWorldHint: false },
      execute: (_input, call) =>
        new Promise((_, reject) => {
          call.signal.addEventListener('abort', () => {
            aborted = call.signal.reason;
            reject(call.signal.reason);
          });
        }),
    });
    const records: ToolCallRecord[] = [];
    const server = await createMcpServer({
      tools: [...ANALYST_TOOLS, slow],
      context,
      version: 'test',
      callTimeoutMs: 150,
      onToolCall: (record) => records.push(record),
    });
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await server.connect(serverSide);
    const client = new Client({ name: 'test', version: '1' });
    await client.connect(clientSide);
    const { result, text, structured } = await call(client, 'slow');
    expect(result.isError).toBe(true);
    expect(text).toMatch(/tool_timeout[\s\S]*Fix: /);
    expect(structured).toMatchObject({ error: { code: 'tool_timeout' } });
    expect(aborted).toMatchObject({ code: 'tool_timeout' });
    // The server goes on answering after that (a cheap tool, well within the short timeout).
    const after = await call(client, 'connection_list');
    expect(after.result.isError, after.text).toBeFalsy();
    expect(records.map((record) => [record.tool, record.ok, record.code])).toEqual([
      ['slow', false, 'tool_timeout'],
      ['connection_list', true, undefined],
    ]);
    await client.close();
  });

  it('binds the same tools for LLM agent loops, with the fix in the error message', async () => {
    const tools = analystToolSet(context);
    expect(Object.keys(tools)).toEqual(ANALYST_TOOLS.map((tool) => tool.name));
    const signal = new AbortController().signal;
    const output = await tools.sl_query!.execute(
      { measures: ['orders.revenue'] },
      { signal, toolCallId: 't1' },
    );
    expect(output).toMatchObject({ structured: { rows: [[142.75]] } });
    await expect(
      tools.sl_query!.execute({ measures: ['orders.revenu'] }, { signal, toolCallId: 't2' }),
    ).rejects.toThrow(/did you mean `revenue`[\s\S]*Fix: /);
  });
});
