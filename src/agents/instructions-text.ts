/**
 * What ktx teaches an agent, in one text shared by every client: find, read the definition, query the
 * semantic layer, and only then fall back to raw SQL. Clients differ only in the wrapper (skill front
 * matter, Cursor rule front matter, an AGENTS.md section).
 */

const DESCRIPTION =
  'Answer questions about business data (metrics, counts, trends, who/what/how many) with the ktx MCP server: approved semantic-layer measures, the business wiki and read-only SQL. Use whenever the user asks for numbers or data definitions.';

function workflow(projectDir: string): string {
  return `# Answering data questions with ktx

The \`ktx\` MCP server serves this project's data context (${projectDir}): the approved metric
definitions (semantic layer), the business wiki, and read-only access to the warehouse. Its tools
appear under the server name \`ktx\` (in Claude Code: \`mcp__ktx__sl_query\` and so on).

## Workflow

1. **Find.** Start with \`discover_data\` and the user's own words ("revenue by segment",
   "churned customers"). It searches measures, sources, columns, sample values and wiki pages at
   once. With several warehouses, \`connection_list\` names them.
2. **Read the definition.** \`sl_read_source\` shows a semantic-layer source (measures, joins,
   segments); \`entity_details\` a table's columns, types and joins; \`wiki_search\` / \`wiki_read\`
   the business meaning ("active customer", fiscal year, exclusions). \`dictionary_search\` finds
   which column holds a value such as a company name or a status.
3. **Query the semantic layer.** \`sl_query\` with measure keys (\`orders.revenue\`), dimensions
   (\`customers.segment\`, \`orders.created_at:month\`), filters and segments. ktx compiles SQL that
   counts every row once across joins and runs it read-only. Add \`include: ["sql"]\` to show the SQL.
4. **Raw SQL last.** Use \`sql_execution\` only when no measure covers the question; it runs one
   read-only statement with a row cap. Say so in the answer: the number is not an approved definition.

## Rules

- Prefer an existing measure to hand-written aggregation; never re-derive a metric the semantic
  layer defines.
- With every number, name what produced it: the measure key, filters and segments, or the wiki page.
- When a tool returns an error, apply its fix or "did you mean" suggestion and retry; do not guess
  names.
- ktx is read-only: it refuses statements that change data.

## Without the MCP server

The same answers come from the CLI: \`ktx --project-dir ${projectDir} search "<words>"\`,
\`ktx sl read <source>\`, \`ktx wiki read <key>\`,
\`ktx sl query --measure orders.revenue --dimension customers.segment --execute\`.
`;
}

/** A skill folder's SKILL.md (Claude Code, Codex, OpenCode, universal `.agents/skills`). */
export function skillMarkdown(projectDir: string): string {
  return `---\nname: ktx\ndescription: ${DESCRIPTION}\n---\n\n${workflow(projectDir)}`;
}

/** A Cursor project rule, attached when the agent judges the description relevant. */
export function cursorRule(projectDir: string): string {
  return `---\ndescription: ${DESCRIPTION}\nalwaysApply: false\n---\n\n${workflow(projectDir)}`;
}

/** The short AGENTS.md section pointing at the skill (AGENTS.md is read on every turn: keep it small). */
export function agentsSection(skillPath: string): string {
  return `## Data questions: use ktx

For metrics, counts and data definitions, use the \`ktx\` MCP server's tools instead of guessing
SQL: \`discover_data\` first, then \`sl_read_source\` / \`entity_details\` / \`wiki_read\` for the
definition, then \`sl_query\` (the approved measures, run read-only). \`sql_execution\` is the last
resort. The full workflow is in \`${skillPath}\`.`;
}
