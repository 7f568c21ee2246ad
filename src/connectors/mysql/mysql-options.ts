import type { ConnectionOptions, PoolOptions } from 'mysql2';
import { KtxError } from '../../core/index.js';
import { redactUrl } from '../shared/redact-url.js';
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
  const password = decodeURIComponent(parsed.password);
  const ssl = parsed.searchParams.get('ssl');
  const charset = parsed.searchParams.get('charset');
  const connectTimeout = parsed.searchParams.get('connectTimeout');
  const connection: ConnectionOptions = {
    host: decodeURIComponent(parsed.hostname.replace(/^\[|\]$/g, '')) || 'localhost',
    port: parsed.port ? Number(parsed.port) : 3306,
    user: decodeURIComponent(parsed.username) || undefined,
    password: password || undefined,
    database: decodeURIComponent(parsed.pathname.slice(1)) || undefined,
    ...(ssl ? { ssl: ssl === 'true' ? {} : (JSON.parse(ssl) as object) } : {}),
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
    display: redactUrl(url),
    secrets: [parsed.password, password].filter(Boolean),
  };
}
