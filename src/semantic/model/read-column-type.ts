import { type Diagnostic, didYouMean } from '../../core/index.js';
import { COLUMN_TYPES } from './schema-parts.js';
import { isSemanticType, semanticColumnType } from './semantic-column-type.js';
import type { ColumnType } from './semantic-model.js';
import { type KeyPath, siteAt, type YamlFile } from './yaml-file.js';

/**
 * The semantic type of an authored column. The reference accepts only the four semantic types; a
 * database type (`integer`) is read as its semantic type with a warning rather than failing the
 * column, and an unrecognised name is an error (the column is kept as `string` so its grain and
 * joins still resolve).
 */
export function readColumnType(
  yaml: YamlFile,
  path: KeyPath,
  type: string,
  diagnostics: Diagnostic[],
): ColumnType {
  if (isSemanticType(type)) return type;
  const mapped = semanticColumnType(type);
  if (mapped) {
    diagnostics.push({
      severity: 'warning',
      code: 'database-column-type',
      message: `\`type: ${type}\` is a database type; it is read as \`${mapped}\``,
      ...siteAt(yaml, path),
      fix: `write \`type: ${mapped}\` (semantic types are ${COLUMN_TYPES.join(', ')})`,
    });
    return mapped;
  }
  diagnostics.push({
    severity: 'error',
    code: 'invalid-column-type',
    message: `unknown column type \`${type}\`${didYouMean(type, COLUMN_TYPES)}; the column is treated as string`,
    ...siteAt(yaml, path),
    fix: `use one of: ${COLUMN_TYPES.join(', ')}`,
  });
  return 'string';
}
