import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import {
  countTokens,
  sendAnthropicError,
  sendAnthropicMessage,
  streamAnthropicMessage,
} from './anthropic-messages.js';
import { apiForPath, defaultAuxiliaryReason } from './classify-request.js';
import { sendEmbeddings } from './embeddings.js';
import {
  gatewayModelCatalogue,
  sendGatewayError,
  sendGatewayResult,
  streamGatewayResult,
} from './gateway-language-model.js';
import { sendJson } from './http-helpers.js';
import { sendChatCompletion, streamChatCompletion } from './openai-chat.js';
import { sendOpenAiError } from './openai-errors.js';
import { sendResponse, streamResponse } from './openai-responses.js';
import { buildReply, offeredNamespaces, offersToolSearch, type Reply } from './reply.js';
import type {
  IncomingRequest,
  RecordedRequest,
  ScriptedErrorTurn,
  ScriptedModelServer,
  ScriptedModelServerOptions,
  ScriptedTurn,
} from './types.js';

const DEFAULT_MODELS = [
  'claude-sonnet-4-6',
  'claude-haiku-4-5',
  'claude-opus-4-7',
  'gpt-5.5',
  'gpt-5-mini',
  'anthropic/claude-sonnet-4-6',
  'openai/gpt-5-mini',
];
const REDACTED_HEADERS = new Set([
  'authorization',
  'x-api-key',
  'api-key',
  'x-goog-api-key',
  'proxy-authorization',
]);

/**
 * A loopback model server for tests: real provider clients point their base URL at it and it answers
 * main model calls from a queue of scripted turns, side calls automatically, and records everything.
 */
