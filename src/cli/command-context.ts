import type { Command } from 'commander';
import type { CliIo } from './io.js';
import { type OutputMode, resolveOutputMode } from './output-mode.js';

export interface GlobalOptions {
  projectDir?: string;
  json?: boolean;
  output?: string;
  debug?: boolean;
  debugLlmRequests?: string;
}

export interface CommandContext {
  io: CliIo;
  mode: OutputMode;
  debug: boolean;
  /** `--debug-llm-requests` or KTX_LLM_DEBUG_FILE: where LLM calls are logged (redacted). */
  llmDebugFile: string | undefined;
  /** Project location as the app layer wants it. */
  location: { projectDir?: string; env: NodeJS.ProcessEnv; cwd: string };
  /** Prints a value as JSON (json mode) or via the given text renderer. */
  emit(value: unknown, render: (mode: Exclude<OutputMode, 'json'>) => string): void;
}

export function commandContext(command: Command, io: CliIo): CommandContext {
  const globals = command.optsWithGlobals<GlobalOptions>();
  const mode = resolveOutputMode(globals, io.env, io.isTty);
  return {
    io,
    mode,
    debug: Boolean(globals.debug),
    llmDebugFile: globals.debugLlmRequests ?? (io.env.KTX_LLM_DEBUG_FILE || undefined),
    location: { projectDir: globals.projectDir, env: io.env, cwd: io.cwd },
    emit(value, render) {
      if (mode === 'json') io.stdout(`${JSON.stringify(value, null, 2)}\n`);
      else {
        const text = render(mode);
        if (text) io.stdout(text.endsWith('\n') ? text : `${text}\n`);
      }
    },
  };
}
