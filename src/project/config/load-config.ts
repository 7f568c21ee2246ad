import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Document, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { type Diagnostic, didYouMean, hasErrors, KtxError } from '../../core/index.js';
import { CONFIG_FILE } from '../layout.js';
import { type KtxConfig, ktxConfigSchema } from './ktx-config-schema.js';
import { schemaKeysAt } from './schema-keys.js';

export interface LoadedConfig {
  /** Present when there are no errors; unknown keys have been dropped. */
  config: KtxConfig | undefined;
  diagnostics: Diagnostic[];
  file: string;
}

type Path = (string | number)[];

function lineOf(document: Document, lines: LineCounter, path: Path, key?: string): number | undefined {
  const node = document.getIn(path, true) as { range?: [number, number]; items?: unknown[] } | undefined;
  let offset = node?.range?.[0];
  if (key !== undefined && node?.items) {
    for (const item of node.items as { key?: { value?: unknown; range?: [number, number] } }[]) {
      if (item.key?.value === key) offset = item.key.range?.[0];
    }
  }
  return offset === undefined ? undefined : lines.linePos(offset).line;
}

function dotted(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

function deleteAt(value: unknown, path: readonly PropertyKey[], key: string): void {
  let cursor = value as Record<PropertyKey, unknown> | undefined;
  for (const segment of path) cursor = cursor?.[segment] as Record<PropertyKey, unknown> | undefined;
  if (cursor && typeof cursor === 'object') delete cursor[key];
}

function describeIssue(issue: z.core.$ZodIssue, received: unknown): { message: string; fix: string } {
  switch (issue.code) {
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      const hint = typeof received === 'string' ? didYouMean(received, allowed) : '';
      return {
        message: `invalid value ${JSON.stringify(received)}${hint}`,
        fix: `use one of: ${allowed.join(', ')}`,
      };
    }
    case 'invalid_type':
      return {
        message:
          received === undefined
            ? `missing required ${issue.expected}`
            : `expected ${issue.expected}, got ${JSON.stringify(received)}`,
        fix: `set it to a ${issue.expected}`,
      };
    case 'invalid_key':
      return {
        message: `invalid key ${JSON.stringify(issue.path.at(-1))}: ${issue.issues[0]?.message ?? issue.message}`,
        fix: 'rename it',
      };
    default:
      return { message: issue.message, fix: 'see `ktx admin schema` for the accepted shape' };
  }
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let cursor = value;
  for (const segment of path) cursor = (cursor as Record<PropertyKey, unknown> | undefined)?.[segment];
  return cursor;
}

/**
 * Reads and validates `<projectDir>/ktx.yaml`. Never throws for bad content: YAML errors, schema
 * errors (with line, key path and fix) and unknown keys (warnings with "did you mean") come back as
 * diagnostics so `ktx status` can show all of them at once.
 */
export function loadConfig(projectDir: string): LoadedConfig {
  const file = join(projectDir, CONFIG_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new KtxError('missing_project', `No ${CONFIG_FILE} in ${projectDir}.`, {
      fix: 'Run `ktx setup` here, or pass --project-dir <dir> pointing at a ktx project.',
      cause: error,
    });
  }
  return parseConfigText(text, CONFIG_FILE);
}

export function parseConfigText(text: string, file: string): LoadedConfig {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const diagnostics: Diagnostic[] = [];
  for (const error of document.errors) {
    diagnostics.push({
      severity: 'error',
      code: 'yaml-syntax',
      message: error.message.split('\n')[0] ?? 'invalid YAML',
      file,
      line: lines.linePos(error.pos[0]).line,
      fix: 'fix the YAML syntax at that line',
    });
  }
  if (diagnostics.length > 0) return { config: undefined, diagnostics, file };

  const raw = document.toJS() ?? {};
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    diagnostics.push({
      severity: 'error',
      code: 'not-a-mapping',
      message: 'ktx.yaml must be a mapping of blocks',
      file,
      line: 1,
    });
    return { config: undefined, diagnostics, file };
  }

  const first = ktxConfigSchema.safeParse(raw);
  if (first.success) return { config: first.data, diagnostics, file };

  for (const issue of first.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      const known = schemaKeysAt(ktxConfigSchema, issue.path);
      for (const key of issue.keys) {
        diagnostics.push({
          severity: 'warning',
          code: 'unknown-key',
          message: `unknown key \`${key}\` is ignored${didYouMean(key, known)}`,
          file,
          path: dotted([...issue.path, key]),
          line: lineOf(document, lines, issue.path as Path, key),
          fix: known.length > 0 ? `valid keys here: ${known.join(', ')}` : 'remove it',
        });
        deleteAt(raw, issue.path, key);
      }
      continue;
    }
    const { message, fix } = describeIssue(issue, valueAt(raw, issue.path));
    diagnostics.push({
      severity: 'error',
      code: 'invalid-value',
      message,
      file,
      path: dotted(issue.path),
      line: lineOf(document, lines, issue.path as Path),
      fix,
    });
  }
  if (hasErrors(diagnostics)) return { config: undefined, diagnostics, file };
  const second = ktxConfigSchema.safeParse(raw);
  return { config: second.success ? second.data : undefined, diagnostics, file };
}
