import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectLayout, writeFileAtomic } from '../project/index.js';
import type { AgentScope, AgentTarget, McpTransport } from './agent-target.js';
import type { EditCheck, EditRole } from './config-edit.js';

/** `.ktx/agents/install-manifest.json`: what `ktx setup --agents` wrote, read by `ktx status`. */
export interface InstallManifest {
  version: 1;
  installs: ManifestInstall[];
}

export interface ManifestInstall {
  target: AgentTarget;
  scope: AgentScope;
  transport: McpTransport;
  installDir?: string;
  files: { path: string; role: EditRole; check: EditCheck }[];
}

export function manifestPath(projectDir: string): string {
  return join(projectLayout(projectDir).state, 'agents', 'install-manifest.json');
}

export function readInstallManifest(projectDir: string): InstallManifest {
  const path = manifestPath(projectDir);
  if (!existsSync(path)) return { version: 1, installs: [] };
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as InstallManifest;
    return Array.isArray(parsed.installs) ? parsed : { version: 1, installs: [] };
  } catch {
    // Derived state: a damaged manifest is rebuilt from the next install rather than blocking it.
    return { version: 1, installs: [] };
  }
}

/** Records one install, replacing an earlier one of the same target, scope and directory. */
export function recordInstall(projectDir: string, install: ManifestInstall): void {
  const manifest = readInstallManifest(projectDir);
  const same = (other: ManifestInstall) =>
    other.target === install.target &&
    other.scope === install.scope &&
    other.installDir === install.installDir;
  const installs = [...manifest.installs.filter((other) => !same(other)), install].sort((a, b) =>
    `${a.target}:${a.scope}:${a.installDir ?? ''}`.localeCompare(
      `${b.target}:${b.scope}:${b.installDir ?? ''}`,
    ),
  );
  const text = `${JSON.stringify({ version: 1, installs }, null, 2)}\n`;
  const path = manifestPath(projectDir);
  if (existsSync(path) && readFileSync(path, 'utf8') === text) return;
  writeFileAtomic(path, text);
}
