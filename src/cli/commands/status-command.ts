import type { Command } from 'commander';
import type { CheckResult, StatusReport } from '../../app/index.js';
import { commandContext } from '../command-context.js';
import type { CliIo } from '../io.js';

const SYMBOL: Record<CheckResult['level'], string> = { ok: '✓', warn: '!', fail: '✗', skip: '-' };
const AREA_TITLE: Record<CheckResult['area'], string> = {
  config: 'Config',
  connections: 'Connections',
  llm: 'LLM',
  embeddings: 'Embeddings',
  context: 'Context',
  agents: 'Agents',
};
const VERDICT: Record<StatusReport['verdict'], string> = {
  ready: 'Ready.',
  partial: 'Partially ready: see the warnings above.',
  blocked: 'Blocked: fix the failures above.',
};

function renderStatus(report: StatusReport, verbose: boolean): string {
  const lines = [`Project: ${report.project}`];
  let area = '';
  for (const check of report.checks) {
    if (check.area !== area) {
      area = check.area;
      lines.push('', AREA_TITLE[check.area]);
    }
    lines.push(`  ${SYMBOL[check.level]} ${check.message}`);
    if (check.fix && check.level !== 'ok') lines.push(`      fix: ${check.fix}`);
    if (verbose && check.details) lines.push(`      ${JSON.stringify(check.details)}`);
  }
  lines.push('', VERDICT[report.verdict]);
  return lines.join('\n');
}

export function registerStatusCommand(program: Command, io: CliIo): void {
  program
    .command('status')
    .description('Check the project: config, live connections, LLM and embeddings, built context')
    .option('--fast', 'skip live probes (no database or network round trips)')
    .option('--validate', 'only validate ktx.yaml')
    .option('-v, --verbose', 'show details for every check')
    .action(async (options: { fast?: boolean; validate?: boolean; verbose?: boolean }, command: Command) => {
      const context = commandContext(command, io);
      const app = await import('../../app/index.js');
      const report = await app.projectStatus({
        ...context.location,
        fast: options.fast,
        validateOnly: options.validate,
      });
      context.emit(report, () => renderStatus(report, Boolean(options.verbose)));
      if (report.verdict === 'blocked') io.exitCode = 1;
    });
}
