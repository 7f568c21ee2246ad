import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSaasProject } from '../../bench/search/saas-project.mjs';
import { openProject } from '../../src/app/index.js';
import { reindexProject, searchProjectDetailed } from '../../src/app/search/index.js';
import {
  createEmbeddingProvider,
  createRateLimitGovernor,
  type ResolvedEmbeddingConfig,
} from '../../src/llm/index.js';
import { runCli } from '../support/run-cli.js';
import {
  type ScriptedModelServer,
  scriptedEmbedding,
  startScriptedModelServer,
} from '../support/scripted-model-server/index.js';
import { tempDir } from '../support/temp-dir.js';

let server: ScriptedModelServer;
// Embedding requests are answered automatically; a test that wants a scripted error flips this.
let scriptNextEmbedding = false;

beforeAll(async () => {
  server = await startScriptedModelServer({
    embeddingDimensions: 64,
    classify: (request) => {
      if (request.api !== 'embeddings' || !scriptNextEmbedding) return undefined;
      scriptNextEmbedding = false;
      return false;
    },
  });
});
afterAll(async () => {
  await server.close();
});

const config = (extra: Partial<ResolvedEmbeddingConfig> = {}): ResolvedEmbeddingConfig => ({
  backend: 'openai-compatible',
  model: 'hash-embed',
  batchSize: 3,
  baseUrl: `${server.url}/v1`,
  ...extra,
});

describe('embedding provider (OpenAI wire format) against the scripted server', () => {
  it('splits into batches and returns the server’s vectors in input order', async () => {
    server.reset();
    const provider = await createEmbeddingProvider(config());
    const texts = ['net revenue retention', 'churn', 'plan tier', 'a', 'b', 'c', 'd'];
    const vectors = await provider.embed(texts);
    expect(vectors).toHaveLength(7);
    expect(server.requests.filter((request) => request.api === 'embeddings')).toHaveLength(3);
    vectors.forEach((vector, index) => {
      const expected = scriptedEmbedding(texts[index] as string, 64);
      expect([...vector].map((value) => value.toFixed(5))).toEqual(expected.map((value) => value.toFixed(5)));
    });
    expect(provider.dimensions).toBe(64);
  });

  it('refuses vectors of the wrong width', async () => {
    const provider = await createEmbeddingProvider(config({ dimensions: 32 }));
    await expect(provider.embed(['x'])).rejects.toMatchObject({
      code: 'embeddings_invalid_response',
      message: expect.stringContaining('64 dimensions; expected 32'),
    });
  });

  it('retries a 429 through the governor, honouring retry-after', async () => {
    server.reset([{ kind: 'error', status: 429, retryAfterSeconds: 0 }]);
    scriptNextEmbedding = true;
    const provider = await createEmbeddingProvider(config(), {
      governor: createRateLimitGovernor({ baseDelayMs: 10, maxAttempts: 3 }),
    });
    const [vector] = await provider.embed(['after a rate limit']);
    expect(vector).toHaveLength(64);
    const calls = server.requests.filter((request) => request.api === 'embeddings');
    expect(calls.map((request) => request.scripted)).toEqual([true, false]);
    expect(server.pending).toHaveLength(0);
  });

  it('gives up after the governor’s attempts with embeddings_rate_limited', async () => {
    server.reset([{ kind: 'error', status: 429, retryAfterSeconds: 0 }]);
    scriptNextEmbedding = true;
    const provider = await createEmbeddingProvider(config(), {
      governor: createRateLimitGovernor({ baseDelayMs: 1, maxAttempts: 1 }),
    });
    await expect(provider.embed(['x'])).rejects.toMatchObject({ code: 'embeddings_rate_limited' });
  });

  it('maps 401 to embeddings_auth and a closed port to embeddings_unavailable', async () => {
    server.reset([{ kind: 'error', status: 401 }]);
    scriptNextEmbedding = true;
    const provider = await createEmbeddingProvider(config({ apiKey: 'sk-wrong' }));
    await expect(provider.embed(['x'])).rejects.toMatchObject({ code: 'embeddings_auth' });
    const nowhere = await createEmbeddingProvider(config({ baseUrl: 'http://127.0.0.1:9/v1' }));
    await expect(nowhere.embed(['x'])).rejects.toMatchObject({ code: 'embeddings_unavailable' });
  });

  it('local: names the missing model directory or package, with how to get it', async () => {
    await expect(
      createEmbeddingProvider({ backend: 'local', model: 'm', batchSize: 4 }),
    ).rejects.toMatchObject({
      code: 'embeddings_config',
      fix: expect.stringContaining('model_dir'),
    });
    await expect(
      createEmbeddingProvider({ backend: 'local', model: 'm', batchSize: 4, modelDir: '/nonexistent/model' }),
    ).rejects.toMatchObject({
      code: 'embeddings_unavailable',
      message: expect.stringContaining('/nonexistent/model'),
    });
    await expect(
      createEmbeddingProvider({ backend: 'local', model: 'm', batchSize: 4, modelDir: tempDir() }),
    ).rejects.toMatchObject({
      code: 'embeddings_unavailable',
      fix: expect.stringContaining('npm install @huggingface/transformers'),
    });
  });
});

