import { generateQuery, type QuerySpec } from './generate-query.js';
import { generateSchema } from './generate-schema.js';
import { modelFiles } from './model-yaml.js';
import { mulberry32 } from './prng.js';
import type { RandomSchema } from './schema.js';

/** Everything one seed stands for: tables with rows, the model's YAML files, the queries to ask. */
export interface World {
  readonly seed: number;
  readonly schema: RandomSchema;
  readonly files: readonly { path: string; text: string }[];
  readonly queries: readonly QuerySpec[];
}

export function generateWorld(seed: number, queryCount: number): World {
  const rng = mulberry32(seed);
  const schema = generateSchema(rng, seed);
  const files = modelFiles(rng, schema);
  const queries = Array.from({ length: queryCount }, () => generateQuery(rng, schema));
  return { seed, schema, files, queries };
}
