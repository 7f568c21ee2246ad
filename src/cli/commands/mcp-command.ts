import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { commandContext } from '../command-context.js';
import type { CliIo } from '../io.js';
import { collect, positiveInteger } from '../parse-flags.js';

function port(value: string): number {
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed > 65_535)
    throw new InvalidArgumentError('expected a port from 0 to 65535.');
  return parsed;
}

interface StartOptions {
  host?: string;
  port?: number;
  token?: string;
  allowedHost?: string[];
  allowedOrigin?: string[];
  foreground?: boolean;
  callTimeoutMs?: number;
  user?: string;
}

/** Resolves on SIGINT or SIGTERM: a foreground server runs until then. */
function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

export function registerMcpCommand(program: Command, io: CliIo): void {
  const mcp = program
    .command('mcp')
    .description('Serve the project to agents over MCP: stdio, or an HTTP daemon (start|stop|status|logs)');

  const showStatus = async (command: Command) => {
    const context = commandContext(command, io);
    const app = { ...(await import('../../app/index.js')), ...(await import('../../app/mcp/index.js')) };
    const status = await app.mcpDaemonStatus(context.location);
    context.emit(
      {
        running: status.running,
        ...(status.state
          ? {
              url: status.state.url,
              pid: status.state.pid,
              auth: status.state.auth,
              projectDir: status.state.projectDir,
              startedAt: status.state.startedAt,
              logFile: status.state.logFile,
            }
          : {}),
      },
      () =>
        status.running && status.state
          ? `running  ${status.state.url}  pid ${status.state.pid}  auth ${status.state.auth}\nproject  ${status.state.projectDir}\nlog      ${status.state.logFile}`
          : status.state
            ? `not answering: pid ${status.state.pid} is alive but ${status.state.url} does not respond (see \`ktx mcp logs\`)`
            : 'not running (start it with `ktx mcp start`)',
    );
  };
  mcp.action(async (_options: unknown, command: Command) => showStatus(command));

  mcp
    .command('stdio')
    .description('Serve MCP over stdin/stdout (for clients that launch ktx themselves, e.g. Claude Desktop)')
    .option(
      '--user <id>',
      'wiki reader: their user pages are searched and shadow global ones (else KTX_USER)',
    )
    .option('--call-timeout-ms <ms>', 'cancel a tool call after this long (default 120000)', positiveInteger)
    .action(async (options: { user?: string; callTimeoutMs?: number }, command: Command) => {
      const context = commandContext(command, io);
      const app = { ...(await import('../../app/index.js')), ...(await import('../../app/mcp/index.js')) };
      const user = options.user ?? (io.env.KTX_USER?.trim() || undefined);
      await app.serveStdio({
        location: context.location,
        log: (line) => io.stderr(`${line}\n`),
        ...(user ? { userId: user } : {}),
        ...(options.callTimeoutMs ? { callTimeoutMs: options.callTimeoutMs } : {}),
      });
    });

  mcp
    .command('start')
    .description('Start the Streamable-HTTP MCP server as a background daemon (pid and log under .ktx/)')
    .option('--host <host>', 'address to bind (default 127.0.0.1; anything else needs a token)')
    .option('--port <port>', 'port (default 7878; 0 picks a free one)', port)
    .option('--token <ref>', 'bearer token as env:NAME or file:PATH (default: KTX_MCP_TOKEN when set)')
    .option('--allowed-host <name>', 'also accept this Host header (repeatable)', collect)
    .option(
      '--allowed-origin <origin>',
      'also accept this browser Origin, e.g. https://app.example.com (repeatable)',
      collect,
    )
    .option('--call-timeout-ms <ms>', 'cancel a tool call after this long (default 120000)', positiveInteger)
    .option('--user <id>', 'wiki reader for every client (else KTX_USER)')
    .option('--foreground', 'run in this terminal instead of as a daemon')
    .action(async (options: StartOptions, command: Command) => {
      const context = commandContext(command, io);
      const app = { ...(await import('../../app/index.js')), ...(await import('../../app/mcp/index.js')) };
      const shared = {
        location: context.location,
        ...(options.host ? { host: options.host } : {}),
        ...(options.port !== undefined ? { port: options.port } : {}),
        ...(options.token ? { token: options.token } : {}),
        ...(options.allowedHost ? { allowedHosts: options.allowedHost } : {}),
        ...(options.allowedOrigin ? { allowedOrigins: options.allowedOrigin } : {}),
        ...(options.callTimeoutMs ? { callTimeoutMs: options.callTimeoutMs } : {}),
      };
      if (options.foreground) {
        const user = options.user ?? (io.env.KTX_USER?.trim() || undefined);
        const log = (line: string) => io.stderr(`${line}\n`);
        const stopped = untilSignal();
        const handle = await app.serveHttp({ ...shared, log, ...(user ? { userId: user } : {}) });
        log(
          `${new Date().toISOString()} ktx MCP server listening on ${handle.url} (auth ${handle.auth}, project ${handle.projectDir}, pid ${process.pid})`,
        );
        const signal = await stopped;
        log(`${new Date().toISOString()} ${signal}: stopping`);
        await handle.close();
        return;
      }
      const result = await app.startMcpDaemon({ ...shared });
      context.emit({ ...result.state, alreadyRunning: result.alreadyRunning }, () =>
        result.alreadyRunning
          ? `already running at ${result.state.url} (pid ${result.state.pid})`
          : `started ${result.state.url} (pid ${result.state.pid}, auth ${result.state.auth}); log: ${result.state.logFile}`,
      );
    });

  mcp
    .command('stop')
    .description('Stop the MCP daemon of this project')
    .action(async (_options: unknown, command: Command) => {
      const context = commandContext(command, io);
      const app = { ...(await import('../../app/index.js')), ...(await import('../../app/mcp/index.js')) };
      const state = await app.stopMcpDaemon(context.location);
      context.emit(
        { stopped: true, pid: state.pid, url: state.url },
        () => `stopped ${state.url} (pid ${state.pid})`,
      );
    });

  mcp
    .command('status')
    .description('Say whether the MCP daemon runs and where (probes /health)')
    .action(async (_options: unknown, command: Command) => showStatus(command));

  mcp
    .command('logs')
    .description('Print the end of the MCP daemon log (.ktx/logs/mcp.log)')
    .option('-n, --lines <n>', 'how many lines (default 50)', positiveInteger)
    .option('-f, --follow', 'keep printing new lines until interrupted')
    .action(async (options: { lines?: number; follow?: boolean }, command: Command) => {
      const context = commandContext(command, io);
      const app = { ...(await import('../../app/index.js')), ...(await import('../../app/mcp/index.js')) };
      const tail = app.mcpDaemonLogs(context.location, options.lines ?? 50);
      context.emit(
        { file: tail.file, lines: tail.text ? tail.text.split('\n') : [] },
        () => tail.text || `(no log yet at ${tail.file})`,
      );
      if (!options.follow || context.mode === 'json') return;
      const { createReadStream, existsSync, statSync, watchFile, unwatchFile } = await import('node:fs');
      let offset = existsSync(tail.file) ? statSync(tail.file).size : 0;
      watchFile(tail.file, { interval: 500 }, (current) => {
        if (current.size < offset) offset = 0;
        if (current.size === offset) return;
        createReadStream(tail.file, { start: offset, end: current.size - 1 }).on('data', (chunk) =>
          io.stdout(String(chunk)),
        );
        offset = current.size;
      });
      await untilSignal();
      unwatchFile(tail.file);
    });
}
