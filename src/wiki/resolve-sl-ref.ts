import { didYouMean } from '../core/index.js';

/**
 * What `sl_refs` may point at, each name qualified by its connection: sources as
 * `connection/source`, members as `connection/source.member`. The app layer builds it from the
 * semantic layer; the wiki never loads YAML sources itself.
 */
export interface WikiSemanticCatalog {
  sources: readonly string[];
  measures: readonly string[];
  /** Segments and columns, which the reference also accepts after the dot. */
  segments?: readonly string[];
  columns?: readonly string[];
}

interface QualifiedSource {
  connectionId: string;
  name: string;
  qualified: string;
}

/** An index of the catalog for resolving many refs. */
export class SlRefResolver {
  private readonly sources: QualifiedSource[];
  private readonly members = new Map<string, Set<string>>();

  constructor(catalog: WikiSemanticCatalog) {
    this.sources = catalog.sources.map((qualified) => {
      const slash = qualified.indexOf('/');
      return { connectionId: qualified.slice(0, slash), name: qualified.slice(slash + 1), qualified };
    });
    for (const member of [...catalog.measures, ...(catalog.segments ?? []), ...(catalog.columns ?? [])]) {
      const dot = member.lastIndexOf('.');
      const source = member.slice(0, dot);
      const names = this.members.get(source) ?? new Set<string>();
      names.add(member.slice(dot + 1));
      this.members.set(source, names);
    }
  }

  /** Why `ref` does not resolve (a message ending in a suggestion), or undefined when it does. */
  problem(ref: string): string | undefined {
    const slash = ref.indexOf('/');
    const connectionId = slash >= 0 ? ref.slice(0, slash) : undefined;
    const rest = slash >= 0 ? ref.slice(slash + 1) : ref;
    const dot = rest.indexOf('.');
    const sourceName = dot >= 0 ? rest.slice(0, dot) : rest;
    const member = dot >= 0 ? rest.slice(dot + 1) : undefined;
    const sources = this.sources.filter(
      (source) =>
        source.name === sourceName && (connectionId === undefined || source.connectionId === connectionId),
    );
    // The reference docs also show `connection.source`; accept it when it is the only reading.
    if (sources.length === 0 && connectionId === undefined && member !== undefined) {
      const alternative = this.sources.filter(
        (source) => source.connectionId === sourceName && source.name === member,
      );
      if (alternative.length > 0) return undefined;
    }
    if (sources.length === 0) {
      const pool =
        connectionId === undefined
          ? this.sources
          : this.sources.filter((s) => s.connectionId === connectionId);
      return `sl_ref \`${ref}\` names no semantic-layer source${connectionId ? ` in connection \`${connectionId}\`` : ''}${didYouMean(sourceName, new Set(pool.map((source) => source.name)))}`;
    }
    if (member === undefined) return undefined;
    const known = new Set(sources.flatMap((source) => [...(this.members.get(source.qualified) ?? [])]));
    if (known.has(member)) return undefined;
    return `sl_ref \`${ref}\`: source \`${sourceName}\` has no measure, segment or column \`${member}\`${didYouMean(member, known)}`;
  }
}
