import { resolve } from 'node:path';
import { assertNever, KtxError } from '../core/index.js';
import type { AgentScope, AgentTarget, McpLaunch, McpTransport } from './agent-target.js';
import { applyEdit, type FileChange, prepareEdits } from './apply-edits.js';
import { checkFor } from './config-edit.js';
import type { AgentInstallContext, AgentPlan } from './install-context.js';
import { recordInstall } from './install-manifest.js';
import { planClaudeCode } from './targets/claude-code.js';
import { planClaudeDesktop } from './targets/claude-desktop.js';
import { planCodex } from './targets/codex.js';
import { planCursor } from './targets/cursor.js';
import { planOpencode } from './targets/opencode.js';
import { planUniversal } from './targets/universal.js';

export interface InstallAgentsInput {
  targets: readonly AgentTarget[];
  /** Default `project`. */
  scope?: AgentScope;
  /** Where project-scoped files go; default the project directory. */
  installDir?: string;
  projectDir: string;
  launch: McpLaunch;
  home: string;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
}

export interface AgentInstallResult {
  target: AgentTarget;
  scope: AgentScope;
  transport: McpTransport;
  files: FileChange[];
  notes: string[];
  /** False when every file already held what ktx would write (a re-run). */
  changed: boolean;
}

/** Which scopes each client has; claude-desktop has one config per user, so it is always global. */
const SCOPES: Record<AgentTarget, readonly AgentScope[]> = {
  'claude-code': ['project', 'global', 'local'],
  'claude-desktop': ['global'],
  codex: ['project', 'global'],
  cursor: ['project', 'global'],
  opencode: ['project', 'global'],
  universal: ['project'],
};

function plan(target: AgentTarget, context: AgentInstallContext): AgentPlan {
  switch (target) {
    case 'claude-code':
      return planClaudeCode(context);
    case 'claude-desktop':
      return planClaudeDesktop(context);
    case 'codex':
      return planCodex(context);
    case 'cursor':
      return planCursor(context);
    case 'opencode':
      return planOpencode(context);
    case 'universal':
      return planUniversal(context);
    default:
      return assertNever(target);
  }
}

function scopeFor(target: AgentTarget, input: InstallAgentsInput): AgentScope {
  if (target === 'claude-desktop') {
    if (input.installDir || input.scope === 'local') {
      throw new KtxError(
        'agent_target_unsupported',
        'Claude Desktop has one config per user; --install-dir and --local do not apply to it.',
        {
          fix: 'drop --install-dir / --local for --target claude-desktop',
        },
      );
    }
    return 'global';
  }
  const scope = input.scope ?? 'project';
  if (!SCOPES[target].includes(scope)) {
    throw new KtxError(
      'agent_target_unsupported',
      `--target ${target} has no --${scope} scope (it has: ${SCOPES[target].join(', ')}).`,
      {
        fix: `drop --${scope}, or use --target claude-code for a ${scope} install`,
      },
    );
  }
  return scope;
}

/**
 * Configures each target client to reach ktx's MCP server and installs the workflow instructions.
 * Every file is read and merged before the first write, so one malformed file leaves all untouched.
 * What was written is recorded in the project's install manifest for `ktx status`.
 */
export function installAgents(input: InstallAgentsInput): AgentInstallResult[] {
  const projectDir = resolve(input.projectDir);
  const installDir = resolve(input.installDir ?? projectDir);
  const planned = input.targets.map((target) => {
    const scope = scopeFor(target, input);
    const context: AgentInstallContext = { ...input, projectDir, installDir, scope };
    return { target, scope, plan: plan(target, context) };
  });
  // One pass over every edit of every target: two targets sharing a file (AGENTS.md) merge into it.
  const prepared = prepareEdits(planned.flatMap((entry) => entry.plan.edits));
  const changes = new Map<string, FileChange>();
  for (const edit of prepared) {
    const change = applyEdit(edit);
    for (const path of edit.paths) changes.set(path, { ...change, path });
  }
  return planned.map(({ target, scope, plan: targetPlan }) => {
    const files = [...new Set(targetPlan.edits.map((edit) => edit.path))].map((path) => changes.get(path)!);
    recordInstall(projectDir, {
      target,
      scope,
      transport: input.launch.transport,
      ...(scope === 'project' ? { installDir } : {}),
      files: targetPlan.edits.map((edit) => ({ path: edit.path, role: edit.role, check: checkFor(edit) })),
    });
    return {
      target,
      scope,
      transport: input.launch.transport,
      files,
      notes: targetPlan.notes,
      changed: files.some((file) => file.action !== 'unchanged'),
    };
  });
}
