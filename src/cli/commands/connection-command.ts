import type { Command } from 'commander';
import { commandContext } from '../command-context.js';
import type { CliIo } from '../io.js';
import { renderTable, renderTsv } from '../render-table.js';

export function registerConnectionCommand(program: Command, io: CliIo): void {
  const connection = program.command('connection').description('List and test warehouse connections');

  const list = async (_options: unknown, command: Command): Promise<void> => {
    const context = commandContext(command, io);
    const app = await import('../../app/index.js');
    const project = app.openProject(context.location);
    const rows = Object.entries(project.config.connections).map(([id, entry]) => ({
      id,
      driver: entry.driver,
      target: app.describeConnectionTarget(entry),
      schemas: app.connectionSchemas(entry) ?? [],
    }));
    context.emit({ connections: rows }, (mode) => {
      const headers = ['ID', 'DRIVER', 'TARGET', 'SCHEMAS'];
      const cells = rows.map((row) => [row.id, row.driver, row.target, row.schemas.join(',')]);
      if (mode === 'plain') return renderTsv(headers, cells);
      return rows.length === 0
        ? 'No connections. Add one: ktx setup --database <driver> --database-url <url>'
        : renderTable(headers, cells);
    });
  };
  connection.action(list);
  connection.command('list').description('List configured connections (default)').action(list);

  connection
    .command('test')
    .description('Connect for real and run a trivial query; exits 1 if any connection fails')
    .argument('[id]', 'connection id (default: all)')
    .option('--all', 'test every connection')
    .action(async (id: string | undefined, options: { all?: boolean }, command: Command) => {
      const context = commandContext(command, io);
      const app = await import('../../app/index.js');
      const project = app.openProject(context.location);
      const ids = app.pickConnectionIds(project, id, options.all);
      const results = await app.testConnections(project, ids);
      context.emit({ results }, () =>
        results
          .map((result) =>
            result.ok
              ? `✓ ${result.connectionId} (${result.driver}) ${result.serverVersion} — ${result.latencyMs} ms`
              : `✗ ${result.connectionId} (${result.driver}) ${result.error?.message}${result.error?.fix ? `\n    fix: ${result.error.fix}` : ''}`,
          )
          .join('\n'),
      );
      if (results.some((result) => !result.ok)) io.exitCode = 1;
    });
}
