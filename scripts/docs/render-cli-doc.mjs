import { GENERATED_NOTICE } from './generated-notice.mjs';

const INTRO = `# CLI reference

Every command and option of \`ktx\`, generated from the program itself (the same source as
\`ktx <command> --help\`), so this page always matches the code it ships with. The README carries a
copy of the same reference.

Conventions shared by every command:

- **Project.** \`--project-dir <dir>\`, else \`KTX_PROJECT_DIR\`, else the nearest \`ktx.yaml\` upward from
  the current directory.
- **Output.** A table on a terminal, tab-separated text when piped, JSON with \`--json\` (or
  \`--output pretty|plain|json\`, or \`KTX_OUTPUT\`). JSON field names are a stable contract; new fields
  may be added, none are renamed.
- **Exit codes.** 0 success, 1 failure (or a \`blocked\` status), 2 a usage error. A failure prints one
  line with its fix; with \`--json\` it is \`{"error":{"code","message","fix"}}\` on stdout. Every code is
  listed in [troubleshooting.md](troubleshooting.md).
- **Read-only.** No command writes to a warehouse; see [security.md](security.md).
`;

/** docs/cli.md: the intro above, then the reference rendered by src/cli/cli-reference.ts. */
export function renderCliDoc(reference) {
  return `${INTRO}\n${GENERATED_NOTICE('node scripts/docs/update-docs.mjs')}\n\n## Commands\n\n${reference.trim()}\n`;
}
