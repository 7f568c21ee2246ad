import type { Diagnostic } from '../../core/index.js';
import { type DialectName, type Expr, parseExpression } from '../../sql/index.js';
import type { DefinitionSite } from './semantic-model.js';

export type FragmentResult = { ok: true; expr: Expr } | { ok: false; diagnostic: Diagnostic };

/**
 * Parses one SQL fragment of a source (column `expr`, measure `expr`/`filter`, segment `expr`, join
 * `on`) in the connection's dialect. The only place the loader calls the parser, so a failure always
 * reads the same way: an error at the fragment's key path with the parser's message and the text.
 */
export function parseFragment(
  text: string,
  dialect: DialectName,
  site: DefinitionSite,
  key: string,
  subject: string,
): FragmentResult {
  let parsed: ReturnType<typeof parseExpression>;
  try {
    parsed = parseExpression(text, dialect);
  } catch (error) {
    // A parser bug must not take the whole layer down; report it on this fragment only.
    parsed = {
      ok: false,
      message: `internal parser error (${error instanceof Error ? error.message : String(error)})`,
      offset: 0,
    };
  }
  if (parsed.ok) return parsed;
  return {
    ok: false,
    diagnostic: {
      severity: 'error',
      code: 'sql-parse-error',
      message: `${subject} is left out: cannot parse ${key} \`${oneLine(text)}\`: ${parsed.message} (at character ${parsed.offset + 1})`,
      file: site.file,
      path: site.path ? `${site.path}.${key}` : key,
      line: site.line,
      fix: `write ${key} as one SQL expression in the ${dialect} dialect`,
    },
  };
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 120 ? `${flat.slice(0, 117)}...` : flat;
}
