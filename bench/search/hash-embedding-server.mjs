// A loopback /v1/embeddings server with the scripted model server's deterministic vectors (hashed bag
// of lower-cased words, L2-normalised; test/support/scripted-model-server/embeddings.ts). The bench
// runs plain node on dist/, so it cannot load that TypeScript server; the algorithm is repeated here.
import { createServer } from 'node:http';

function fnv1a(text) {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

export function hashEmbedding(text, dimensions) {
  const vector = new Array(dimensions).fill(0);
  for (const token of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    const hash = fnv1a(token);
    vector[hash % dimensions] += hash & 0x80000000 ? -1 : 1;
  }
  const norm = Math.hypot(...vector);
  return norm === 0 ? vector : vector.map((value) => value / norm);
}

export async function startHashEmbeddingServer(dimensions = 256) {
  let requests = 0;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      requests++;
      const input = JSON.parse(body).input;
      const texts = Array.isArray(input) ? input : [input];
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          object: 'list',
          data: texts.map((text, index) => ({
            object: 'embedding',
            index,
            embedding: hashEmbedding(text, dimensions),
          })),
        }),
      );
    });
  });
  // Never close an idle keep-alive socket from this side: the bench blocks its event loop for seconds
  // (model loads, index writes), so the client could not see the close before reusing the socket and
  // would get ECONNRESET (which the embedding provider does not retry). The client's own idle timeout
  // closes sockets race-free.
  server.keepAliveTimeout = 0;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/v1`,
    requests: () => requests,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
