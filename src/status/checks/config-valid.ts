import { formatDiagnostic } from '../../core/index.js';
import type { CheckResult, StatusCheck } from '../check-result.js';

/** ktx.yaml parses and matches the schema; each unknown key is its own warning. */
export const configValid: StatusCheck = async ({ loaded }) => {
  const results: CheckResult[] = loaded.diagnostics.map((diagnostic, index) => ({
    id: `config.${diagnostic.code}.${index + 1}`,
    area: 'config',
    level: diagnostic.severity === 'error' ? 'fail' : 'warn',
    message: formatDiagnostic({ ...diagnostic, fix: undefined }),
    fix: diagnostic.fix ?? 'edit ktx.yaml',
  }));
  if (!results.some((result) => result.level === 'fail')) {
    results.unshift({ id: 'config.valid', area: 'config', level: 'ok', message: `${loaded.file} is valid` });
  }
  return results;
};
