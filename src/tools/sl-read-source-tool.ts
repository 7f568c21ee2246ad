import { z } from 'zod';
import { didYouMean, KtxError } from '../core/index.js';
import { defineTool } from './ktx-tool.js';
import { resolveConnection } from './resolve-connection.js';
import { capMarkdown, code } from './tool-text.js';

export const slReadSourceTool = defineTool({
  name: 'sl_read_source',
  description: [
    'Read the YAML file that defines a semantic-layer source: its table or SQL, grain, columns, joins,',
    'measures (with their exact expressions and filters) and segments, as the team wrote them. Use it to',
    'check what an approved measure really computes before reporting a number.',
    'Example: sl_read_source {"sourceName": "orders"}',
  ].join(' '),
  inputSchema: z.object({
    sourceName: z.string().trim().min(1),
    connectionId: z.string().optional(),
  }),
  annotations: {
    title: 'Read a semantic source',
    readOnlyHint: true,
    idempotentHint: true,
    openWorldHint: false,
  },
  async execute(input, context) {
    const connection = resolveConnection(context, input.connectionId);
    const layer = await context.semanticLayer(connection.id);
    const name =
      input.sourceName.includes('.') && !layer.model.sources.has(input.sourceName)
        ? input.sourceName.split('.')[0]!
        : input.sourceName;
    const source = layer.model.sources.get(name);
    if (!source) {
      throw new KtxError(
        'semantic_query_invalid',
        `No source ${code(input.sourceName)} in semantic-layer/${connection.id}/${didYouMean(input.sourceName, layer.model.sources.keys())}.`,
        { fix: 'Call discover_data or entity_details to find the source name.' },
      );
    }
    const file = layer.files.find((each) => each.path === source.file);
    const yaml = file?.text ?? '';
    const problems = layer.diagnostics.filter(
      (diagnostic) => diagnostic.file === source.file && diagnostic.severity === 'error',
    );
    const markdown = [
      `Source ${code(source.name)} is defined in ${code(source.file ?? '(unknown file)')}:`,
      '',
      '```yaml',
      yaml.trimEnd(),
      '```',
      ...(problems.length
        ? [
            '',
            `${problems.length} validation error(s) in this file: ${problems.map((p) => p.message).join('; ')}`,
          ]
        : []),
    ].join('\n');
    return {
      markdown: capMarkdown(markdown),
      structured: { connectionId: connection.id, sourceName: source.name, file: source.file ?? null, yaml },
    };
  },
});
