import type { Command } from 'commander';
import { commandContext } from '../command-context.js';
import type { CliIo } from '../io.js';

type DemoProgress = import('../../app/demo/index.js').DemoProgress;

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/**
 * Demo progress on stderr. A terminal gets one redrawn line per step (spinner, scan phase, elapsed)
 * that turns into a ✓ line with the step's result; piped output gets one plain line per finished step.
 */
function demoProgressPrinter(io: CliIo): (progress: DemoProgress) => void {
  let frame = 0;
  let label = '';
  let lastDraw = 0;
  return (progress) => {
    if (progress.kind === 'step-start') {
      label = progress.label;
      if (io.isTty) io.stderr(`\r\x1b[2K${SPINNER[0]} ${label}…`);
      return;
    }
    if (progress.kind === 'scan') {
      const now = Date.now();
      if (!io.isTty || now - lastDraw < 80) return;
      lastDraw = now;
      frame = (frame + 1) % SPINNER.length;
      const count = progress.total > 1 ? ` ${progress.done}/${progress.total}` : '';
      io.stderr(
        `\r\x1b[2K${SPINNER[frame]} ${label}: ${progress.phase}${count} · ${(progress.elapsedMs / 1000).toFixed(1)}s`,
      );
      return;
    }
    const seconds = `${(progress.elapsedMs / 1000).toFixed(1)}s`;
    io.stderr(
      io.isTty
        ? `\r\x1b[2K✓ ${progress.label}: ${progress.detail} (${seconds})\n`
        : `${progress.step}: ${progress.detail} (${seconds})\n`,
    );
  };
}

interface DemoOptions {
  dir: string;
}

/** `ktx demo [--dir <d>]`: the bundled Brightdock project, built and exercised end to end, offline. */
export function registerDemoCommand(program: Command, io: CliIo): void {
  program
    .command('demo')
    .description(
      'Build the bundled demo project (a B2B SaaS warehouse) and run scan, validation, search and metric queries on it; offline, no LLM',
    )
    .option('--dir <dir>', 'folder to build it in (created; an earlier demo there is refreshed)', 'ktx-demo')
    .action(async (options: DemoOptions, command: Command) => {
      const context = commandContext(command, io);
      const app = { ...(await import('../../app/index.js')), ...(await import('../../app/demo/index.js')) };
      const printer = context.mode === 'json' ? undefined : demoProgressPrinter(io);
      const result = await app.runDemo({
        dir: options.dir,
        cwd: context.location.cwd,
        env: context.location.env,
        ...(printer ? { onProgress: printer } : {}),
      });
      context.emit(result, () => app.renderDemoText(result));
    });
}
