import type { Command } from 'commander';
import { commandContext } from '../command-context.js';
import type { CliIo } from '../io.js';

export function registerScanCommand(program: Command, io: CliIo): void {
  program
    .command('scan')
    .description(
      'Read a connection’s catalog (tables, columns, keys, declared foreign keys) into semantic-layer/<id>/_schema/',
    )
    .argument('[id]', 'connection id (default: every connection)')
    .option('--all', 'scan every connection')
    .action(async (id: string | undefined, options: { all?: boolean }, command: Command) => {
      const context = commandContext(command, io);
      const app = await import('../../app/index.js');
      const project = app.openProject(context.location);
      const ids = app.pickConnectionIds(project, id, options.all);
      const reports = await app.scanProject(project, ids, (current, index) => {
        if (context.mode !== 'json') io.stderr(`scanning ${current} (${index + 1}/${ids.length})…\n`);
      });
      context.emit({ reports }, () =>
        reports
          .map(
            (report) =>
              `${report.connectionId}: ${report.tables} table(s), ${report.views} view(s), ${report.columns} column(s), ${report.foreignKeys} declared foreign key(s) in ${report.elapsedMs} ms\n  ${report.manifests.join('\n  ')}`,
          )
          .join('\n'),
      );
    });
}
