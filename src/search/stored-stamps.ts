import { getMeta, type IndexDatabase, statement } from './index-schema.js';

/**
 * The `origins` table as last read, kept while `meta.generation` stays put (every write that
 * touches origins bumps it, from this process or another). A sync that finds nothing changed then
 * reads one meta row instead of every origin.
 */
export class StoredStamps {
  private generation: string | undefined;
  private stamps = new Map<string, string>();

  current(db: IndexDatabase): ReadonlyMap<string, string> {
    const generation = getMeta(db, 'generation') ?? '0';
    if (generation !== this.generation) {
      const rows = statement(db, 'SELECT origin, stamp FROM origins').all() as {
        origin: string;
        stamp: string;
      }[];
      this.stamps = new Map(rows.map((row) => [row.origin, row.stamp]));
      this.generation = generation;
    }
    return this.stamps;
  }
}
