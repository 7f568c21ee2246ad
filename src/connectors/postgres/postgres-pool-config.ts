import type { CustomTypesConfig, PoolConfig } from 'pg';
import { KtxError } from '../../core/index.js';
import { redactUrl } from '../shared/redact-url.js';
import { decodeUrlPart } from '../shared/url-parts.js';

/**
 * Every value arrives as the server's text and is converted by postgres-types.ts, so nothing is parsed
 * into a float or a local-time Date on the way (int8, numeric, timestamps, dates stay exact).
 */
const rawText = (value: string) => value;
export const RAW_TEXT_TYPES: CustomTypesConfig = { getTypeParser: () => rawText };

/**
 * Session settings sent in the startup packet, so they hold from the first statement of every pooled
 * connection: read-only by default (each query also runs in BEGIN READ ONLY), UTC so timestamptz text
 * ends in +00, and fixed output styles the converters rely on.
 * @see https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNECT-OPTIONS
 */
const SESSION_SETTINGS = [
  'default_transaction_read_only=on',
  'TimeZone=UTC',
  'DateStyle=ISO,MDY',
  'IntervalStyle=postgres',
  'bytea_output=hex',
  'extra_float_digits=1',
];

export interface PostgresTarget {
  pool: PoolConfig;
  /** The URL without its password, for messages. */
  display: string;
  secrets: string[];
}

export function postgresPoolConfig(
  url: string,
  schemas: readonly string[] | undefined,
  maxConnections: number,
): PostgresTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (cause) {
    throw new KtxError('connection_config', 'The PostgreSQL connection URL is not a valid URL.', {
      fix: 'Use the form postgres://user:password@host:5432/database.',
      cause,
    });
  }
  // pg decodes these itself and would fail later with an internal-looking error.
  decodeUrlPart(parsed.username, 'user name', 'PostgreSQL');
  decodeUrlPart(parsed.pathname, 'database name', 'PostgreSQL');
  // pg lets URL parameters override the config object, so `options` is taken out of the URL and ours
  // are appended after the user's: for repeated -c settings PostgreSQL keeps the last one.
  const userOptions = parsed.searchParams.get('options');
  parsed.searchParams.delete('options');
  const settings = [...SESSION_SETTINGS];
  if (schemas && schemas.length > 0) {
    const path = [...schemas, ...(schemas.includes('public') ? [] : ['public'])];
    settings.push(`search_path=${path.map(quoteIdentifier).join(',')}`);
  }
  const options = [userOptions, ...settings.map((setting) => `-c ${escapeOption(setting)}`)]
    .filter(Boolean)
    .join(' ');
  return {
    pool: {
      connectionString: parsed.toString(),
      options,
      max: maxConnections,
      application_name: 'ktx',
      connectionTimeoutMillis: 10_000,
      idleTimeoutMillis: 30_000,
      types: RAW_TEXT_TYPES,
    },
    display: redactUrl(url),
    secrets: [parsed.password, decodeUrlPart(parsed.password, 'password', 'PostgreSQL')].filter(Boolean),
  };
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** In the startup `options` string, spaces and backslashes inside a value are backslash-escaped. */
function escapeOption(setting: string): string {
  return setting.replace(/[\\ ]/g, (character) => `\\${character}`);
}
