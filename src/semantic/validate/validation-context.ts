import type { Diagnostic } from '../../core/index.js';
import type { DefinitionSite, SemanticModel } from '../model/semantic-model.js';

/** One `name:` the loader saw: a manifest entry, a standalone source or an overlay, winner or not. */
export interface SourceDefinition {
  readonly name: string;
  readonly kind: 'manifest' | 'standalone' | 'overlay';
  readonly site: DefinitionSite;
}

export interface ValidateOptions {
  /** Every definition the loader saw, in load order (`loadSemanticModel` passes them). */
  readonly definitions?: readonly SourceDefinition[];
  /**
   * Sources just written or edited. Turns on the reference's write-time checks, which would be noise
   * on a whole existing project: SQL join coverage and the singleton-component warning.
   */
  readonly recentlyTouched?: readonly string[];
}

export interface ValidationContext {
  readonly definitions: readonly SourceDefinition[];
  readonly recentlyTouched: ReadonlySet<string>;
}

/** One validation rule: pure, independent of the others, never throws. */
export type ValidationRule = (model: SemanticModel, context: ValidationContext) => Diagnostic[];
