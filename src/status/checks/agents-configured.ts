import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectLayout } from '../../project/index.js';
import type { CheckResult, StatusCheck } from '../check-result.js';

/**
 * The parts of `.ktx/agents/install-manifest.json` this check reads. The manifest is written by the
 * agents layer, which status may not import; this shape is its stable on-disk contract.
 */
type FileCheck =
  | { kind: 'json'; keyPath: string[] }
  | { kind: 'toml-table'; table: string[] }
  | { kind: 'contains'; text: string };
interface ManifestInstall {
  target: string;
  scope: string;
  transport: string;
  files: { path: string; check: FileCheck }[];
}

function readInstalls(projectDir: string): ManifestInstall[] {
  const path = join(projectLayout(projectDir).state, 'agents', 'install-manifest.json');
  if (!existsSync(path)) return [];
  try {
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as { installs?: ManifestInstall[] };
    return Array.isArray(manifest.installs) ? manifest.installs : [];
  } catch {
    return [];
  }
}

/** Why the file no longer holds what ktx wrote, or undefined when it still does. */
function problemWith(path: string, check: FileCheck): string | undefined {
  if (!existsSync(path)) return `${path} is missing`;
  const text = readFileSync(path, 'utf8');
  switch (check.kind) {
    case 'json': {
      let node: unknown;
      try {
        node = JSON.parse(text);
      } catch {
        return `${path} is no longer valid JSON`;
      }
      for (const key of check.keyPath) node = (node as Record<string, unknown> | null)?.[key];
      return node && typeof node === 'object'
        ? undefined
        : `${path} has no "${check.keyPath.join('.')}" entry`;
    }
    case 'toml-table': {
      // Header match only (quotes and spaces allowed): enough to tell that the entry is still there.
      const pattern = check.table
        .map((part) => `\\s*"?${part.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}"?\\s*`)
        .join('\\.');
      return new RegExp(`^\\s*\\[${pattern}\\]`, 'm').test(text)
        ? undefined
        : `${path} has no [${check.table.join('.')}] table`;
    }
    case 'contains':
      return text.includes(check.text) ? undefined : `${path} no longer mentions ${check.text}`;
  }
}

function setupCommand(install: ManifestInstall): string {
  const scope = install.scope === 'project' ? '' : ` --${install.scope}`;
  const transport = install.transport === 'http' ? ' --transport http' : '';
  return `ktx setup --agents --target ${install.target}${scope}${transport}`;
}

/**
 * Which agent clients `ktx setup --agents` configured for this project, and whether their files still
 * hold ktx's entries. No agent is a skip (ktx works from the CLI); a lost entry is a warning. HTTP
 * installs also need the daemon, so a stopped daemon is a warning for them.
 */
export const agentsConfigured: StatusCheck = async (context) => {
  const installs = readInstalls(context.projectDir);
  if (installs.length === 0) {
    return [
      {
        id: 'agents.configured',
        area: 'agents',
        level: 'skip',
        message: 'no agent client configured',
        fix: 'ktx setup --agents --target claude-code (or codex, cursor, opencode, claude-desktop, universal)',
      },
    ];
  }
  const results: CheckResult[] = installs.map((install) => {
    const id = `agents.${install.target}.${install.scope}`;
    const problems = install.files.flatMap((file) => problemWith(file.path, file.check) ?? []);
    const label = `${install.target} (${install.scope}, ${install.transport})`;
    if (problems.length > 0) {
      return {
        id,
        area: 'agents',
        level: 'warn',
        message: `${label}: ${problems.join('; ')}`,
        fix: setupCommand(install),
      };
    }
    return {
      id,
      area: 'agents',
      level: 'ok',
      message: label,
      details: { files: install.files.map((file) => file.path) },
    };
  });
  const usesHttp = installs.some((install) => install.transport === 'http');
  // The daemon probe is a loopback HTTP round trip: not under --fast, and never fatal to status.
  const daemon =
    context.mcpDaemon && !context.fast ? await context.mcpDaemon().catch(() => undefined) : undefined;
  if (daemon) {
    const level = daemon.running ? 'ok' : usesHttp ? 'warn' : 'skip';
    results.push({
      id: 'agents.mcp-daemon',
      area: 'agents',
      level,
      message: daemon.running
        ? `MCP daemon running at ${daemon.url}`
        : `MCP daemon not running${usesHttp ? ': HTTP clients cannot reach ktx' : ' (stdio clients start ktx themselves)'}`,
      ...(level === 'ok' ? {} : { fix: 'ktx mcp start' }),
    });
  }
  return results;
};
