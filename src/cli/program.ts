import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { registerAdminCommand } from './commands/admin-command.js';
import { registerConnectionCommand } from './commands/connection-command.js';
import { registerDemoCommand } from './commands/demo-command.js';
import { registerIngestCommand } from './commands/ingest-command.js';
import { registerLlmCommand } from './commands/llm-command.js';
import { registerMcpCommand } from './commands/mcp-command.js';
import { registerScanCommand } from './commands/scan-command.js';
import { registerSearchCommand } from './commands/search-command.js';
import { registerSetupCommand } from './commands/setup-command.js';
import { registerSlCommand } from './commands/sl-command.js';
import { registerSqlCommand } from './commands/sql-command.js';
import { registerStatusCommand } from './commands/status-command.js';
import { registerWikiCommand } from './commands/wiki-command.js';
import type { CliIo } from './io.js';

function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

/** The whole command tree. Commands load the app layer lazily, so building this is cheap. */
export function buildProgram(io: CliIo): Command {
  const program = new Command('ktx')
    .description(
      'Local-first context layer for data agents: semantic layer, wiki and read-only SQL for your warehouse',
    )
    .version(packageVersion(), '-V, --version', 'print the ktx version')
    .option(
      '--project-dir <dir>',
      'project directory (else KTX_PROJECT_DIR, else nearest ktx.yaml upward, else cwd)',
    )
    .option('--json', 'print JSON (same as --output json)')
    .option(
      '--output <mode>',
      'pretty | plain | json (default: KTX_OUTPUT, else pretty on a TTY, plain when piped)',
    )
    .option('--debug', 'print stack traces and diagnostics to stderr')
    .option(
      '--debug-llm-requests <file>',
      'append one redacted JSON line per LLM call to <file> (or KTX_LLM_DEBUG_FILE); never prompt text or keys',
    )
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout(text),
      writeErr: (text) => io.stderr(text),
      outputError: () => {
        // Printed by main() in ktx's own one-line format.
      },
    });
  registerSetupCommand(program, io);
  registerStatusCommand(program, io);
  registerConnectionCommand(program, io);
  registerSqlCommand(program, io);
  registerSlCommand(program, io);
  registerScanCommand(program, io);
  registerIngestCommand(program, io);
  registerWikiCommand(program, io);
  registerSearchCommand(program, io);
  registerLlmCommand(program, io);
  registerMcpCommand(program, io);
  registerDemoCommand(program, io);
  registerAdminCommand(program, io);
  return program;
}
