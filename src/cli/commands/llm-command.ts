import type { Command } from 'commander';
import type { TestLlmResult } from '../../app/llm/index.js';
import { commandContext } from '../command-context.js';
import type { CliIo } from '../io.js';

function tokens(usage: { inputTokens?: number; outputTokens?: number }): string {
  if (usage.inputTokens === undefined && usage.outputTokens === undefined) return 'usage not reported';
  return `${usage.inputTokens ?? '?'} in / ${usage.outputTokens ?? '?'} out tokens`;
}

function renderTest(result: TestLlmResult): string {
  const lines = [`LLM ${result.backend}, role ${result.role} → ${result.model}`];
  const probe = result.probe;
  lines.push(
    probe.ok
      ? `  ✓ probe answered in ${probe.ms} ms`
      : `  ✗ probe failed after ${probe.ms} ms (${probe.error?.code}): ${probe.error?.message}${probe.error?.fix ? `\n      fix: ${probe.error.fix}` : ''}`,
  );
  const loop = result.loop;
  if (loop) {
    lines.push(
      loop.ok
        ? `  ✓ tool loop: ${loop.toolCalls} tool call(s), ${loop.steps} step(s), ${loop.totalMs} ms, ${tokens(loop.usage)}`
        : `  ✗ tool loop stopped with ${loop.stopReason} after ${loop.toolCalls} tool call(s)${loop.error ? ` (${loop.error.code}): ${loop.error.message}${loop.error.fix ? `\n      fix: ${loop.error.fix}` : ''}` : ''}`,
    );
  }
  return lines.join('\n');
}

export function registerLlmCommand(program: Command, io: CliIo): void {
  const llm = program.command('llm').description('Check the configured LLM backend');
  llm
    .command('test')
    .description('Run the status probe and one tool-using loop against the configured backend')
    .option(
      '--role <role>',
      'model role to test (default, triage, candidateExtraction, curator, reconcile, repair)',
    )
    .action(async (options: { role?: string }, command: Command) => {
      const context = commandContext(command, io);
      const app = { ...(await import('../../app/index.js')), ...(await import('../../app/llm/index.js')) };
      const project = app.openProject(context.location);
      const role = app.parseModelRole(options.role);
      const controller = new AbortController();
      const onSigint = () => controller.abort();
      process.once('SIGINT', onSigint);
      try {
        const result = await app.testLlm(project, {
          role,
          env: io.env,
          signal: controller.signal,
          ...(context.llmDebugFile ? { debugFile: context.llmDebugFile } : {}),
        });
        context.emit(result, () => renderTest(result));
        if (!result.probe.ok || !result.loop?.ok) io.exitCode = 1;
      } finally {
        process.off('SIGINT', onSigint);
      }
    });
}
