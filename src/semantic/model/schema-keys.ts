import type { z } from 'zod';

// Zod 4 exposes its definition tree on `_zod.def`; we read just enough of it to list the keys an
// object accepts at a path, for "did you mean" on unknown keys. (src/project has a sibling helper
// for ktx.yaml; semantic may not import project, and this one also walks arrays.)
interface DefinitionNode {
  _zod: {
    def: {
      type: string;
      shape?: Record<string, DefinitionNode>;
      innerType?: DefinitionNode;
      valueType?: DefinitionNode;
      element?: DefinitionNode;
      options?: DefinitionNode[];
      in?: DefinitionNode;
    };
  };
}

function unwrap(node: DefinitionNode): DefinitionNode[] {
  const definition = node._zod.def;
  switch (definition.type) {
    case 'optional':
    case 'default':
    case 'nullable':
    case 'prefault':
    case 'readonly':
      return definition.innerType ? unwrap(definition.innerType) : [];
    case 'pipe':
      return definition.in ? unwrap(definition.in) : [];
    case 'union':
      return (definition.options ?? []).flatMap(unwrap);
    default:
      return [node];
  }
}

/** The keys an object schema accepts at `path` (array and record levels consume one segment each). */
export function schemaKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let nodes = unwrap(schema as unknown as DefinitionNode);
  for (const segment of path) {
    nodes = nodes.flatMap((node) => {
      const definition = node._zod.def;
      if (definition.type === 'object' && typeof segment === 'string' && definition.shape?.[segment]) {
        return unwrap(definition.shape[segment]);
      }
      if (definition.type === 'array' && definition.element) return unwrap(definition.element);
      if (definition.type === 'record' && definition.valueType) return unwrap(definition.valueType);
      return [];
    });
  }
  return [...new Set(nodes.flatMap((node) => Object.keys(node._zod.def.shape ?? {})))];
}