describe('hybrid search and status with openai-compatible embeddings', () => {
  const dir = tempDir('ktx-hybrid-');
  beforeAll(() => {
    writeSaasProject(dir);
    writeFileSync(
      join(dir, 'ktx.yaml'),
      `connections:\n  warehouse:\n    driver: sqlite\n    path: warehouse.db\nembeddings:\n  backend: openai-compatible\n  model: hash-embed\n  base_url: ${server.url}/v1\n`,
    );
  });

  it('embeds every document once, fuses both lanes, and re-embeds only changed text', async () => {
    server.reset();
    const project = openProject({ projectDir: dir });
    const first = await searchProjectDetailed(project, { query: 'net revenue retention' });
    expect(first.mode).toBe('hybrid');
    expect(first.vectorProblem).toBeUndefined();
    expect(first.sync.embedded).toBeGreaterThan(100);
    expect(
      first.hits
        .slice(0, 2)
        .map((hit) => hit.key)
        .sort(),
    ).toEqual(['metrics/net-revenue-retention', 'mrr_movements.net_revenue_retention']);
    const second = await searchProjectDetailed(project, { query: 'who gets paid late' });
    expect(second.sync.embedded).toBe(0);
    // One request per query once the index is warm.
    server.reset();
    await searchProjectDetailed(project, { query: 'overdue invoices' });
    expect(server.requests.filter((request) => request.api === 'embeddings')).toHaveLength(1);
    const reindexed = await reindexProject(project);
    expect(reindexed.vectors).toBeGreaterThan(100);
  });

  it('falls back to lexical search, saying why, when the embedding server is down', async () => {
    const down = tempDir('ktx-down-');
    writeSaasProject(down);
    writeFileSync(
      join(down, 'ktx.yaml'),
      'connections:\n  warehouse:\n    driver: sqlite\n    path: warehouse.db\nembeddings:\n  backend: openai-compatible\n  model: m\n  base_url: http://127.0.0.1:9/v1\n',
    );
    const result = await searchProjectDetailed(openProject({ projectDir: down }), {
      query: 'net revenue retention',
    });
    expect(result.mode).toBe('lexical');
    expect(result.vectorProblem).toContain('Cannot reach');
    expect(result.hits[0]?.score).toBe(1);
  });

  it('ktx status probes the embedding server, and skips the probe with --fast', async () => {
    const live = await runCli(['--project-dir', dir, '--json', 'status']);
    const check = (run: typeof live) =>
      run
        .json<{ checks: { id: string; level: string; message: string }[] }>()
        .checks.find((each) => each.id === 'embeddings.backend');
    expect(check(live)).toMatchObject({ level: 'ok', message: expect.stringContaining('64 dimensions') });
    const fast = await runCli(['--project-dir', dir, '--json', 'status', '--fast']);
    expect(check(fast)).toMatchObject({ level: 'ok', message: expect.stringContaining('probe skipped') });
  });

  it('ktx status says how to get a local model when model_dir is missing', async () => {
    const local = tempDir('ktx-local-');
    writeFileSync(join(local, 'ktx.yaml'), 'embeddings:\n  backend: local\n  model_dir: models/minilm\n');
    const run = await runCli(['--project-dir', local, '--json', 'status', '--fast']);
    const check = run
      .json<{ checks: { id: string; level: string; message: string; fix?: string }[] }>()
      .checks.find((each) => each.id === 'embeddings.backend');
    expect(check).toMatchObject({ level: 'warn', message: expect.stringContaining('models/minilm') });
    expect(check?.fix).toContain('model_dir');
  });
});
