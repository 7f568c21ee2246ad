import { fromBlob } from './embedder.js';
import { getMeta, type IndexDatabase } from './index-schema.js';
import { TopRows } from './top-rows.js';

/** What a lane filter looks at. */
export interface DocMeta {
  id: number;
  kind: string;
  key: string;
  userId: string | null;
  connectionId: string | null;
}

/**
 * Every document vector in one contiguous matrix, loaded once per index generation: brute-force
 * cosine over 10,000 × 384 floats takes a few milliseconds, far below an ANN index's upkeep.
 */
export class VectorCache {
  private generation: string | undefined;
  private metas: DocMeta[] = [];
  private matrix = new Float32Array(0);
  private width = 0;

  constructor(private readonly db: IndexDatabase) {}

  private load(): void {
    const generation = getMeta(this.db, 'generation') ?? '0';
    if (generation === this.generation) return;
    const rows = this.db
      .prepare(
        `SELECT docs.id AS id, kind, key, user_id AS userId, connection_id AS connectionId, vectors.vec AS vec
         FROM docs JOIN vectors ON vectors.hash = docs.embed_hash`,
      )
      .all() as (DocMeta & { vec: Buffer })[];
    const width = rows.length > 0 ? (rows[0] as { vec: Buffer }).vec.byteLength / 4 : 0;
    const usable = rows.filter((row) => row.vec.byteLength === width * 4);
    this.metas = usable.map(({ vec: _vec, ...meta }) => meta);
    this.matrix = new Float32Array(usable.length * width);
    for (const [index, row] of usable.entries()) this.matrix.set(fromBlob(row.vec), index * width);
    this.width = width;
    this.generation = generation;
  }

  /** Ids of the `limit` documents most similar to the (normalised) query, among those `allowed` accepts. */
  nearest(query: Float32Array, limit: number, allowed: (meta: DocMeta) => boolean): number[] {
    this.load();
    if (this.width === 0 || query.length !== this.width || limit <= 0) return [];
    const { metas, matrix, width } = this;
    // The best `limit` allowed rows, kept in a min-heap (worst on top) so no full sort is needed;
    // equal scores rank by row, as a stable sort of every score would.
    const heap = new TopRows(limit);
    for (let row = 0; row < metas.length; row++) {
      let dot = 0;
      const offset = row * width;
      for (let col = 0; col < width; col++) dot += (matrix[offset + col] as number) * (query[col] as number);
      // Non-positive similarity is no evidence at all; leaving it out keeps noise out of the fusion.
      if (dot > 0 && heap.admits(dot) && allowed(metas[row] as DocMeta)) heap.push(dot, row);
    }
    return heap.sorted().map((row) => (metas[row] as DocMeta).id);
  }
}
