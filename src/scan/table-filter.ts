/** `enabled_tables` of ktx.yaml: include/exclude globs over `schema.table` (`*` matches any run). */
export interface TableFilter {
  include?: readonly string[];
  exclude?: readonly string[];
}

function globToRegExp(glob: string): RegExp {
  const escaped = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`, 'i');
}

/** Whether `schema.table` passes the filter (no include list means everything is included). */
export function tableAllowed(filter: TableFilter | undefined, schema: string, table: string): boolean {
  if (!filter) return true;
  const name = `${schema}.${table}`;
  const matches = (globs: readonly string[] | undefined): boolean =>
    (globs ?? []).some((glob) => globToRegExp(glob).test(name) || globToRegExp(glob).test(table));
  if (filter.include && filter.include.length > 0 && !matches(filter.include)) return false;
  return !matches(filter.exclude);
}
