import type { Command } from 'commander';
import { commandContext } from '../command-context.js';
import type { CliIo } from '../io.js';

interface Progress {
  connectionId: string;
  phase: string;
  done: number;
  total: number;
  elapsedMs: number;
}

const UNITS: Record<string, string> = { profile: 'tables', relationships: 'candidates', describe: 'tables' };

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}

/**
 * Scan progress on stderr. On a terminal one line is redrawn in place (phase, done/total, elapsed);
 * when piped, a plain line when a phase starts and when it ends, so logs stay short and greppable.
 */
function scanProgressPrinter(io: CliIo): (progress: Progress) => void {
  let lastPhase = '';
  let lastDraw = 0;
  return (progress) => {
    const unit = UNITS[progress.phase];
    const count = unit ? ` ${progress.done}/${progress.total} ${unit}` : '';
    const text = `${progress.connectionId}: ${progress.phase}${count} · ${seconds(progress.elapsedMs)}`;
    const finished = progress.done >= progress.total;
    if (io.isTty) {
      const now = Date.now();
      if (!finished && progress.phase === lastPhase && now - lastDraw < 80) return;
      lastDraw = now;
      lastPhase = progress.phase;
      io.stderr(`\r\x1b[2K${text}${finished && progress.phase === 'write' ? '\n' : ''}`);
      return;
    }
    if (progress.phase !== lastPhase) {
      lastPhase = progress.phase;
      if (!finished) io.stderr(`${progress.connectionId}: ${progress.phase}…\n`);
    }
    if (finished) io.stderr(`${text}\n`);
  };
}

export interface ScanOptions {
  all?: boolean;
  full?: boolean;
  enrich?: boolean;
}

type ScanReports = Awaited<ReturnType<Awaited<typeof import('../../app/index.js')>['scanProject']>>;

function descriptionLine(report: ScanReports[number]): string {
  const described = report.descriptions;
  const failures = described.failures.map(
    (failure) => `\n  description failed: ${failure.schema}.${failure.table}: ${failure.message}`,
  );
  const skipped = described.skipped ? ` (no new ones: ${described.skipped})` : '';
  return `  descriptions: ${described.generated} generated (${described.calls} model calls), ${described.reused} unchanged${skipped}${failures.join('')}\n`;
}

/** Adds the scan flags; `ktx scan` and `ktx ingest` (for a database) share them. */
export function withScanOptions(command: Command): Command {
  return command
    .option('--all', 'scan every connection')
    .option('--full', 're-profile and re-describe every table, even those unchanged since the last scan')
    .option('--no-enrich', 'skip LLM descriptions even when an LLM backend is configured');
}

/** The scan action: `ktx scan [<id>|--all]`, also run by `ktx ingest <database-id>`. */
export async function runScanCommand(
  io: CliIo,
  command: Command,
  id: string | undefined,
  options: ScanOptions,
): Promise<void> {
  const context = commandContext(command, io);
  const app = await import('../../app/index.js');
  const project = app.openProject(context.location);
  const ids = app.pickConnectionIds(project, id, options.all);
  const printer = context.mode === 'json' ? undefined : scanProgressPrinter(io);
  const reports = await app.scanProject(project, ids, {
    full: options.full === true,
    enrich: options.enrich !== false,
    env: context.location.env,
    ...(context.llmDebugFile ? { llmDebugFile: context.llmDebugFile } : {}),
    ...(printer ? { onProgress: printer } : {}),
  });
  context.emit({ reports }, () =>
    reports
      .map((report) => {
        const found = report.relationships;
        const failures = report.profileFailures.map(
          (failure) => `\n  profile failed: ${failure.schema}.${failure.table}: ${failure.message}`,
        );
        return (
          `${report.connectionId}: ${report.tables} table(s), ${report.views} view(s), ${report.columns} column(s) in ${report.elapsedMs} ms\n` +
          `  profiles: ${report.profiled} sampled, ${report.reused} unchanged${failures.join('')}\n` +
          `  joins: ${found.formal} declared, ${found.inferred} discovered, ${found.review} to review (${found.queries} validation queries); keys: ${found.primaryKeys.declared} declared, ${found.primaryKeys.inferred} inferred\n` +
          descriptionLine(report) +
          `  evidence: ${report.evidence}/relationships.json\n  ${report.manifests.join('\n  ')}`
        );
      })
      .join('\n'),
  );
}

export function registerScanCommand(program: Command, io: CliIo): void {
  withScanOptions(
    program
      .command('scan')
      .description(
        'Scan a connection: catalog, column profiles on a random sample, joins (declared and discovered), LLM descriptions when configured → semantic-layer/<id>/_schema/',
      )
      .argument('[id]', 'connection id (default: every connection)'),
  ).action((id: string | undefined, options: ScanOptions, command: Command) =>
    runScanCommand(io, command, id, options),
  );
}
