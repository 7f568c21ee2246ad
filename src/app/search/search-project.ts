import type { SearchHit, SearchKind, SearchOutcome, SyncReport } from '../../search/index.js';
import type { OpenProject } from '../open-project.js';
import { openProjectIndex } from './open-project-index.js';

export interface SearchProjectInput {
  query: string;
  kinds?: SearchKind[];
  /** Default 10. */
  limit?: number;
  /** The reader: their user-scoped wiki pages are searched and hide same-key global pages. */
  userId?: string;
  /** Only semantic-layer and value hits of this connection (wiki hits are kept). */
  connectionId?: string;
}

export interface SearchProjectResult extends SearchOutcome {
  query: string;
  sync: SyncReport;
}

/**
 * One search with everything a CLI or MCP caller may print: hits, whether the vector lane ran
 * (and why not), and what the pre-query sync did.
 */
export async function searchProjectDetailed(
  project: OpenProject,
  input: SearchProjectInput,
): Promise<SearchProjectResult> {
  const opened = await openProjectIndex(project);
  try {
    const outcome = await opened.index.search({
      query: input.query,
      ...(input.kinds ? { kinds: input.kinds } : {}),
      ...(input.limit !== undefined ? { limit: input.limit } : {}),
      ...(input.userId !== undefined ? { userId: input.userId } : {}),
      ...(input.connectionId !== undefined ? { connectionId: input.connectionId } : {}),
    });
    const vectorProblem = outcome.vectorProblem ?? opened.embeddingProblem;
    return { query: input.query, ...outcome, ...(vectorProblem ? { vectorProblem } : {}) };
  } finally {
    await opened.close();
  }
}

/**
 * Searches wiki pages, the semantic layer and sampled column values together. The persistent index
 * is brought up to date with the files first (incrementally), so an edit shows up at once.
 */
export async function searchProject(project: OpenProject, input: SearchProjectInput): Promise<SearchHit[]> {
  return (await searchProjectDetailed(project, input)).hits;
}
