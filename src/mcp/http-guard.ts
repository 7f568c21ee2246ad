import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { isIP } from 'node:net';

/** Whether binding `host` keeps the server on this machine. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost' || bare === '::1') return true;
  return isIP(bare) === 4 && bare.startsWith('127.');
}

export interface HttpGuardOptions {
  /** The bound host and port. */
  host: string;
  port: number;
  /** Extra Host header names accepted (e.g. a LAN name when binding 0.0.0.0). */
  allowedHosts?: readonly string[];
  /** Extra full origins accepted (`https://app.example.com`). */
  allowedOrigins?: readonly string[];
  /** Required `Authorization: Bearer <token>` when set. */
  token?: string;
}

export type GuardVerdict = { ok: true } | { ok: false; status: 401 | 403; message: string };

function hostName(header: string): { name: string; port?: string } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(header);
  if (bracketed)
    return { name: bracketed[1]!.toLowerCase(), ...(bracketed[2] ? { port: bracketed[2] } : {}) };
  const [name, port] = header.split(':');
  return { name: (name ?? '').toLowerCase(), ...(port ? { port } : {}) };
}

/**
 * The checks every `/mcp` request passes before the MCP layer sees it, in order:
 * 1. Host names this server (DNS rebinding: a page on evil.example that resolves to 127.0.0.1 sends
 *    `Host: evil.example`), 2. an Origin, when a browser sends one, is allow-listed, 3. the bearer
 *    token, compared in constant time.
 */
export function createHttpGuard(options: HttpGuardOptions): (headers: IncomingHttpHeaders) => GuardVerdict {
  const bound = options.host.replace(/^\[|\]$/g, '').toLowerCase();
  const names = new Set([
    'localhost',
    '127.0.0.1',
    '::1',
    bound,
    ...(options.allowedHosts ?? []).map((h) => h.toLowerCase()),
  ]);
  const origins = new Set([
    ...['localhost', '127.0.0.1', '[::1]'].map((name) => `http://${name}:${options.port}`),
    ...(options.allowedOrigins ?? []).map((origin) => origin.replace(/\/$/, '').toLowerCase()),
  ]);
  const expected = options.token === undefined ? undefined : Buffer.from(`Bearer ${options.token}`);
  return (headers) => {
    const host = hostName(headers.host ?? '');
    if (!names.has(host.name) || (host.port !== undefined && host.port !== String(options.port))) {
      return {
        ok: false,
        status: 403,
        message: `Host ${headers.host ?? '(none)'} is not allowed (use --allowed-host)`,
      };
    }
    const origin = headers.origin;
    if (origin !== undefined && !origins.has(origin.toLowerCase())) {
      return { ok: false, status: 403, message: `Origin ${origin} is not allowed (use --allowed-origin)` };
    }
    if (expected) {
      const given = Buffer.from(headers.authorization ?? '');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        return { ok: false, status: 401, message: 'missing or wrong bearer token' };
      }
    }
    return { ok: true };
  };
}
