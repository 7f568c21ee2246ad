import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { KtxError } from '../../core/index.js';
import type { EmbedBatch, ResolvedEmbeddingConfig } from './embedding-provider.js';

/** The optional package that runs ONNX sentence-embedding models in-process. Not a ktx dependency. */
export const TRANSFORMERS_PACKAGE = '@huggingface/transformers';

const GET_PACKAGE = `npm install ${TRANSFORMERS_PACKAGE} (next to ktx)`;
const GET_MODEL =
  'download an ONNX sentence-embedding model, e.g. `git clone https://huggingface.co/Xenova/all-MiniLM-L6-v2 <dir>`, and set embeddings.model_dir to <dir>';

/** Whether the optional package resolves from here, without loading it. */
export function transformersInstalled(): boolean {
  try {
    createRequire(import.meta.url).resolve(TRANSFORMERS_PACKAGE);
    return true;
  } catch {
    return false;
  }
}

/** What is missing for `backend: local`, as a KtxError, or undefined when both pieces are there. */
export function localEmbeddingsProblem(
  config: Pick<ResolvedEmbeddingConfig, 'modelDir'>,
): KtxError | undefined {
  if (!config.modelDir) {
    return new KtxError(
      'embeddings_config',
      'embeddings.backend is local but embeddings.model_dir is not set.',
      {
        fix: GET_MODEL,
      },
    );
  }
  if (!existsSync(config.modelDir)) {
    return new KtxError(
      'embeddings_unavailable',
      `The local embedding model directory ${config.modelDir} does not exist.`,
      {
        fix: GET_MODEL,
      },
    );
  }
  if (!transformersInstalled()) {
    return new KtxError(
      'embeddings_unavailable',
      `Local embeddings need the ${TRANSFORMERS_PACKAGE} package, which is not installed.`,
      {
        fix: GET_PACKAGE,
      },
    );
  }
  return undefined;
}

interface FeatureExtractor {
  (texts: string[], options: { pooling: 'mean'; normalize: boolean }): Promise<{ tolist(): number[][] }>;
  dispose?: () => Promise<void>;
}

interface TransformersModule {
  env: { allowRemoteModels: boolean; allowLocalModels: boolean; localModelPath?: string };
  pipeline(
    task: 'feature-extraction',
    model: string,
    options?: Record<string, unknown>,
  ): Promise<FeatureExtractor>;
}

/**
 * A sentence-embedding model run in-process by transformers.js from `model_dir`, with remote model
 * downloads switched off: nothing touches the network at run time. The package is imported lazily,
 * by a name TypeScript does not resolve, so ktx builds and runs without it.
 */
export async function localEmbedBatch(
  config: ResolvedEmbeddingConfig,
): Promise<{ batch: EmbedBatch; close: () => Promise<void> }> {
  const problem = localEmbeddingsProblem(config);
  if (problem) throw problem;
  const name = TRANSFORMERS_PACKAGE;
  const transformers = (await import(name)) as TransformersModule;
  transformers.env.allowRemoteModels = false;
  transformers.env.allowLocalModels = true;
  let extractor: FeatureExtractor;
  try {
    extractor = await transformers.pipeline('feature-extraction', config.modelDir as string, {
      local_files_only: true,
    });
  } catch (error) {
    throw new KtxError(
      'embeddings_unavailable',
      `Cannot load the local embedding model from ${config.modelDir}: ${(error as Error).message}.`,
      {
        fix: GET_MODEL,
        cause: error,
      },
    );
  }
  return {
    batch: async (texts) => (await extractor(texts, { pooling: 'mean', normalize: true })).tolist(),
    close: async () => {
      await extractor.dispose?.();
    },
  };
}
