/**
 * Where the server-backed tests find PostgreSQL and MySQL/MariaDB. Under CI=true a missing URL is a
 * failure (the CI script exports both); on a laptop without servers the suite skips with one line.
 */
export type ServerKind = 'postgres' | 'mysql';

const ENV: Record<ServerKind, string> = {
  postgres: 'KTX_TEST_POSTGRES_URL',
  mysql: 'KTX_TEST_MYSQL_URL',
};

export function serverUrl(kind: ServerKind): string | undefined {
  const url = process.env[ENV[kind]];
  if (url) return url;
  if (process.env.CI === 'true') {
    throw new Error(`${ENV[kind]} is not set but CI=true: .ci/run must start ${kind} and export it.`);
  }
  return undefined;
}

/** For `describe.skipIf(...)`: true when the server is not configured here (never under CI). */
export function skipWithout(kind: ServerKind): boolean {
  const missing = serverUrl(kind) === undefined;
  if (missing) process.stderr.write(`skipping ${kind} tests: set ${ENV[kind]} to run them\n`);
  return missing;
}
