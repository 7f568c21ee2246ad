import type { Command } from 'commander';
import type { CliIo } from '../io.js';

/** `ktx llm`: registered by the llm subsystem (placeholder until it lands). */
export function registerLlmCommand(_program: Command, _io: CliIo): void {}
