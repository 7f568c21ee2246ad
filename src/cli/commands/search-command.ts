import type { Command } from 'commander';
import { KtxError } from '../../core/index.js';
import { commandContext } from '../command-context.js';
import type { CliIo } from '../io.js';
import { collect, positiveInteger } from '../parse-flags.js';
import { renderTable, renderTsv } from '../render-table.js';

interface SearchOptions {
  kind?: string[];
  limit?: number;
  user?: string;
  connectionId?: string;
}

/** `--kind a,b --kind c` → [a, b, c]. */
function kindsOf(values: string[] | undefined): string[] | undefined {
  const kinds = (values ?? [])
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
  return kinds.length > 0 ? kinds : undefined;
}

/** `ktx search <query…>`: wiki pages, semantic layer and sampled values from one persistent index. */
export function registerSearchCommand(program: Command, io: CliIo): void {
  program
    .command('search')
    .description('Search wiki pages, the semantic layer and sampled column values together')
    .argument('<query...>', 'words to search for')
    .option(
      '--kind <kind>',
      'only these kinds: wiki, source, measure, dimension, segment, column, value; repeatable or comma-separated',
      collect,
    )
    .option('--limit <n>', 'number of results (default 10)', positiveInteger)
    .option('--connection-id <id>', 'only semantic-layer and value results of this connection')
    .option('--user <id>', 'search as this user: their wiki/user/<id>/ pages too (default: KTX_USER)')
    .action(async (words: string[], options: SearchOptions, command: Command) => {
      const context = commandContext(command, io);
      const query = words.join(' ').trim();
      if (!query) {
        throw new KtxError('search_query_invalid', 'The search query is empty.', {
          fix: 'Give some words to search for, e.g. `ktx search net revenue retention`.',
        });
      }
      const app = {
        ...(await import('../../app/index.js')),
        ...(await import('../../app/search/index.js')),
        ...(await import('../../app/wiki/index.js')),
      };
      const project = app.openProject(context.location);
      const kinds = kindsOf(options.kind);
      for (const kind of kinds ?? []) {
        if (!(app.SEARCH_KINDS as readonly string[]).includes(kind)) {
          throw new KtxError('invalid_argument', `Unknown --kind ${kind}.`, {
            fix: `Use one of: ${app.SEARCH_KINDS.join(', ')}.`,
          });
        }
      }
      const userId = app.resolveWikiReader(project, { user: options.user, env: context.io.env });
      const result = await app.searchProjectDetailed(project, {
        query,
        ...(kinds ? { kinds: kinds as (typeof app.SEARCH_KINDS)[number][] } : {}),
        ...(options.limit ? { limit: options.limit } : {}),
        ...(userId ? { userId } : {}),
        ...(options.connectionId ? { connectionId: options.connectionId } : {}),
      });
      if (result.vectorProblem && context.mode !== 'json') {
        io.stderr(`warning: vector search skipped (${result.vectorProblem}); results are lexical only\n`);
      }
      if (context.debug) {
        const { sync } = result;
        io.stderr(
          `search: ${result.mode}; sync ${sync.elapsedMs.toFixed(1)} ms, ${sync.changedOrigins} changed / ${sync.removedOrigins} removed origin(s), ${sync.inserted + sync.updated} document(s) written, ${sync.embedded} embedded\n`,
        );
      }
      context.emit(
        {
          query,
          mode: result.mode,
          hits: result.hits,
          ...(result.vectorProblem ? { vectorProblem: result.vectorProblem } : {}),
        },
        (mode) => {
          const headers = ['KIND', 'KEY', 'SCORE', 'SNIPPET'];
          const rows = result.hits.map((hit) => [
            hit.kind,
            hit.connectionId && Object.keys(project.config.connections).length > 1
              ? `${hit.connectionId}/${hit.key}`
              : hit.key,
            hit.score,
            hit.snippet,
          ]);
          if (mode === 'plain') return renderTsv(headers, rows);
          return result.hits.length === 0 ? `Nothing matches "${query}".` : renderTable(headers, rows, 72);
        },
      );
    });
}
