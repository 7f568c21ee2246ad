// Small shape helpers for values that come out of YAML.

/** A YAML mapping (not a list, not a scalar). */
export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `enum_values` lists may hold numbers in YAML (`[1, 2]`); the model keeps them as text. */
export function stringLists(
  value: Readonly<Record<string, readonly (string | number | boolean)[]>> | undefined,
): Record<string, string[]> | undefined {
  if (!value) return undefined;
  return Object.fromEntries(Object.entries(value).map(([origin, list]) => [origin, list.map(String)]));
}

export function definedStrings(
  value: Readonly<Record<string, string | null>> | undefined,
): Record<string, string> | undefined {
  if (!value) return undefined;
  const entries = Object.entries(value).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string',
  );
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}
