import type { CellValue } from '../../connectors/port.js';
import type { DemoColumnFormat } from './demo-queries.js';
import type { DemoQueryResult, DemoResult } from './run-demo.js';

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** One result cell as the demo prints it (results keep full precision in JSON). */
export function formatDemoCell(value: CellValue | undefined, format: DemoColumnFormat | undefined): string {
  if (value === null || value === undefined) return '–';
  const number = Number(value);
  const text = String(value);
  switch (format) {
    case 'usd':
      return usd.format(number);
    case 'percent':
      return `${(number * 100).toFixed(Math.abs(number) >= 0.1 ? 1 : 2)}%`;
    case 'number':
      return count.format(number);
    case 'hours':
      return `${number.toFixed(1)} h`;
    case 'month':
      return text.slice(0, 7);
    case 'quarter':
      return `${text.slice(0, 4)}-Q${Math.floor((Number(text.slice(5, 7)) - 1) / 3) + 1}`;
    default:
      return text;
  }
}

/** Columns padded to one width; numbers (`right[column]`) are right-aligned. */
function align(rows: string[][], indent: string, right: readonly boolean[] = []): string[] {
  if (rows.length === 0) return [];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map(
    (row) =>
      indent +
      row
        .map((cell, column) =>
          right[column] ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!),
        )
        .join('  ')
        .trimEnd(),
  );
}

function ratio(correct: number, naive: number): string {
  if (correct === 0) return '';
  const factor = naive / correct;
  return factor >= 2
    ? `${factor.toFixed(1)}×`
    : `${factor >= 1 ? '+' : ''}${((factor - 1) * 100).toFixed(1)}%`;
}

function renderQuery(entry: DemoQueryResult, position: number): string[] {
  const lines = [`${position}. ${entry.title}`, `   ${entry.question}`];
  const naive = entry.naive;
  const naiveColumns = naive?.totals.map((each) => each.column) ?? [];
  const naiveByKey = new Map(naive?.rows.map((row) => [String(row[0]), row]) ?? []);
  const header = [...entry.headers, ...naiveColumns.map((column) => `naive ${column}`)];
  const body = entry.rows.map((row) => {
    const cells = row.map((value, index) => formatDemoCell(value, entry.formats[entry.headers[index]!]));
    const match = naiveByKey.get(String(row[0]));
    for (const column of naiveColumns) {
      const naiveValue = match?.[naive!.headers.indexOf(column)];
      cells.push(formatDemoCell(naiveValue ?? null, entry.formats[column]));
    }
    return cells;
  });
  const textFormats: (DemoColumnFormat | undefined)[] = ['text', 'month', 'quarter'];
  const right = header.map(
    (_, index) => !textFormats.includes(entry.formats[entry.headers[index] ?? ''] ?? 'usd'),
  );
  lines.push(...align([header, ...body], '   ', right));
  if (naive) {
    const totals = naive.totals
      .map(
        (each) =>
          `${each.column} ${formatDemoCell(each.naive, entry.formats[each.column])} instead of ${formatDemoCell(each.correct, entry.formats[each.column])} (${ratio(each.correct, each.naive)})`,
      )
      .join('; ');
    lines.push(`   Naive SQL says ${totals}: ${naive.why}.`);
  }
  lines.push(`   $ ${entry.command}`);
  return lines;
}

/** The demo's report as plain text (stdout); progress went to stderr while it ran. */
export function renderDemoText(result: DemoResult): string {
  const lines = [
    `Brightdock demo project ready in ${result.dir} (${(result.elapsedMs / 1000).toFixed(1)} s)`,
    `  warehouse   ${result.warehouse.tables} tables, ${count.format(result.warehouse.rows)} rows (SQLite, ${result.warehouse.path})`,
    `  scan        ${result.scan.joins.declared} declared joins, ${result.scan.joins.discovered} discovered from the data, ${result.scan.joins.review} left for review`,
    `  semantic    ${result.semanticLayer.sources} sources, ${result.semanticLayer.measures} measures, ${result.semanticLayer.errors} errors, ${result.semanticLayer.warnings} warnings`,
    `  wiki        ${result.wiki.pages} pages, ${result.wiki.errors} errors, ${result.wiki.warnings} warnings`,
    `  search      ${result.searchIndex.documents} documents indexed`,
    '',
  ];
  for (const [index, entry] of result.queries.entries()) lines.push(...renderQuery(entry, index + 1), '');
  lines.push(`Search: "${result.search.query}"`);
  lines.push(
    ...align(
      result.search.hits.map((hit) => [hit.kind, hit.key, hit.title === hit.key ? '' : hit.title]),
      '   ',
    ),
  );
  lines.push('', 'Next steps');
  const width = Math.max(...result.nextSteps.map((each) => each.command.length));
  for (const each of result.nextSteps) lines.push(`  ${each.command.padEnd(width)}  ${each.what}`);
  return `${lines.join('\n')}\n`;
}
