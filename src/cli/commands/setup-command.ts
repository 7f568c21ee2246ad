import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { SetupResult } from '../../app/index.js';
import { commandContext } from '../command-context.js';
import type { CliIo } from '../io.js';
import { collect } from '../parse-flags.js';
import { setupInputFromFlags } from './setup-input.js';
import type { SetupOptions } from './setup-options.js';
import { completeOptionsInteractively } from './setup-wizard.js';

function renderSetup(result: SetupResult): string {
  const lines = [
    `Project: ${result.projectDir} (${result.project.created ? 'created' : 'existing'}${result.project.git === 'initialised' ? ', new git repo' : ''})`,
  ];
  if (result.connection) {
    const test = result.connection.test;
    lines.push(
      `Connection ${result.connection.id} (${result.connection.driver}) ${result.connection.action}${test?.ok ? `: ${test.serverVersion}, ${test.latencyMs} ms` : ' (not tested)'}`,
    );
    if (result.connection.secretStored)
      lines.push(
        `  the URL holds a password, so it was stored in .ktx/secrets/${result.connection.id}-url (0600)`,
      );
  }
  if (result.llm)
    lines.push(
      `LLM backend: ${result.llm.backend}${result.llm.model ? ` (${result.llm.model})` : ''}${result.llm.probe ? `: probe answered by ${result.llm.probe.model} in ${result.llm.probe.ms} ms` : result.llm.backend === 'none' ? '' : ' (not tested)'}`,
    );
  if (result.embeddings) lines.push(`Embeddings: ${result.embeddings.backend}`);
  lines.push('', 'Next: ktx status · ktx connection test --all · ktx sql "select 1"');
  return lines.join('\n');
}

function agentFlags(raw: SetupOptions) {
  return {
    targets: raw.target ?? [],
    global: raw.global,
    local: raw.local,
    installDir: raw.installDir,
    transport: raw.transport,
  };
}

export function registerSetupCommand(program: Command, io: CliIo): void {
  program
    .command('setup')
    .description('Create or update a project: connections, LLM and embedding backends')
    .option('--database <driver>', 'warehouse driver: sqlite, duckdb, postgres, mysql')
    .option(
      '--database-connection-id <id>',
      'connection id (default: the driver name); re-using an id updates it',
    )
    .option(
      '--database-url <url>',
      'URL, file path, env:NAME or file:PATH; a literal password moves to .ktx/secrets/',
    )
    .option('--database-schema <schema>', 'schema (MySQL: database) to scope to; repeatable', collect)
    .option(
      '--llm-backend <backend>',
      'none, anthropic, vertex, gateway, openai, openai-compatible, claude-code, codex',
    )
    .option(
      '--llm-model <model>',
      'default model: sonnet|opus|haiku or claude-* (claude-code), gpt-5.5 (codex), …',
    )
    .option('--llm-base-url <url>', 'API endpoint for the LLM backend (required for openai-compatible)')
    .option('--llm-api-key-env <name>', 'env var holding the LLM API key (stored as env:NAME)')
    .option('--llm-api-key-file <path>', 'file holding the LLM API key (stored as file:PATH)')
    .option('--anthropic-api-key-env <name>', 'anthropic backend: env var holding the key')
    .option('--anthropic-api-key-file <path>', 'anthropic backend: file holding the key')
    .option(
      '--openai-base-url <url>',
      'openai / openai-compatible backend: endpoint (Ollama, vLLM, LM Studio…)',
    )
    .option('--openai-api-key-env <name>', 'openai / openai-compatible backend: env var holding the key')
    .option('--openai-api-key-file <path>', 'openai / openai-compatible backend: file holding the key')
    .option('--vertex-project <id>', 'vertex backend: Google Cloud project (or env:NAME)')
    .option('--vertex-location <region>', 'vertex backend: region, e.g. us-east5')
    .option('--embedding-backend <backend>', 'none, openai, openai-compatible, local')
    .option('--embedding-model <model>', 'embedding model')
    .option('--skip-llm', 'leave the LLM configuration as it is')
    .option('--skip-embeddings', 'leave the embedding configuration as it is')
    .option('--skip-databases', 'leave connections as they are')
    .option('--skip-test', 'write the connection and LLM settings without testing them')
    .option('--no-input', 'never prompt; fail naming the missing flag')
    .option('--yes', 'accept defaults without asking')
    .option('--agents', 'only configure agent clients to use ktx (MCP server + workflow skill)')
    .option(
      '--target <client>',
      'with --agents: claude-code, claude-desktop, codex, cursor, opencode, universal; repeatable',
      collect,
    )
    .option('--global', 'with --agents: write the user-level config (claude-code, codex, cursor, opencode)')
    .option('--local', 'with --agents: Claude Code private entry for this project in ~/.claude.json')
    .option(
      '--install-dir <dir>',
      'with --agents: where project-scoped agent files go (default: the project)',
    )
    .option(
      '--transport <transport>',
      'with --agents: stdio (client starts ktx, default) or http (ktx mcp start daemon)',
    )
    .action(async (raw: SetupOptions, command: Command) => {
      const context = commandContext(command, io);
      const app = await import('../../app/index.js');
      if (raw.agents) {
        const { renderSetupAgents } = await import('./setup-agents-render.js');
        const agents = await import('../../app/agents/index.js');
        const result = agents.setupAgents({ ...context.location, ...agentFlags(raw) });
        context.emit(result, () => renderSetupAgents(result));
        return;
      }
      const discovered = app.discoverProject({ flag: context.location.projectDir, env: io.env, cwd: io.cwd });
      const projectDir = resolve(discovered.dir);
      const catalogues = {
        drivers: app.WAREHOUSE_DRIVERS,
        llmBackends: app.LLM_BACKENDS,
        embeddingBackends: app.EMBEDDING_BACKENDS,
        inferDriver: app.inferDriver,
      };
      const interactive = raw.input && !raw.yes && io.isTty && context.mode !== 'json';
      const options = interactive
        ? await completeOptionsInteractively(raw, app.WAREHOUSE_DRIVERS, app.LLM_BACKENDS)
        : raw;
      const input = setupInputFromFlags(options, { projectDir, cwd: io.cwd }, catalogues);
      const result = await app.setupProject({ ...input, env: io.env });
      context.emit(result, () => renderSetup(result));
    });
}
