import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { runScanCommand, type ScanOptions, withScanOptions } from './scan-command.js';

/**
 * `ktx ingest [<id>|--all]`. For a database connection, ingesting is scanning: the same run, flags
 * and output as `ktx scan`. Context sources (dbt, BI tools, documents) and memory capture
 * (`--text`/`--file`) will join this command as they land.
 */
export function registerIngestCommand(program: Command, io: CliIo): void {
  withScanOptions(
    program
      .command('ingest')
      .description(
        'Ingest a source into the project; for a database connection this is `ktx scan <id>` (catalog, profiles, joins, descriptions)',
      )
      .argument('[id]', 'connection id (default: every connection)'),
  ).action((id: string | undefined, options: ScanOptions, command: Command) =>
    runScanCommand(io, command, id, options),
  );
}
