import { z } from 'zod';

export const scanSchema = z.strictObject({
  enrichment: z
    .strictObject({
      /**
       * Unset: LLM descriptions whenever an LLM backend is configured. `none` / `deterministic`: never
       * (deterministic text is not generated; the reference's placeholders add nothing). `llm`: as
       * unset, and a scan says so when no backend is configured.
       */
      mode: z.enum(['none', 'deterministic', 'llm']).optional(),
      /** Tables described at once (default 4). */
      concurrency: z.number().int().min(1).max(32).optional(),
    })
    .optional(),
  profile: z
    .strictObject({
      sampleRows: z.number().int().positive().optional(),
      concurrency: z.number().int().min(1).max(64).optional(),
      tableTimeoutMs: z.number().int().positive().optional(),
    })
    .optional(),
  relationships: z
    .strictObject({
      enabled: z.boolean().optional(),
      llmProposals: z.boolean().optional(),
      validationRequiredForManifest: z.boolean().optional(),
      acceptThreshold: z.number().min(0).max(1).optional(),
      reviewThreshold: z.number().min(0).max(1).optional(),
      maxLlmTablesPerBatch: z.number().int().positive().optional(),
      maxCandidatesPerColumn: z.number().int().positive().optional(),
      profileSampleRows: z.number().int().positive().optional(),
      profileConcurrency: z.number().int().positive().optional(),
      validationConcurrency: z.number().int().positive().optional(),
      validationBudget: z.union([z.literal('all'), z.number().int().positive()]).optional(),
    })
    .optional(),
});
