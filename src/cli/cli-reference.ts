import type { Command, Option } from 'commander';

function optionLine(option: Option): string {
  const defaultText =
    option.defaultValue !== undefined && option.defaultValue !== false && option.defaultValue !== true
      ? ` (default: ${JSON.stringify(option.defaultValue)})`
      : '';
  return `| \`${option.flags}\` | ${option.description.replace(/\|/g, '\\|')}${defaultText} |`;
}

function commandPath(command: Command): string {
  const names: string[] = [];
  for (let cursor: Command | null = command; cursor; cursor = cursor.parent) names.unshift(cursor.name());
  return names.join(' ');
}

function usage(command: Command): string {
  const args = command.registeredArguments.map((argument) => {
    const name = `${argument.name()}${argument.variadic ? '...' : ''}`;
    return argument.required ? `<${name}>` : `[${name}]`;
  });
  return [commandPath(command), ...args].join(' ');
}

function section(command: Command, depth: number, out: string[]): void {
  const visible = command.options.filter((option) => !option.hidden && option.long !== '--help');
  out.push(`${'#'.repeat(depth)} \`${usage(command)}\``, '', command.description(), '');
  if (visible.length > 0) out.push('| Option | Description |', '|---|---|', ...visible.map(optionLine), '');
  for (const sub of command.commands) section(sub, depth + 1, out);
}

/**
 * Markdown reference for every command and option, generated from the commander program itself so
 * the committed copy in README.md cannot drift (a test compares them).
 */
export function renderCliReference(program: Command): string {
  const out: string[] = [];
  const globals = program.options.filter((option) => option.long !== '--help');
  out.push(
    'Global options (accepted by every command):',
    '',
    '| Option | Description |',
    '|---|---|',
    ...globals.map(optionLine),
    '',
  );
  for (const command of program.commands) section(command, 3, out);
  return out.join('\n').trimEnd();
}
