/**
 * How a portable function is spelled, as data (Malloy `function_overrides` style). A template is SQL
 * with placeholders: `{1}`…`{9}` the printed arguments, `{args}` all of them comma-separated,
 * `{distinct}` `DISTINCT ` when the call says so (else nothing), and `{concat}` the dialect's
 * concatenation of the arguments. Arguments are placed verbatim, so a template must put each one in a
 * delimited slot (a function argument, a CAST operand, an ORDER BY item), never next to an operator.
 * A template keyed by argument count serves functions whose spelling changes with arity (`round`).
 */
export type FunctionSpelling = string | Readonly<Record<number, string>>;
