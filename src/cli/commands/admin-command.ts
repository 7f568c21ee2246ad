import type { Command } from 'commander';
import { commandContext } from '../command-context.js';
import type { CliIo } from '../io.js';

export function registerAdminCommand(program: Command, io: CliIo): void {
  const admin = program.command('admin').description('Maintenance commands');
  admin
    .command('schema')
    .description('Print the JSON Schema of ktx.yaml (for editors and agents); works outside a project')
    .option('--out <file>', 'write it to a file instead of stdout')
    .action(async (options: { out?: string }, command: Command) => {
      const context = commandContext(command, io);
      const { z } = await import('zod');
      const app = await import('../../app/index.js');
      const schema = z.toJSONSchema(app.ktxConfigSchema, { io: 'input', unrepresentable: 'any' });
      const text = `${JSON.stringify({ title: 'ktx.yaml', ...schema }, null, 2)}\n`;
      if (options.out) {
        app.writeFileAtomic(options.out, text);
        if (context.mode !== 'json') io.stderr(`wrote ${options.out}\n`);
      } else io.stdout(text);
    });
  admin
    .command('reindex')
    .description('Rebuild the search index (.ktx/search.sqlite) from wiki pages, semantic layer and scans')
    .action(async (_options: unknown, command: Command) => {
      const context = commandContext(command, io);
      const app = { ...(await import('../../app/index.js')), ...(await import('../../app/search/index.js')) };
      const project = app.openProject(context.location);
      const result = await app.reindexProject(project);
      if (result.embeddingProblem && context.mode !== 'json') {
        io.stderr(`warning: no vectors built (${result.embeddingProblem}); search runs lexical only\n`);
      }
      context.emit(
        {
          documents: result.documents,
          vectors: result.vectors,
          byKind: result.byKind,
          elapsedMs: Math.round(result.sync.elapsedMs),
          ...(result.embeddingProblem ? { embeddingProblem: result.embeddingProblem } : {}),
        },
        () =>
          `indexed ${result.documents} document(s) (${Object.entries(result.byKind)
            .map(([kind, n]) => `${n} ${kind}`)
            .join(', ')}), ${result.vectors} vector(s) in ${Math.round(result.sync.elapsedMs)} ms`,
      );
    });
}
