import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An HTTP(S) proxy that refuses everything and remembers where clients tried to go. Tests hand it to
 * the `claude` and `codex` binaries as HTTPS_PROXY/HTTP_PROXY (with NO_PROXY for loopback), so any
 * attempt to reach the internet is blocked and shows up in `attempts`.
 */
export interface BlockingProxy {
  url: string;
  attempts: string[];
  /** Env vars routing a child's outbound traffic through the proxy, loopback excepted. */
  env: Record<string, string>;
  close(): Promise<void>;
}

export async function startBlockingProxy(): Promise<BlockingProxy> {
  const attempts: string[] = [];
  const proxy = createServer((req, res) => {
    attempts.push(`${req.method} ${req.url}`);
    res.writeHead(502).end();
  });
  proxy.on('connect', (req, socket) => {
    attempts.push(`CONNECT ${req.url}`);
    socket.on('error', () => {});
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  const noProxy = '127.0.0.1,localhost';
  return {
    url,
    attempts,
    env: {
      HTTPS_PROXY: url,
      HTTP_PROXY: url,
      ALL_PROXY: url,
      https_proxy: url,
      http_proxy: url,
      NO_PROXY: noProxy,
      no_proxy: noProxy,
    },
    close: () =>
      new Promise<void>((resolve) => {
        proxy.close(() => resolve());
        proxy.closeAllConnections();
      }),
  };
}
