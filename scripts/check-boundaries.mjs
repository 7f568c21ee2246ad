#!/usr/bin/env node
// Enforces the layer rules (scripts/layer-rules.mjs) on every import in src/, static or dynamic.
// Exit 1 with one line per violation. Usage: node scripts/check-boundaries.mjs [srcDir]
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FACADE_LAYERS, LAYER_RULES, PORT_FILES } from './layer-rules.mjs';

const IMPORT =
  /(?:^|[^\w.])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|js|mjs)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [path] : [];
  });
}

export function checkBoundaries(srcDir) {
  const violations = [];
  for (const file of sourceFiles(srcDir)) {
    const from = relative(srcDir, file).split(sep).join('/');
    const layer = from.split('/')[0];
    if (!from.includes('/')) continue; // top-level files in src/ (none expected) are not layered
    if (!(layer in LAYER_RULES)) {
      violations.push(
        `${from}: folder src/${layer}/ is not a known layer (add it to scripts/layer-rules.mjs)`,
      );
      continue;
    }
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2] ?? match[3];
      if (!specifier?.startsWith('.')) continue;
      const target = relative(srcDir, resolve(dirname(file), specifier))
        .split(sep)
        .join('/')
        .replace(/\.js$/, '.ts');
      const targetLayer = target.split('/')[0];
      if (targetLayer === layer) continue;
      if (targetLayer.startsWith('..')) {
        violations.push(`${from}: imports ${specifier}, outside src/`);
        continue;
      }
      if (!LAYER_RULES[layer].includes(targetLayer)) {
        violations.push(`${from}: src/${layer} may not import src/${targetLayer} (${specifier})`);
        continue;
      }
      if (target !== `${targetLayer}/index.ts` && !PORT_FILES.has(target) && !isFacade(target)) {
        violations.push(`${from}: imports ${specifier}; import src/${targetLayer}/index.ts instead`);
      }
    }
  }
  return violations;
}

/** `app/<subsystem>/index.ts`: a facade the CLI loads only for the commands that need it. */
function isFacade(target) {
  return FACADE_LAYERS.has(target.split('/')[0]) && /^[a-z]+\/[a-z-]+\/index\.ts$/.test(target);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const srcDir = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'src'));
  const violations = checkBoundaries(srcDir);
  for (const violation of violations) process.stderr.write(`boundary: ${violation}\n`);
  if (violations.length > 0) {
    process.stderr.write(
      `${violations.length} layer violation(s); see STYLE.md §3 and scripts/layer-rules.mjs\n`,
    );
    process.exit(1);
  }
  process.stdout.write('layer boundaries ok\n');
}
