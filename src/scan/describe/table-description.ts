/** Generated descriptions of one table and its columns, as kept in `descriptions.json` evidence. */
export interface TableDescription {
  schema: string;
  table: string;
  /** Cache key (`descriptionRequest().key`): structure and coarse profile the text was written from. */
  key: string;
  /** The model that wrote it (`LlmRuntime.modelFor('candidateExtraction')`). */
  model: string;
  /** Absent when the model gave nothing usable for the table itself. */
  description?: string;
  /** Column name → description; columns the model skipped are absent. */
  columns: Record<string, string>;
  /** Run that generated it when carried over unchanged from an earlier scan. */
  reusedFrom?: string;
}

/** A table whose description call failed; the scan goes on and the table keeps no AI description. */
export interface DescriptionFailure {
  schema: string;
  table: string;
  code: string;
  message: string;
}

/** `raw-sources/<id>/scan/<run>/descriptions.json`. */
export interface DescriptionsEvidence {
  descriptions: TableDescription[];
  failures: DescriptionFailure[];
}
