import { z } from 'zod';
import { GENERATED_NOTICE } from './generated-notice.mjs';
import { KTX_YAML_INTRO, KTX_YAML_NOTES } from './ktx-yaml-notes.mjs';

/** The same JSON Schema `ktx admin schema` prints (input side: defaults are optional). */
export function ktxYamlJsonSchema(ktxConfigSchema) {
  return z.toJSONSchema(ktxConfigSchema, { io: 'input', unrepresentable: 'any' });
}

function isObject(node) {
  return node && typeof node === 'object' && !Array.isArray(node);
}

function isRecord(node) {
  return isObject(node.additionalProperties) && Object.keys(node.additionalProperties).length > 0;
}

function code(value) {
  return `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;
}

function range(node) {
  // zod writes `.positive()` as an exclusive minimum and a safe-integer maximum; print what a user types.
  let low = node.minimum;
  if (node.exclusiveMinimum !== undefined)
    low = node.type === 'integer' ? node.exclusiveMinimum + 1 : undefined;
  const high = node.maximum === Number.MAX_SAFE_INTEGER ? undefined : node.maximum;
  if (low !== undefined && high !== undefined) return ` ${low}–${high}`;
  if (low !== undefined) return ` ≥ ${low}`;
  if (node.exclusiveMinimum !== undefined) return ` > ${node.exclusiveMinimum}`;
  if (high !== undefined) return ` ≤ ${high}`;
  return '';
}

/** A short human type: `sqlite \| duckdb`, `integer 1–100`, `list of string`, `mapping`. */
export function describeType(node) {
  if (!isObject(node) || Object.keys(node).length === 0) return 'any';
  if (node.enum) return node.enum.map(code).join(' | ');
  if (node.const !== undefined) return code(node.const);
  if (node.anyOf) return [...new Set(node.anyOf.map(describeType))].join(' or ');
  switch (node.type) {
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return `${node.type}${range(node)}`;
    case 'boolean':
      return 'boolean';
    case 'array':
      return `list of ${describeType(node.items)}`;
    case 'object': {
      if (isRecord(node)) return 'mapping of id → entry';
      const keys = Object.keys(node.properties ?? {});
      if (keys.length === 0) return 'mapping (free-form)';
      return `mapping`;
    }
    default:
      return 'any';
  }
}

function scalarDefault(node) {
  const value = node.default;
  if (value === undefined || (typeof value === 'object' && value !== null)) return '';
  return code(value);
}

/**
 * Every key path of the schema, depth first: records become `<id>` (connection ids) or `<name>`,
 * union members that are objects contribute their keys at the same path.
 */
export function collectKeys(node, path = [], required = false, out = []) {
  if (path.length > 0) {
    out.push({
      path: path.join('.'),
      type: describeType(node),
      defaultValue: scalarDefault(node),
      required,
      description: node.description ?? '',
    });
  }
  const objects = node.anyOf ? node.anyOf.filter((option) => option.type === 'object') : [node];
  for (const object of objects) {
    if (object.type !== 'object') continue;
    const requiredKeys = new Set(object.required ?? []);
    for (const [key, child] of Object.entries(object.properties ?? {})) {
      if (out.some((row) => row.path === [...path, key].join('.'))) continue;
      collectKeys(child, [...path, key], requiredKeys.has(key), out);
    }
    if (isRecord(object)) {
      const placeholder = object.propertyNames?.pattern ? '<id>' : '<name>';
      collectKeys(object.additionalProperties, [...path, placeholder], false, out);
    }
  }
  return out;
}

/** Key paths that have neither a schema description nor a note: the drift test lists them. */
export function undocumentedKeys(jsonSchema, notes = KTX_YAML_NOTES) {
  return collectKeys(jsonSchema)
    .filter((row) => !row.description && !notes[row.path])
    .map((row) => row.path);
}

function cell(text) {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** docs/ktx-yaml.md, from the zod schema of ktx.yaml plus the hand-written intro and notes. */
export function renderKtxYamlDoc(ktxConfigSchema, notes = KTX_YAML_NOTES) {
  const jsonSchema = ktxYamlJsonSchema(ktxConfigSchema);
  const rows = collectKeys(jsonSchema);
  const out = [KTX_YAML_INTRO.trimEnd(), '', GENERATED_NOTICE('node scripts/docs/update-docs.mjs'), ''];
  for (const top of Object.keys(jsonSchema.properties ?? {})) {
    const section = rows.filter((row) => row.path === top || row.path.startsWith(`${top}.`));
    const head = section[0];
    out.push(`## \`${top}\``, '', notes[top] ?? head.description, '');
    const body = section.slice(1);
    if (body.length === 0) continue;
    out.push('| Key | Type | Default | Description |', '|---|---|---|---|');
    for (const row of body) {
      const text = [row.description, notes[row.path]].filter(Boolean).join(' ');
      const key = `\`${row.path}\`${row.required ? ' (required)' : ''}`;
      out.push(`| ${cell(key)} | ${cell(row.type)} | ${cell(row.defaultValue)} | ${cell(text)} |`);
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
