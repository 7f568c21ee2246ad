import type { Descriptions } from './resolve-description.js';
import type {
  ColumnMetadata,
  ColumnType,
  DefinitionSite,
  MeasureWindow,
  Relationship,
  SemanticSource,
  SourceMetadata,
} from './semantic-model.js';

/**
 * A source between YAML and the resolved model: schema-checked and composed (manifest + overlay,
 * inherited column metadata), with SQL fragments still as text. `resolveDraft` parses the fragments
 * and fills defaults. Drafts are private to the loader.
 */
export interface SourceDraft {
  readonly name: string;
  readonly origin: 'manifest' | 'standalone';
  readonly relation: SemanticSource['relation'];
  readonly grain: readonly string[];
  readonly grainSite: DefinitionSite;
  readonly columns: readonly ColumnDraft[];
  readonly joins: readonly JoinDraft[];
  readonly measures: readonly MeasureDraft[];
  readonly segments: readonly SegmentDraft[];
  readonly descriptions: Descriptions;
  readonly description?: string;
  readonly metadata: SourceMetadata;
  readonly physicalColumns?: readonly string[];
  readonly site: DefinitionSite;
}

export interface ColumnDraft {
  readonly name: string;
  /** Absent until inherited; a missing type after inheritance is an error. */
  readonly type?: ColumnType;
  readonly role?: 'time' | 'default';
  readonly visibility?: 'public' | 'internal' | 'hidden';
  readonly expr?: string;
  readonly descriptions: Descriptions;
  readonly description?: string;
  readonly metadata: ColumnMetadata;
  readonly site: DefinitionSite;
}

export interface JoinDraft {
  readonly to: string;
  readonly on: string;
  readonly relationship: Relationship;
  readonly alias?: string;
  readonly site: DefinitionSite;
}

export interface MeasureDraft {
  readonly name: string;
  readonly expr: string;
  readonly filter?: string;
  readonly segments: readonly string[];
  readonly description?: string;
  readonly window?: MeasureWindow;
  readonly site: DefinitionSite;
}

export interface SegmentDraft {
  readonly name: string;
  readonly expr: string;
  readonly description?: string;
  readonly site: DefinitionSite;
}
