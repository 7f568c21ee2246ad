import type { Command } from 'commander';
import { KtxError } from '../../core/index.js';
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
      if (id && options.all)
        throw new KtxError('usage', 'Pass a connection id or --all, not both.', { fix: 'Drop one of them.' });
      const app = await import('../../app/index.js');
      const project = app.openProject(context.location);
      const ids = id ? [id] : Object.keys(project.config.connections);
      if (ids.length === 0) {
        throw new KtxError('connection_unknown', 'No connections are configured.', {
          fix: 'Add one with `ktx setup --database <driver> --database-url <url>`.',
        });
      }
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
