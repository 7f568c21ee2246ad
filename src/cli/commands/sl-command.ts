import type { Command } from 'commander';
import { KtxError } from '../../core/index.js';
import { commandContext } from '../command-context.js';
import type { CliIo } from '../io.js';
import { collect, nonNegativeInteger, positiveInteger } from '../parse-flags.js';
import { renderTable, renderTsv } from '../render-table.js';
import { queryFromFlags, type SlQueryOptions } from './sl-query-flags.js';

const FORMATS = ['json', 'sql', 'table'] as const;

export function registerSlCommand(program: Command, io: CliIo): void {
  const sl = program
    .command('sl')
    .description('Semantic layer: list and read sources, validate them, compile and run metric queries')
    .argument(
      '[query...]',
      'words to search for among sources, measures, segments and columns (ranked, from the search index)',
    )
    .option('--connection-id <id>', 'connection whose semantic layer to use (optional with one connection)')
    .action(async (words: string[], options: { connectionId?: string }, command: Command) => {
      const context = commandContext(command, io);
      const app = { ...(await import('../../app/index.js')), ...(await import('../../app/search/index.js')) };
      const project = app.openProject(context.location);
      const layer = app.loadSemanticLayer(project, app.pickConnectionId(project, options.connectionId));
      const describe = (source: NonNullable<ReturnType<typeof layer.model.sources.get>>) => ({
        name: source.name,
        relation: source.relation.kind === 'table' ? source.relation.path.join('.') : '(sql)',
        columns: source.columns.length,
        measures: source.measures.map((measure) => measure.name),
        description: source.description ?? '',
      });
      const query = words.join(' ').trim();
      if (query) {
        // A filtered view of the search index: ranked sources, measures, segments and columns.
        const result = await app.searchProjectDetailed(project, {
          query,
          kinds: [...app.SEMANTIC_KINDS],
          limit: 20,
          connectionId: layer.connectionId,
        });
        const owners = [...new Set(result.hits.map((hit) => hit.key.split('.')[0] as string))];
        const sources = owners.flatMap((name) => {
          const source = layer.model.sources.get(name);
          return source ? [describe(source)] : [];
        });
        context.emit(
          {
            connectionId: layer.connectionId,
            query,
            hits: result.hits,
            sources,
            diagnostics: layer.diagnostics.length,
          },
          (mode) => {
            const headers = ['KIND', 'KEY', 'SCORE', 'SNIPPET'];
            const rows = result.hits.map((hit) => [hit.kind, hit.key, hit.score, hit.snippet]);
            if (mode === 'plain') return renderTsv(headers, rows);
            return result.hits.length === 0
              ? `Nothing in semantic-layer/${layer.connectionId}/ matches "${query}".`
              : renderTable(headers, rows, 72);
          },
        );
        return;
      }
      const sources = [...layer.model.sources.values()].map(describe);
      context.emit(
        { connectionId: layer.connectionId, sources, diagnostics: layer.diagnostics.length },
        (mode) => {
          const headers = ['SOURCE', 'TABLE', 'COLUMNS', 'MEASURES'];
          const rows = sources.map((source) => [
            source.name,
            source.relation,
            source.columns,
            source.measures.join(', '),
          ]);
          if (mode === 'plain') return renderTsv(headers, rows);
          const warn =
            layer.diagnostics.length > 0
              ? `\n${layer.diagnostics.length} problem(s): run ktx sl validate`
              : '';
          return sources.length === 0
            ? `No sources in semantic-layer/${layer.connectionId}/${warn}`
            : `${renderTable(headers, rows)}${warn}`;
        },
      );
    });

  sl.command('read')
    .description('Print the YAML file that defines a source')
    .argument('<source>', 'source name')
    .action(async (name: string, _options: unknown, command: Command) => {
      const context = commandContext(command, io);
      const app = await import('../../app/index.js');
      const project = app.openProject(context.location);
      const connectionId = app.pickConnectionId(
        project,
        command.parent?.opts<{ connectionId?: string }>().connectionId,
      );
      const layer = app.loadSemanticLayer(project, connectionId);
      const source = app.requireSource(layer, name);
      const file = layer.files.find((each) => each.path === source.file);
      context.emit(
        { connectionId, sourceName: name, file: source.file, yaml: file?.text ?? '' },
        () => file?.text ?? '',
      );
    });

  sl.command('validate')
    .description('Check the semantic layer (all sources, or one); exits 1 when there are errors')
    .argument('[source]', 'only report problems of this source')
    .action(async (name: string | undefined, _options: unknown, command: Command) => {
      const context = commandContext(command, io);
      const app = await import('../../app/index.js');
      const project = app.openProject(context.location);
      const connectionId = app.pickConnectionId(
        project,
        command.parent?.opts<{ connectionId?: string }>().connectionId,
      );
      const layer = app.loadSemanticLayer(project, connectionId);
      if (name) app.requireSource(layer, name);
      const file = name ? layer.model.sources.get(name)?.file : undefined;
      const diagnostics = name
        ? layer.diagnostics.filter((diagnostic) => diagnostic.file === file)
        : layer.diagnostics;
      const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
      context.emit({ connectionId, valid: errors === 0, diagnostics }, () =>
        diagnostics.length === 0
          ? `semantic-layer/${connectionId}: ${layer.model.sources.size} source(s), no problems`
          : diagnostics.map(app.formatDiagnostic).join('\n'),
      );
      if (errors > 0) io.exitCode = 1;
    });

  sl.command('query')
    .description('Compile a metric query to SQL for the connection, and run it read-only with --execute')
    .option(
      '--measure <measure>',
      'source.measure, a bare unique measure name, or an aggregate like sum(orders.amount); repeatable',
      collect,
    )
    .option(
      '--dimension <field>',
      'source.column, with an optional time grain: orders.created_at:month; repeatable',
      collect,
    )
    .option(
      '--filter <sql>',
      'SQL condition over source.column or measure names, e.g. "orders.status = \'paid\'"; repeatable',
      collect,
    )
    .option('--segment <segment>', 'source.segment applied to that source’s measures; repeatable', collect)
    .option('--order-by <field>', 'output name or field, with :asc or :desc; repeatable', collect)
    .option('--limit <n>', 'row limit of the query (default 1000)', nonNegativeInteger)
    .option('--no-include-empty', 'leave out dimension values that have no facts')
    .option('--query-file <file>', 'JSON semantic query (`-` for stdin); flags add to it')
    .option('--format <format>', 'json | sql | table (default: table on a TTY, json with --json)')
    .option('--execute', 'run the SQL on the connection (read-only) and return rows')
    .option('--max-rows <n>', 'row cap when executing (default: the limit, at most 10000)', positiveInteger)
    .action(async (options: SlQueryOptions, command: Command) => {
      const context = commandContext(command, io);
      if (options.format && !(FORMATS as readonly string[]).includes(options.format)) {
        throw new KtxError('invalid_argument', `Unknown --format ${options.format}.`, {
          fix: `Use one of: ${FORMATS.join(', ')}.`,
        });
      }
      const app = await import('../../app/index.js');
      const project = app.openProject(context.location);
      const result = await app.runSemanticQuery({
        project,
        connectionId: command.parent?.opts<{ connectionId?: string }>().connectionId,
        query: queryFromFlags(options),
        execute: Boolean(options.execute),
        maxRows: options.maxRows,
      });
      if (options.format === 'sql') {
        io.stdout(`${result.sql}\n`);
        return;
      }
      if (options.format === 'json') {
        io.stdout(`${JSON.stringify(result, null, 2)}\n`);
        return;
      }
      context.emit(result, (mode) => {
        if (result.plan.execution.mode === 'compile_only')
          return `${result.sql}\n\n(compiled only: add --execute to run it)`;
        if (mode === 'plain') return renderTsv(result.headers, result.rows);
        const notes = result.plan.notes.map((note) => `note: ${note}`).join('\n');
        return `${renderTable(result.headers, result.rows)}\n(${result.totalRows} row${result.totalRows === 1 ? '' : 's'})${notes ? `\n${notes}` : ''}`;
      });
    });
}
