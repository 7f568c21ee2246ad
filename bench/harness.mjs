/**
 * A tiny benchmark harness: each case runs `warmup` + `runs` times; we report median and p95 and the
 * ratio of the median to its group's baseline, measured in the same process and run, so figures
 * compare across machines and load.
 */
export function percentile(sorted, fraction) {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

export async function measure(run, { runs, warmup }) {
  for (let i = 0; i < warmup; i++) await run();
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await run();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return { median: percentile(samples, 0.5), p95: percentile(samples, 0.95), runs };
}

/** groups: [{ name, baseline: {name, run}, cases: [{name, run, target?}] , runs, warmup }] */
export async function runGroups(groups, filter) {
  const rows = [];
  for (const group of groups) {
    if (filter && !group.name.includes(filter)) continue;
    const options = { runs: group.runs ?? 20, warmup: group.warmup ?? 2 };
    await group.setup?.();
    try {
      const base = await measure(group.baseline.run, options);
      rows.push({ group: group.name, name: `${group.baseline.name} (baseline)`, ...base, ratio: 1 });
      for (const entry of group.cases) {
        const result = await measure(entry.run, options);
        rows.push({
          group: group.name,
          name: entry.name,
          ...result,
          ratio: result.median / base.median,
          target: entry.target,
        });
      }
    } finally {
      await group.teardown?.();
    }
  }
  return rows;
}

export function formatRows(rows) {
  const header = ['group', 'case', 'median ms', 'p95 ms', 'runs', 'ratio'];
  const body = rows.map((row) => [
    row.group,
    row.name,
    row.median.toFixed(2),
    row.p95.toFixed(2),
    String(row.runs),
    `${row.ratio.toFixed(2)}x${row.target ? ` (target ≤ ${row.target}x)` : ''}`,
  ]);
  const widths = header.map((_, index) => Math.max(...[header, ...body].map((cells) => cells[index].length)));
  return [header, ...body]
    .map((cells) => cells.map((cell, index) => cell.padEnd(widths[index])).join('  '))
    .join('\n');
}
