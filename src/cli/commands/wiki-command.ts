import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { type Diagnostic, formatDiagnostic, KtxError } from '../../core/index.js';
import { type CommandContext, commandContext } from '../command-context.js';
import type { CliIo } from '../io.js';
import { positiveInteger } from '../parse-flags.js';
import { renderTable, renderTsv } from '../render-table.js';

interface UserOption {
  user?: string;
}

const USER_FLAG = '--user <id>';
const USER_HELP = 'read as this user: their wiki/user/<id>/ pages override global ones (default: KTX_USER)';

/** `--user` may be given before or after the subcommand name; the later one wins. */
function userFlag(command: Command): string | undefined {
  return command.opts<UserOption>().user ?? command.parent?.opts<UserOption>().user;
}

async function openWiki(context: CommandContext, user: string | undefined) {
  const app = {
    ...(await import('../../app/index.js')),
    ...(await import('../../app/wiki/index.js')),
    ...(await import('../../app/search/index.js')),
  };
  const project = app.openProject(context.location);
  return { app, project, userId: app.resolveWikiReader(project, { user, env: context.io.env }) };
}

/**
 * `ktx wiki <words…>`: the shared search index filtered to wiki pages (the same search as
 * `ktx search --kind wiki`, never a second one).
 */
async function searchWiki(
  context: CommandContext,
  words: string[],
  options: { user?: string; limit?: number },
): Promise<void> {
  const { app, project, userId } = await openWiki(context, options.user);
  const query = words.join(' ').trim();
  const result = await app.searchProjectDetailed(project, {
    query,
    kinds: ['wiki'],
    ...(options.limit ? { limit: options.limit } : {}),
    ...(userId ? { userId } : {}),
  });
  if (result.vectorProblem && context.mode !== 'json') {
    context.io.stderr(`warning: vector search skipped (${result.vectorProblem}); results are lexical only\n`);
  }
  const { hits } = result;
  context.emit(
    {
      query,
      mode: result.mode,
      hits,
      ...(result.vectorProblem ? { vectorProblem: result.vectorProblem } : {}),
    },
    (mode) => {
      const headers = ['KEY', 'TITLE', 'SCORE', 'SNIPPET'];
      const rows = hits.map((hit) => [hit.key, hit.title, Number(hit.score.toFixed(4)), hit.snippet]);
      if (mode === 'plain') return renderTsv(headers, rows);
      return hits.length === 0 ? `No wiki page matches "${query}".` : renderTable(headers, rows);
    },
  );
}

/** Warnings go to stderr so stdout stays the result; JSON mode carries them in the result instead. */
function printWarnings(context: CommandContext, diagnostics: readonly Diagnostic[]): void {
  if (context.mode === 'json') return;
  for (const diagnostic of diagnostics) context.io.stderr(`${formatDiagnostic(diagnostic)}\n`);
}

