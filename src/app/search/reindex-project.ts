import type { IndexStats, SyncReport } from '../../search/index.js';
import type { OpenProject } from '../open-project.js';
import { openProjectIndex } from './open-project-index.js';

export interface ReindexResult extends IndexStats {
  path: string;
  sync: SyncReport;
  /** Why no vectors were built although embeddings are configured. */
  embeddingProblem?: string;
}

/** `ktx admin reindex`: empties the index and builds every document (and vector) again. */
export async function reindexProject(project: OpenProject): Promise<ReindexResult> {
  const opened = await openProjectIndex(project);
  try {
    const sync = await opened.index.reindex();
    const problem = sync.embeddingProblem ?? opened.embeddingProblem;
    return {
      path: opened.index.path,
      ...opened.index.stats(),
      sync,
      ...(problem ? { embeddingProblem: problem } : {}),
    };
  } finally {
    await opened.close();
  }
}
