import type { Command } from 'commander';
import type { CliIo } from '../io.js';

/** `ktx wiki`: registered by the wiki subsystem (placeholder until it lands). */
export function registerWikiCommand(_program: Command, _io: CliIo): void {}
