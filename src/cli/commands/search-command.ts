import type { Command } from 'commander';
import type { CliIo } from '../io.js';

/** `ktx search`: registered by the search subsystem (placeholder until it lands). */
export function registerSearchCommand(_program: Command, _io: CliIo): void {}
