import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { projectLayout } from '../../project/index.js';
import type { CheckResult, StatusCheck } from '../check-result.js';

function yamlFiles(dir: string): number {
  if (!existsSync(dir)) return 0;
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) count += yamlFiles(join(dir, entry.name));
    else if (/\.ya?ml$/.test(entry.name)) count++;
  }
  return count;
}

/** Each connection has semantic-layer files (hand-written or scanned) for agents to read. */
export const contextBuilt: StatusCheck = async ({ loaded, projectDir }) => {
  const config = loaded.config;
  if (!config) return [];
  const layout = projectLayout(projectDir);
  return Object.keys(config.connections).map((id): CheckResult => {
    const files = yamlFiles(join(layout.semanticLayer, id));
    return files > 0
      ? {
          id: `context.${id}`,
          area: 'context',
          level: 'ok',
          message: `${id}: ${files} semantic-layer file(s)`,
          details: { files },
        }
      : {
          id: `context.${id}`,
          area: 'context',
          level: 'warn',
          message: `${id}: no semantic-layer files yet`,
          fix: `add sources under semantic-layer/${id}/ (a scan will generate them)`,
        };
  });
};
