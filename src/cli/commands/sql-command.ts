import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { commandContext } from '../command-context.js';
import type { CliIo } from '../io.js';
import { positiveInteger } from '../parse-flags.js';
import { renderTable, renderTsv } from '../render-table.js';

interface SqlOptions {
  connectionId?: string;
  connection?: string;
  maxRows?: number;
  timeoutMs?: number;
}

export function registerSqlCommand(program: Command, io: CliIo): void {
  program
    .command('sql')
    .description('Run one read-only SQL statement (refused unless provably read-only)')
    .argument('<sql...>', 'the statement, quoted; `-` reads it from stdin')
    .option('-c, --connection-id <id>', 'connection to query (optional when only one is configured)')
    .option('--connection <id>', 'alias of --connection-id')
    .option('--max-rows <n>', 'row cap, 1–10000 (default 1000)', positiveInteger)
    .option(
      '--timeout-ms <ms>',
      'statement timeout (default: the connection’s query_timeout_ms, else 30000)',
      positiveInteger,
    )
    .action(async (parts: string[], options: SqlOptions, command: Command) => {
      const context = commandContext(command, io);
      const app = await import('../../app/index.js');
      const sql = parts.length === 1 && parts[0] === '-' ? readFileSync(0, 'utf8') : parts.join(' ');
      const project = app.openProject(context.location);
      const result = await app.runSql({
        project,
        connectionId: options.connectionId ?? options.connection,
        sql,
        maxRows: options.maxRows,
        timeoutMs: options.timeoutMs,
      });
      context.emit(result, (mode) => {
        if (mode === 'plain') return renderTsv(result.headers, result.rows);
        const footer = `(${result.rowCount} row${result.rowCount === 1 ? '' : 's'}${result.truncated ? `, truncated at --max-rows ${result.rowCount}` : ''}, ${result.elapsedMs} ms)`;
        return `${renderTable(result.headers, result.rows)}\n${footer}`;
      });
      if (result.truncated && context.mode === 'plain')
        io.stderr(`ktx: result truncated at ${result.rowCount} rows\n`);
    });
}