export async function startScriptedModelServer(
  options: ScriptedModelServerOptions = {},
): Promise<ScriptedModelServer> {
  let queue: ScriptedTurn[] = [...(options.turns ?? [])];
  let requests: RecordedRequest[] = [];
  let idCounter = 0;
  const searchedTurns = new WeakSet<ScriptedTurn>();
  const sockets = new Set<Socket>();
  const embeddingDimensions = options.embeddingDimensions ?? 64;
  const nextId = (prefix: string) => `${prefix}scripted${String(++idCounter).padStart(4, '0')}`;

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) {
        sendJson(res, 500, {
          error: { message: `scripted model server bug: ${String(error)}`, type: 'server_error' },
        });
      } else {
        res.destroy();
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawBody = await readBody(req);
    const method = req.method ?? 'GET';
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const api = apiForPath(method, path);
    const body = parseBody(rawBody);
    const bodyFields = (body && typeof body === 'object' ? body : {}) as {
      model?: unknown;
      stream?: unknown;
    };
    const headers = redactHeaders(req.headers);
    // The gateway protocol keeps the model and the streaming flag in headers; its body is the call options.
    const model = api === 'gateway' ? headers['ai-language-model-id'] : bodyFields.model;
    const incoming: IncomingRequest = {
      api,
      method,
      path,
      model: typeof model === 'string' ? model : undefined,
      stream:
        api === 'gateway' ? headers['ai-language-model-streaming'] === 'true' : bodyFields.stream === true,
      headers,
      body,
    };
    const custom = options.classify?.(incoming);
    const auxiliaryReason = custom === false ? undefined : (custom ?? defaultAuxiliaryReason(incoming));
    const record: RecordedRequest = {
      seq: requests.length,
      ...incoming,
      scripted: auxiliaryReason === undefined,
      auxiliaryReason,
      clientClosedEarly: false,
    };
    requests.push(record);
    res.on('close', () => {
      if (!res.writableFinished) record.clientClosedEarly = true;
    });

    if (auxiliaryReason !== undefined) return answerAuxiliary(record, res);
    const turn = queue.shift();
    if (!turn) return answerExhausted(record, res);
    const discovery = toolDiscoveryStep(record, turn);
    if (discovery) {
      // The turn stays first in the queue; this request only makes Codex load the deferred tools.
      queue.unshift(turn);
      searchedTurns.add(turn);
      record.scripted = false;
      record.auxiliaryReason = `Codex tool discovery (tool_search for ${discovery.query}) inserted by the server`;
      const reply = buildReply(
        // Zero usage, so the client's token totals still add up to the scripted turns' usage alone.
        {
          kind: 'tool_calls',
          calls: [{ name: 'tool_search', input: discovery }],
          usage: { inputTokens: 0, outputTokens: 0 },
        },
        record.api,
        record.body,
        nextId,
      );
      return sendReply(record, reply, res, false);
    }
    record.turn = turn;
    await answerTurn(record, turn, res);
  }

  function answerAuxiliary(record: RecordedRequest, res: ServerResponse) {
    const requestId = nextId('req_');
    if (record.api === 'embeddings') return sendEmbeddings(res, record.body, embeddingDimensions, requestId);
    if (record.path.endsWith('/count_tokens'))
      return sendJson(res, 200, { input_tokens: countTokens(record.body) });
    if (record.api === 'other') return answerOther(record, res);
    const reply = buildReply({ kind: 'text', text: 'ok' }, record.api, record.body, nextId);
    sendReply(record, reply, res, false);
  }

  function answerOther(record: RecordedRequest, res: ServerResponse) {
    const bare = record.path.replace(/^\/v1(?=\/)/, '');
    if (record.method === 'GET' && bare.endsWith('/config')) {
      return sendJson(res, 200, gatewayModelCatalogue(knownModels()));
    }
    if (record.method === 'GET' && bare === '/credits') {
      return sendJson(res, 200, { balance: '100.00', total_used: '0.00' });
    }
    if (record.method === 'GET' && bare === '/models') {
      return sendJson(res, 200, modelList(knownModels()));
    }
    const single = /^\/models\/([^/]+)$/.exec(bare);
    if (record.method === 'GET' && single) {
      const id = decodeURIComponent(single[1]!);
      if (knownModels().includes(id)) return sendJson(res, 200, modelList([id]).data[0]);
    }
    options.logUnknown?.(`scripted model server: unknown request ${record.method} ${record.path}`);
    // Both SDK families read `error.message`; the Anthropic ones also want `type: 'error'`.
    sendJson(res, 404, {
      type: 'error',
      error: {
        type: 'not_found_error',
        message: `scripted model server: no route for ${record.method} ${record.path}`,
      },
    });
  }

  function knownModels(): string[] {
    const seen = requests.map((request) => request.model).filter((model): model is string => Boolean(model));
    return [...new Set([...(options.models ?? DEFAULT_MODELS), ...seen])];
  }

  function answerExhausted(record: RecordedRequest, res: ServerResponse) {
    const message =
      `scripted model server: script exhausted — request #${record.seq} (${record.api} ${record.path}, ` +
      `model ${record.model ?? '?'}) found no turn left in the queue`;
    process.stderr.write(`${message}\n`);
    const turn: ScriptedErrorTurn = {
      kind: 'error',
      status: 500,
      message,
      // Tells the Anthropic and OpenAI SDKs not to retry, so the failure surfaces at once.
      headers: { 'x-should-retry': 'false' },
    };
    sendError(record, turn, res);
  }

  /**
   * Codex defers MCP tools behind its `tool_search` tool for models that support it (gpt-5.5): the model
   * must search before it may call them. When a scripted call targets an `mcp__*` tool the request does
   * not offer yet, the server answers with that search first, so one script serves every model.
   */
  function toolDiscoveryStep(
    record: RecordedRequest,
    turn: ScriptedTurn,
  ): { query: string; limit: number } | undefined {
    if (record.api !== 'responses' || turn.kind !== 'tool_calls' || searchedTurns.has(turn)) return undefined;
    if (!offersToolSearch(record.body)) return undefined;
    const namespaces = offeredNamespaces(record.body);
    const missing = turn.calls
      .map((call) => call.name)
      .filter((name) => name.startsWith('mcp__') && !namespaces.some((ns) => name.startsWith(`${ns}__`)));
    if (missing.length === 0) return undefined;
    const query = missing.map((name) => name.split('__').slice(2).join('__') || name).join(' ');
    return { query, limit: 8 };
  }

  async function answerTurn(record: RecordedRequest, turn: ScriptedTurn, res: ServerResponse): Promise<void> {
    switch (turn.kind) {
      case 'delay':
        await sleepUnlessClosed(turn.ms, res);
        if (res.destroyed) return;
        return answerTurn(record, turn.turn, res);
      case 'error':
        return sendError(record, turn, res);
      case 'hang': {
        if (!record.stream || record.api === 'embeddings') return; // no bytes ever; the client must give up
        const reply = buildReply(
          { kind: 'text', text: turn.text ?? 'partial answer' },
          record.api,
          record.body,
          nextId,
        );
        return sendReply(record, reply, res, true);
      }
      case 'text':
      case 'tool_calls':
      case 'json': {
        if (record.api === 'embeddings')
          return sendEmbeddings(res, record.body, embeddingDimensions, nextId('req_'));
        const reply = buildReply(turn, record.api, record.body, nextId);
        return sendReply(record, reply, res, false);
      }
    }
  }

  function sendReply(record: RecordedRequest, reply: Reply, res: ServerResponse, hang: boolean) {
    const model = record.model ?? 'scripted-model';
    const requestId = nextId('req_');
    switch (record.api) {
      case 'anthropic': {
        const context = { model, messageId: nextId('msg_'), requestId };
        if (record.stream) return streamAnthropicMessage(res, reply, context, hang);
        return sendAnthropicMessage(res, reply, context);
      }
      case 'responses': {
        const context = { model, responseId: nextId('resp_'), requestId, nextId };
        if (record.stream) return streamResponse(res, reply, context, hang);
        return sendResponse(res, reply, context);
      }
      case 'chat': {
        const streamOptions = (record.body as { stream_options?: { include_usage?: unknown } })
          .stream_options;
        const context = {
          model,
          completionId: nextId('chatcmpl-'),
          requestId,
          includeUsage: streamOptions?.include_usage === true,
        };
        if (record.stream) return streamChatCompletion(res, reply, context, hang);
        return sendChatCompletion(res, reply, context);
      }
      case 'gateway': {
        const context = { model, generationId: nextId('gen_') };
        if (record.stream) return streamGatewayResult(res, reply, context, hang);
        return sendGatewayResult(res, reply, context);
      }
      default:
        return sendJson(res, 500, {
          error: { message: `scripted model server: cannot answer ${record.api}` },
        });
    }
  }

  function sendError(record: RecordedRequest, turn: ScriptedErrorTurn, res: ServerResponse) {
    const requestId = nextId('req_');
    if (record.api === 'anthropic') return sendAnthropicError(res, turn, record.model, requestId);
    if (record.api === 'gateway') return sendGatewayError(res, turn, record.model, requestId);
    return sendOpenAiError(res, turn, record.model, requestId);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  let closed: Promise<void> | undefined;

  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return requests;
    },
    get scriptedRequests() {
      return requests.filter((request) => request.scripted);
    },
    get pending() {
      return [...queue];
    },
    push(...turns) {
      queue.push(...turns);
    },
    reset(turns = []) {
      queue = [...turns];
      requests = [];
    },
    close() {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections();
      });
      return closed;
    },
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseBody(raw: string): unknown {
  if (raw.length === 0) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

function redactHeaders(headers: IncomingMessage['headers']): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(', ') : value;
    result[name] = REDACTED_HEADERS.has(name) ? `…${text.slice(-4)}` : text;
  }
  return result;
}

function modelList(ids: string[]) {
  // One list readable as both OpenAI's (`object`, `owned_by`) and Anthropic's (`type`, `display_name`).
  const created = 1_700_000_000;
  return {
    object: 'list',
    data: ids.map((id) => ({
      id,
      object: 'model',
      type: 'model',
      display_name: id,
      created,
      created_at: new Date(created * 1000).toISOString(),
      owned_by: 'scripted-model-server',
    })),
    has_more: false,
    first_id: ids[0] ?? null,
    last_id: ids.at(-1) ?? null,
  };
}

function sleepUnlessClosed(ms: number, res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    res.once('close', done);
    function done() {
      clearTimeout(timer);
      res.off('close', done);
      resolve();
    }
  });
}
