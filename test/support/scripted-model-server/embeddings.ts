import type { ServerResponse } from 'node:http';
import { sendJson } from './http-helpers.js';

/**
 * Deterministic embeddings: a hashed bag of lower-cased word tokens, L2-normalised. Texts that share
 * words get a high cosine similarity; texts with none in common are (nearly) orthogonal. Exported so
 * search tests can compute the vector they expect for a text.
 */
export function scriptedEmbedding(text: string, dimensions: number): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  for (const token of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    const hash = fnv1a(token);
    // The hash's low bits pick the slot and one high bit the sign, so collisions partly cancel.
    vector[hash % dimensions]! += hash & 0x80000000 ? -1 : 1;
  }
  const norm = Math.hypot(...vector);
  return norm === 0 ? vector : vector.map((value) => value / norm);
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

function encodeBase64(vector: number[]): string {
  return Buffer.from(new Float32Array(vector).buffer).toString('base64');
}

/** `POST /v1/embeddings` (OpenAI shape): `input` a string or string array; base64 when asked. */
export function sendEmbeddings(
  res: ServerResponse,
  body: unknown,
  defaultDimensions: number,
  requestId: string,
): void {
  const request = (body ?? {}) as {
    input?: unknown;
    dimensions?: unknown;
    model?: unknown;
    encoding_format?: unknown;
  };
  const inputs = Array.isArray(request.input) ? request.input : [request.input];
  if (!inputs.every((input) => typeof input === 'string')) {
    sendJson(res, 400, {
      error: {
        message: 'scripted model server: embeddings input must be a string or an array of strings',
        type: 'invalid_request_error',
        param: 'input',
        code: null,
      },
    });
    return;
  }
  const dimensions =
    typeof request.dimensions === 'number' && request.dimensions > 0 ? request.dimensions : defaultDimensions;
  const base64 = request.encoding_format === 'base64';
  let tokens = 0;
  const data = (inputs as string[]).map((input, index) => {
    tokens += Math.max(1, input.split(/\s+/).filter(Boolean).length);
    const vector = scriptedEmbedding(input, dimensions);
    return { object: 'embedding', index, embedding: base64 ? encodeBase64(vector) : vector };
  });
  sendJson(
    res,
    200,
    {
      object: 'list',
      data,
      model: request.model ?? 'scripted-embedding',
      usage: { prompt_tokens: tokens, total_tokens: tokens },
    },
    { 'x-request-id': requestId },
  );
}
