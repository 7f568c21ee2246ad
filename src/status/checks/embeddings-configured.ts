import type { StatusCheck } from '../check-result.js';

/** Whether embeddings are on. Off means lexical-only search, which works; so it is a skip, not a failure. */
export const embeddingsConfigured: StatusCheck = async ({ loaded }) => {
  const embeddings = loaded.config?.embeddings;
  if (!embeddings) return [];
  if (embeddings.backend === 'none') {
    return [
      {
        id: 'embeddings.backend',
        area: 'embeddings',
        level: 'skip',
        message: 'no embedding backend: search is lexical only',
        fix: 'ktx setup --embedding-backend <backend> for hybrid search',
      },
    ];
  }
  if (!embeddings.model) {
    return [
      {
        id: 'embeddings.backend',
        area: 'embeddings',
        level: 'fail',
        message: `embeddings.backend is ${embeddings.backend} but embeddings.model is missing`,
        fix: 'set embeddings.model in ktx.yaml',
      },
    ];
  }
  return [
    {
      id: 'embeddings.backend',
      area: 'embeddings',
      level: 'ok',
      message: `${embeddings.backend} with model ${embeddings.model}`,
    },
  ];
};
