/**
 * The layer rules of STYLE.md §3: which top-level folders under src/ each folder may import. A folder
 * may always import itself. Cross-folder imports must go through the target's index.ts, except the
 * port files listed in PORT_FILES, which are pure types and constants meant to be imported alone.
 */
export const LAYER_RULES = {
  core: [],
  project: ['core'],
  sql: ['core'],
  connectors: ['core', 'sql'],
  llm: ['core'],
  semantic: ['core', 'sql'],
  wiki: ['core', 'project'],
  scan: ['core', 'project', 'sql', 'connectors', 'llm'],
  search: ['core', 'project', 'llm', 'wiki', 'semantic'],
  tools: ['core', 'sql', 'semantic', 'wiki', 'search', 'scan', 'connectors'],
  ingest: ['core', 'project', 'sql', 'tools', 'llm', 'semantic', 'wiki', 'scan', 'search', 'connectors'],
  mcp: ['core', 'project', 'tools'],
  agents: ['core', 'project'],
  status: ['core', 'project', 'connectors', 'llm', 'search'],
  app: [
    'core',
    'project',
    'sql',
    'connectors',
    'llm',
    'semantic',
    'wiki',
    'scan',
    'search',
    'tools',
    'ingest',
    'mcp',
    'agents',
    'status',
  ],
  cli: ['core', 'app'],
};

/** Files importable directly from other layers (ports: types and constants, no adapters). */
export const PORT_FILES = new Set(['connectors/port.ts', 'llm/port.ts']);

/** Layers that must not import a concrete adapter even through an index (only the app may). */
export const PURE_LAYERS = new Set(['semantic']);

/**
 * Layers whose subfolders may expose their own `index.ts` facade to other layers. The app layer keeps
 * heavy subsystems (LLM, search, wiki, MCP, agents, demo) out of its main index, so `ktx sql` does not
 * load them; the commands that need one import `app/<subsystem>/index.ts` lazily.
 */
export const FACADE_LAYERS = new Set(['app']);
