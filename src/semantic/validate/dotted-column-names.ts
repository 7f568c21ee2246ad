import type { Diagnostic } from '../../core/index.js';
import { at } from './diagnostic-at.js';
import type { ValidationRule } from './validation-context.js';

/**
 * Column names are unqualified output names; `activity.account_id` would clash with the
 * `source.column` addressing of queries and break SQL generation (spec §1.11 items 2–3).
 */
export const dottedColumnNames: ValidationRule = (model) => {
  const diagnostics: Diagnostic[] = [];
  for (const source of model.sources.values()) {
    for (const column of source.columns) {
      if (!column.name.includes('.')) continue;
      diagnostics.push({
        severity: 'error',
        code: 'column-name-dotted',
        message: `column name \`${column.name}\` of \`${source.name}\` contains \`.\`; column names must be unqualified`,
        ...at(column.site, 'name'),
        fix: `use the output column name, e.g. \`${column.name.split('.').at(-1)}\``,
      });
    }
  }
  return diagnostics;
};
