import type { z } from 'zod';
import { type Diagnostic, didYouMean } from '../../core/index.js';
import { schemaKeysAt } from './schema-keys.js';
import type { KeyPath, YamlFile } from './yaml-file.js';

export interface SchemaCheckInput<T> {
  readonly schema: z.ZodType<T>;
  readonly yaml: YamlFile;
  /** The value to check: the file's value or a sub-tree of it (a manifest entry). */
  readonly value: unknown;
  /** Where `value` sits in the file, prefixed to every reported path. */
  readonly basePath: KeyPath;
  /** Unknown keys in authored sources are errors; in scan-written manifests only warnings. */
  readonly unknownKeySeverity: 'error' | 'warning';
  /** Top-level lists whose items are left out alone when they are invalid (`measures`, `joins`…). */
  readonly itemLists: readonly string[];
  /** Top-level keys without which the whole value is unusable. */
  readonly requiredKeys: readonly string[];
  /** Fix text for keys people commonly misplace (`description` in an overlay). */
  readonly keyHints?: Readonly<Record<string, string>>;
  /** "source `orders`", for the message when the whole value is dropped. */
  readonly subject: string;
}

type Raw = Record<PropertyKey, unknown>;

/**
 * Validates `value` against a strict zod schema without ever giving up on the whole file for a
 * local problem: an invalid or misspelt item of a list (a measure, a join) is reported and left out,
 * an invalid optional key is reported and ignored, and only a broken required key drops the value.
 * Each problem is a diagnostic with the dotted key path, the line, and "did you mean" for keys.
 */
export function checkSchema<T>(input: SchemaCheckInput<T>): { value?: T; diagnostics: Diagnostic[] } {
  const raw = structuredClone(input.value) as Raw;
  const diagnostics: Diagnostic[] = [];
  // Each round removes what failed; a few rounds settle any cascade (removal never adds issues).
  for (let round = 0; round < 4; round++) {
    const result = input.schema.safeParse(raw);
    if (result.success) return { value: result.data, diagnostics };
    const dropped = new Map<string, Set<number>>();
    let fatal = false;
    for (const issue of result.error.issues) {
      const outcome = reportIssue(input, raw, issue, dropped, diagnostics);
      if (outcome === 'fatal') fatal = true;
    }
    if (fatal) return { diagnostics };
    for (const [list, indexes] of dropped) {
      const items = raw[list];
      if (Array.isArray(items)) raw[list] = items.filter((_, index) => !indexes.has(index));
    }
  }
  return { diagnostics };
}

function reportIssue(
  input: SchemaCheckInput<unknown>,
  raw: Raw,
  issue: z.core.$ZodIssue,
  dropped: Map<string, Set<number>>,
  diagnostics: Diagnostic[],
): 'fatal' | 'handled' {
  const [top, index] = issue.path;
  const inItem = typeof top === 'string' && input.itemLists.includes(top) && typeof index === 'number';
  const itemSeen = inItem && (dropped.get(top)?.has(index) ?? false);
  const base = { file: input.yaml.file };

  if (issue.code === 'unrecognized_keys') {
    const known = schemaKeysAt(input.schema, issue.path);
    const dropItem = inItem && input.unknownKeySeverity === 'error';
    for (const key of issue.keys) {
      const hint = input.keyHints?.[key];
      const consequence = dropItem ? (itemSeen ? '' : `; ${itemLabel(raw, top, index)} is left out`) : '';
      diagnostics.push({
        ...base,
        severity: input.unknownKeySeverity,
        code: 'unknown-key',
        message: `unknown key \`${key}\`${didYouMean(key, known)}${consequence}`,
        path: dotted([...input.basePath, ...issue.path, key]),
        line: input.yaml.lineOf([...input.basePath, ...(issue.path as KeyPath)], key),
        fix: hint ?? (known.length > 0 ? `valid keys here: ${known.join(', ')}` : 'remove it'),
      });
      if (!dropItem) deleteAt(raw, issue.path, key);
    }
    if (dropItem) markDropped(dropped, top, index);
    return 'handled';
  }

  const described = describeIssue(issue, valueAt(raw, issue.path));
  let outcome: 'fatal' | 'handled' = 'handled';
  let consequence: string;
  if (inItem) {
    consequence = itemSeen ? '' : `; ${itemLabel(raw, top, index)} is left out`;
    markDropped(dropped, top, index);
  } else if (typeof top === 'string' && !input.requiredKeys.includes(top) && issue.path.length > 0) {
    consequence = `; \`${top}\` is ignored`;
    delete raw[top];
  } else {
    consequence = `; ${input.subject} is not loaded`;
    outcome = 'fatal';
  }
  const fullPath = [...input.basePath, ...(issue.path as KeyPath)];
  diagnostics.push({
    ...base,
    severity: 'error',
    code: 'invalid-value',
    message: `${described.message}${consequence}`,
    path: dotted(fullPath),
    line: input.yaml.lineOf(fullPath) ?? input.yaml.lineOf(fullPath.slice(0, -1)),
    fix: described.fix,
  });
  return outcome;
}

function describeIssue(issue: z.core.$ZodIssue, received: unknown): { message: string; fix: string } {
  switch (issue.code) {
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      const hint = typeof received === 'string' ? didYouMean(received, allowed) : '';
      return {
        message: `invalid value ${JSON.stringify(received)}${hint}`,
        fix: `use one of: ${allowed.join(', ')}`,
      };
    }
    case 'invalid_type':
      return received === undefined
        ? { message: `missing required ${issue.expected}`, fix: `add it` }
        : {
            message: `expected ${issue.expected}, got ${JSON.stringify(received)}`,
            fix: `make it a ${issue.expected}`,
          };
    case 'invalid_union':
      return received === undefined
        ? { message: 'missing required SQL text', fix: 'add it' }
        : { message: `expected SQL text, got ${JSON.stringify(received)}`, fix: 'write it as a string' };
    case 'too_small':
      return { message: issue.message, fix: 'add at least one entry' };
    default:
      return { message: issue.message, fix: 'see docs/semantic-layer for the accepted shape' };
  }
}

function itemLabel(raw: Raw, list: string, index: number): string {
  const item = (raw[list] as unknown[] | undefined)?.[index] as Raw | undefined;
  const singular = list.endsWith('s')
    ? list.slice(0, -1).replace('column_override', 'column override')
    : list;
  return typeof item?.name === 'string' ? `${singular} \`${item.name}\`` : `this ${singular}`;
}

function markDropped(dropped: Map<string, Set<number>>, list: string, index: number): void {
  const indexes = dropped.get(list) ?? new Set<number>();
  indexes.add(index);
  dropped.set(list, indexes);
}

function dotted(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let cursor = value;
  for (const segment of path) cursor = (cursor as Raw | undefined)?.[segment];
  return cursor;
}

function deleteAt(value: unknown, path: readonly PropertyKey[], key: string): void {
  const target = valueAt(value, path);
  if (target && typeof target === 'object') delete (target as Raw)[key];
}
