import { GENERATED_NOTICE } from './generated-notice.mjs';

const INTRO = `# Troubleshooting

Every ktx failure is one line on stderr — what went wrong, then \`Fix:\` and what to do — and a
non-zero exit: **2** for a usage error (a malformed command line), **1** for everything else. With
\`--json\` the same failure is \`{"error":{"code","message","fix"}}\` on stdout, so scripts and agents
can match on the stable \`code\`. \`--debug\` adds the stack trace (never a secret).

When something is off and you do not know where to start, run \`ktx status\`: it checks \`ktx.yaml\`,
connects to every warehouse, probes the LLM and embedding backends and reports what context is built,
each problem with its fix (\`--json\` for scripts, \`--fast\` to skip the live probes).
`;

const SITUATIONS = `## Common situations

**\`ktx: command not found\`.** Without a global install, run \`node bin/ktx.js …\` from the clone, or
\`npm link\` once to put \`ktx\` on your PATH.

**"No ktx.yaml was found".** ktx looks for the project in \`--project-dir\`, then \`KTX_PROJECT_DIR\`,
then the nearest \`ktx.yaml\` upward from the current directory. \`cd\` into the project or pass the
flag; \`ktx setup\` or \`ktx demo\` creates one.

**A DuckDB connection says the driver is missing.** DuckDB's native driver is optional and not part
of the default install: \`npm install @duckdb/node-api\` next to ktx.

**\`ktx status\` says \`blocked\`.** At least one check failed; each failing line carries its fix.
\`partial\` means only warnings (for example no LLM configured), which never stop the deterministic
features.

**A metric differs from my own SQL.** Compare with \`ktx sl query … --format sql\` and read the
\`plan\` in \`--json\`: ktx aggregates every measure at its own grain before joining, so a join that
fans out (fan trap) or two facts on one dimension (chasm trap) do not multiply rows, and rows whose
foreign key matches nothing stay in the total under NULL. Hand-written SQL that joins first and sums
later usually over-counts. [semantic-layer.md](semantic-layer.md) explains both traps.

**\`ktx scan\` found fewer joins than expected.** Joins are accepted only when the warehouse confirms
them (the target is unique and the values are contained). The rest stay \`review\` with their numbers
in \`raw-sources/<id>/scan/<run>/relationships.json\`; declare a join you know by hand in a source's
\`joins:\`. A large schema may exhaust the validation budget
(\`scan.relationships.validationBudget\`, or \`all\`).

**A page or measure I just wrote is not found by search.** The index re-reads changed files before
every query, so it should be. If it is not, \`ktx wiki check\` / \`ktx sl validate\` may show that the
file did not parse; \`ktx admin reindex\` rebuilds the index from scratch.

**Another ktx command is running.** Commands that change the project take \`.ktx/run/lock\`; the
message names the process holding it. A lock left by a crashed process is taken over automatically.

**An agent cannot reach the MCP server.** \`ktx mcp status\` says whether the daemon runs and where;
\`ktx mcp logs\` shows its log. Clients must use the address and port it prints; a client sending
another Host or Origin is refused unless you add it (\`--allowed-host\`, \`--allowed-origin\`). See
[agents.md](agents.md) and [security.md](security.md).

**The LLM backend fails.** \`ktx llm test\` runs a probe and a small tool-using loop and classifies the
failure (credentials, model, rate limit, network, missing SDK). [llm.md](llm.md) covers every backend.
`;

/** Codes in ERROR_CODES without a guide entry, and guide entries naming no code. */
export function guideProblems(codes, guide) {
  const guided = guide.flatMap((group) => Object.keys(group.codes));
  const missing = Object.keys(codes).filter((code) => !guided.includes(code));
  const unknown = guided.filter((code) => !(code in codes));
  const repeated = guided.filter((code, index) => guided.indexOf(code) !== index);
  return { missing, unknown, repeated };
}

/**
 * docs/troubleshooting.md: the hand-written situations above, then every error code with its meaning
 * (from ERROR_CODES), exit code (from the CLI's own rule) and fix (from the guide).
 */
export function renderTroubleshooting({ codes, guide, exitCodeFor }) {
  const out = [INTRO, GENERATED_NOTICE('node scripts/docs/update-docs.mjs'), '', SITUATIONS];
  out.push('## Error codes', '');
  out.push(
    'Grouped by subsystem. Codes are never renamed or reused; new ones are added to the end of their group.',
    '',
  );
  for (const group of guide) {
    out.push(`### ${group.title}`, '');
    for (const [code, fix] of Object.entries(group.codes)) {
      const meaning = codes[code];
      if (meaning === undefined) continue;
      out.push(`#### \`${code}\``, '');
      out.push(`${meaning} Exit code ${exitCodeFor(code)}.`, '');
      out.push(`**Fix:** ${fix}`, '');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
