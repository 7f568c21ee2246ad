import type { ConnectionOptions, PoolOptions } from 'mysql2';
import { KtxError } from '../../core/index.js';
import { redactUrl } from '../shared/redact-url.js';
import { decodeUrlPart } from '../shared/url-parts.js';
import { rawBuffers } from './mysql-types.js';

export interface MysqlTarget {
  /** For one-off connections (KILL QUERY); `pool` adds the pool settings. */
  connection: ConnectionOptions;
  pool: PoolOptions;
  display: string;
  secrets: string[];
}

/**
 * URL parameters ktx passes on to mysql2. Everything else is refused: mysql2 would otherwise copy any
 * URL parameter into its options, `multipleStatements=true` included.
 */
const ALLOWED_PARAMS = new Set(['ssl', 'charset', 'connectTimeout']);

/** mysql2 pool options from a `mysql://user:password@host:3306/database` URL. */
export function mysqlPoolOptions(url: string, maxConnections: number): MysqlTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (cause) {
    throw new KtxError('connection_config', 'The MySQL connection URL is not a valid URL.', {
      fix: 'Use the form mysql://user:password@host:3306/database.',
      cause,
    });
  }
  for (const name of parsed.searchParams.keys()) {
    if (!ALLOWED_PARAMS.has(name)) {
      throw new KtxError(
        'connection_config',
        `The MySQL connection URL has an unsupported parameter "${name}".`,
        {
          fix: `Remove it; ktx accepts only ${[...ALLOWED_PARAMS].join(', ')}.`,
        },
      );
    }
  }
  const password = decodeUrlPart(parsed.password, 'password', 'MySQL');
  const ssl = sslOptions(parsed.searchParams.get('ssl'));
  const charset = parsed.searchParams.get('charset');
  const connectTimeout = parsed.searchParams.get('connectTimeout');
  // The display keeps that TLS is on, never the SSL options (a key or passphrase may be among them).
  const displayed = new URL(parsed.toString());
  if (displayed.searchParams.has('ssl')) displayed.searchParams.set('ssl', '***');
  const connection: ConnectionOptions = {
    host: decodeUrlPart(parsed.hostname.replace(/^\[|\]$/g, ''), 'host', 'MySQL') || 'localhost',
    port: parsed.port ? Number(parsed.port) : 3306,
    user: decodeUrlPart(parsed.username, 'user name', 'MySQL') || undefined,
    password: password || undefined,
    database: decodeUrlPart(parsed.pathname.slice(1), 'database name', 'MySQL') || undefined,
    ...(ssl ? { ssl: ssl.options } : {}),
    charset: charset ?? 'UTF8MB4_UNICODE_CI',
    connectTimeout: connectTimeout ? Number(connectTimeout) : 10_000,
    multipleStatements: false, // one statement per call, enforced by the server
    // Values arrive as the server's bytes and are converted by mysql-types.ts; the options below
    // are the lossless settings for anything that bypasses the cast.
    typeCast: rawBuffers,
    supportBigNumbers: true,
    bigNumberStrings: true,
    dateStrings: true,
    jsonStrings: true,
    rowsAsArray: true,
  };
  return {
    connection,
    pool: { ...connection, connectionLimit: maxConnections, waitForConnections: true },
    display: redactUrl(displayed.toString()),
    secrets: [parsed.password, password, ...(ssl?.secrets ?? [])].filter(Boolean),
  };
}

/**
 * The `ssl` parameter: `true`, or mysql2's SSL options as JSON (which may hold a key or passphrase,
 * so every string in it is treated as a secret).
 * @see https://sidorares.github.io/node-mysql2/docs/examples/connections/create-connection#createconnectionconfig-ssl
 */
function sslOptions(raw: string | null): { options: object; secrets: string[] } | undefined {
  if (!raw) return undefined;
  if (raw === 'true') return { options: {}, secrets: [] };
  let options: unknown;
  try {
    options = JSON.parse(raw);
  } catch {
    options = undefined;
  }
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new KtxError('connection_config', 'The MySQL connection URL has an invalid ssl parameter.', {
      fix: 'Use ssl=true, or mysql2 SSL options as URL-encoded JSON such as ssl={"rejectUnauthorized":true}.',
    });
  }
  const secrets = [raw, encodeURIComponent(raw)];
  const collect = (value: unknown): void => {
    if (typeof value === 'string' && value.length > 0) secrets.push(value, encodeURIComponent(value));
    else if (typeof value === 'object' && value !== null)
      for (const each of Object.values(value)) collect(each);
  };
  collect(options);
  return { options, secrets };
}
