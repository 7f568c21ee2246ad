#!/usr/bin/env node
/**
 * Builds the shipped demo warehouse: `node scripts/demo-data/build.mjs [--seed N] [--out file]`.
 * Default: seed DEMO_SEED into assets/demo/brightdock.sqlite. Prints row counts and checksums.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_SEED, demoDataChecksum, generateDemoData } from './generate.mjs';
import { writeDemoSqlite } from './load.mjs';

const { values } = parseArgs({ options: { seed: { type: 'string' }, out: { type: 'string' } } });
const seed = values.seed === undefined ? DEMO_SEED : Number(values.seed);
const out = values.out ?? join(import.meta.dirname, '..', '..', 'assets', 'demo', 'brightdock.sqlite');
const data = generateDemoData(seed);
mkdirSync(dirname(out), { recursive: true });
writeDemoSqlite(out, data);
const total = data.tables.reduce((sum, table) => sum + table.rows.length, 0);
for (const table of data.tables) process.stdout.write(`${table.name.padEnd(16)} ${table.rows.length}\n`);
const fileHash = createHash('sha256').update(readFileSync(out)).digest('hex');
process.stdout.write(
  `${total} rows, seed ${seed}, ${(statSync(out).size / 1e6).toFixed(1)} MB → ${out}\n` +
    `data sha256 ${demoDataChecksum(data)}\nfile sha256 ${fileHash}\n`,
);
