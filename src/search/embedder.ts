/**
 * What the index needs from an embedding backend (the app adapts `EmbeddingProvider` from llm to
 * it). `id` names backend and model: vectors made by another id are dropped, never compared.
 */
export interface Embedder {
  readonly id: string;
  embed(texts: readonly string[], signal?: AbortSignal): Promise<Float32Array[]>;
}

/** Unit length, so cosine similarity is a dot product at query time. */
export function normalise(vector: Float32Array): Float32Array {
  let sum = 0;
  for (const value of vector) sum += value * value;
  const norm = Math.sqrt(sum);
  if (norm === 0) return vector;
  const out = new Float32Array(vector.length);
  for (let index = 0; index < vector.length; index++) out[index] = (vector[index] as number) / norm;
  return out;
}

export function toBlob(vector: Float32Array): Buffer {
  return Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength);
}

export function fromBlob(blob: Buffer): Float32Array {
  // Copy: the Buffer may share a pooled ArrayBuffer at an offset not aligned for Float32.
  const bytes = new Uint8Array(blob);
  return new Float32Array(bytes.buffer, 0, bytes.byteLength / 4);
}
