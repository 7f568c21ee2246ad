import type { z } from 'zod';

// Zod 4 exposes its definition tree on `_zod.def`; we only need enough of it to list the keys an
// object accepts at a path, for "did you mean" on unknown keys.
interface DefNode {
  _zod: {
    def: {
      type: string;
      shape?: Record<string, DefNode>;
      innerType?: DefNode;
      valueType?: DefNode;
      options?: DefNode[];
      in?: DefNode;
    };
  };
}

function unwrap(node: DefNode): DefNode[] {
  const def = node._zod.def;
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'nullable':
    case 'prefault':
    case 'readonly':
      return def.innerType ? unwrap(def.innerType) : [];
    case 'pipe':
      return def.in ? unwrap(def.in) : [];
    case 'union':
      return (def.options ?? []).flatMap(unwrap);
    default:
      return [node];
  }
}

/** The keys an object schema accepts at `path` (record levels consume one path segment each). */
export function schemaKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let nodes = unwrap(schema as unknown as DefNode);
  for (const segment of path) {
    nodes = nodes.flatMap((node) => {
      const def = node._zod.def;
      if (def.type === 'object' && def.shape && typeof segment === 'string' && def.shape[segment]) {
        return unwrap(def.shape[segment]);
      }
      if (def.type === 'record' && def.valueType) return unwrap(def.valueType);
      return [];
    });
  }
  return [...new Set(nodes.flatMap((node) => Object.keys(node._zod.def.shape ?? {})))];
}
