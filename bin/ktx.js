#!/usr/bin/env node
// Thin launcher: everything lives in the compiled program so `ktx --help` loads as little as possible.
import { main } from '../dist/cli/main.js';

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`ktx: internal error: ${error?.stack ?? error}\n`);
    process.exitCode = 1;
  },
);
