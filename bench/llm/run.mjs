#!/usr/bin/env node
// `node bench/llm/run.mjs [group filter]`: the LLM runtime's own overhead per agent step against the
// scripted model server (which answers instantly), as a ratio to the same work done with the AI SDK
// directly. The server and the runtime are TypeScript sources, so this launches vite-node on them.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
execFileSync(
  join(root, 'node_modules', '.bin', 'vite-node'),
  [join(root, 'bench/llm/llm-overhead.ts'), ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    cwd: root,
  },
);
