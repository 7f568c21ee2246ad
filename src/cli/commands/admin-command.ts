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
}