export function registerWikiCommand(program: Command, io: CliIo): void {
  const wiki = program
    .command('wiki')
    .description('Wiki pages: list, search, read, write, remove and check (wiki/global/, wiki/user/<id>/)')
    .argument(
      '[query...]',
      'words to search for (no words: list pages); a first word that names a subcommand runs it, so use `ktx wiki search <words…>` for those',
    )
    .option(USER_FLAG, USER_HELP)
    .option('--limit <n>', 'number of search results (default 10)', positiveInteger)
    .action(async (words: string[], options: UserOption & { limit?: number }, command: Command) => {
      const context = commandContext(command, io);
      if (words.join('').trim()) return searchWiki(context, words, options);
      const { app, project, userId } = await openWiki(context, options.user);
      const pages = app.listWiki(project, userId ? { userId } : {}).map((page) => ({
        key: page.key,
        scope: page.scope,
        ...(page.userId ? { userId: page.userId } : {}),
        path: page.path,
        title: page.title,
        summary: page.summary ?? '',
        tags: page.tags,
      }));
      context.emit({ ...(userId ? { userId } : {}), pages }, (mode) => {
        const headers = ['KEY', 'SCOPE', 'TITLE', 'SUMMARY'];
        const rows = pages.map((page) => [page.key, page.scope, page.title, page.summary]);
        if (mode === 'plain') return renderTsv(headers, rows);
        return pages.length === 0
          ? 'No wiki pages yet: `ktx wiki write <key> --file page.md` adds one.'
          : renderTable(headers, rows);
      });
    });

  wiki
    .command('search')
    .description('Search wiki pages (the explicit form of `ktx wiki <query…>`, for words like "read")')
    .argument('<query...>', 'words to search for')
    .option(USER_FLAG, USER_HELP)
    .option('--limit <n>', 'number of results (default 10)', positiveInteger)
    .action(async (words: string[], options: { limit?: number }, command: Command) =>
      searchWiki(commandContext(command, io), words, {
        user: userFlag(command),
        limit: options.limit ?? command.parent?.opts<{ limit?: number }>().limit,
      }),
    );

  wiki
    .command('read')
    .description('Print a page (the user’s page when one overrides the global page)')
    .argument('<key>', 'page key, e.g. metrics/net-revenue-retention')
    .option(USER_FLAG, USER_HELP)
    .action(async (key: string, _options: UserOption, command: Command) => {
      const context = commandContext(command, io);
      const { app, project, userId } = await openWiki(context, userFlag(command));
      const page = app.readWiki(project, key, userId ? { userId } : {});
      context.emit(page, () => page.text);
    });

  wiki
    .command('write')
    .description('Validate a page and write it atomically (global, or the user’s with --user)')
    .argument('<key>', 'page key; folders are created, e.g. metrics/net-revenue-retention')
    .option('--file <file>', 'Markdown file with YAML front matter')
    .option('--stdin', 'read the page from standard input')
    .option('--user <id>', 'write wiki/user/<id>/<key>.md instead of wiki/global/<key>.md')
    .action(
      async (key: string, options: UserOption & { file?: string; stdin?: boolean }, command: Command) => {
        const context = commandContext(command, io);
        if (options.file !== undefined && options.stdin) {
          throw new KtxError('usage', 'Pass --file or --stdin, not both.', { fix: 'Drop one of them.' });
        }
        if (options.file === undefined && !options.stdin) {
          throw new KtxError('missing_input', 'No page text given.', {
            fix: 'Pass --file <page.md>, or --stdin and pipe the page in.',
          });
        }
        const text = options.stdin ? readFileSync(0, 'utf8') : readPageFile(resolve(io.cwd, options.file!));
        const app = {
          ...(await import('../../app/index.js')),
          ...(await import('../../app/wiki/index.js')),
          ...(await import('../../app/search/index.js')),
        };
        const project = app.openProject(context.location);
        const userId = userFlag(command);
        // A global write that the reader's own overlay hides would look like it did nothing.
        const reader = userId === undefined ? io.env.KTX_USER?.trim() || undefined : undefined;
        const result = app.writeWiki(project, key, text, {
          ...(userId !== undefined ? { userId } : {}),
          ...(reader ? { shadowedFor: reader } : {}),
        });
        printWarnings(context, result.diagnostics);
        context.emit(
          {
            key: result.page.key,
            scope: result.page.scope,
            ...(result.page.userId ? { userId: result.page.userId } : {}),
            path: result.page.path,
            created: result.created,
            contentHash: result.page.contentHash,
            diagnostics: result.diagnostics,
          },
          () => `${result.created ? 'created' : 'updated'} ${result.page.path}`,
        );
      },
    );

  wiki
    .command('remove')
    .description('Delete a page (the global one, or the user’s with --user)')
    .argument('<key>', 'page key')
    .option('--user <id>', 'remove wiki/user/<id>/<key>.md instead of the global page')
    .action(async (key: string, _options: UserOption, command: Command) => {
      const context = commandContext(command, io);
      const app = {
        ...(await import('../../app/index.js')),
        ...(await import('../../app/wiki/index.js')),
        ...(await import('../../app/search/index.js')),
      };
      const project = app.openProject(context.location);
      const user = userFlag(command);
      // Same rule as reading: an explicit user must exist.
      const userId = user === undefined ? undefined : app.resolveWikiReader(project, { user });
      const removed = app.removeWiki(project, key, userId ? { userId } : {});
      context.emit(
        { key, ...(userId ? { userId } : {}), path: removed.path, removed: true },
        () => `removed ${removed.path}`,
      );
    });

  wiki
    .command('check')
    .description(
      'Check every page: front matter, refs to missing pages, sl_refs to missing sources or measures; exits 1 on errors',
    )
    .action(async (_options: unknown, command: Command) => {
      const context = commandContext(command, io);
      const app = {
        ...(await import('../../app/index.js')),
        ...(await import('../../app/wiki/index.js')),
        ...(await import('../../app/search/index.js')),
      };
      const project = app.openProject(context.location);
      const report = app.checkProjectWiki(project);
      context.emit(report, () => {
        const lines = report.diagnostics.map(formatDiagnostic);
        const errors = report.diagnostics.filter((d) => d.severity === 'error').length;
        const warnings = report.diagnostics.filter((d) => d.severity === 'warning').length;
        lines.push(
          `${report.pages} page(s): ${errors} error(s), ${warnings} warning(s)${report.slRefsChecked ? '' : ' (sl_refs not checked: no connection configured)'}`,
        );
        return lines.join('\n');
      });
      if (!report.valid) io.exitCode = 1;
    });
}

function readPageFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new KtxError(
      'invalid_argument',
      `Cannot read --file ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}.`,
      {
        fix: 'Pass the path of an existing Markdown file.',
      },
    );
  }
}
