/**
 * Variables a Codex child may inherit. Everything else (other providers' keys, AWS/GCP credentials,
 * ktx's own secrets, NODE_OPTIONS) stays out of the child: it runs model-chosen commands, even if
 * read-only, so it sees only what it needs to start, find its sign-in, reach the network through the
 * user's proxy and trust the user's CAs.
 */
export const CODEX_CHILD_ENV_ALLOW_LIST = [
  // process basics
  'PATH',
  'Path',
  'HOME',
  'USER',
  'LOGNAME',
  'SHELL',
  'TMPDIR',
  'TMP',
  'TEMP',
  'SYSTEMROOT',
  'COMSPEC',
  'USERPROFILE',
  'APPDATA',
  'LOCALAPPDATA',
  // locale
  'LANG',
  'LANGUAGE',
  'LC_ALL',
  'LC_CTYPE',
  'LC_MESSAGES',
  'TZ',
  // Codex home, its sign-in and its logging
  'XDG_CONFIG_HOME',
  'CODEX_HOME',
  'CODEX_API_KEY',
  'OPENAI_API_KEY',
  'RUST_LOG',
  // proxies and corporate CAs
  'HTTPS_PROXY',
  'HTTP_PROXY',
  'ALL_PROXY',
  'NO_PROXY',
  'https_proxy',
  'http_proxy',
  'all_proxy',
  'no_proxy',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'NODE_EXTRA_CA_CERTS',
  'REQUESTS_CA_BUNDLE',
  'CURL_CA_BUNDLE',
] as const;

/**
 * The child env: the allow-listed subset of `base` (the resolved config's env, never `process.env`
 * read here) plus per-call `extra` variables (the MCP bearer token, a gateway key). Returns a fresh
 * object; nothing global is touched, so concurrent calls cannot see each other's tokens.
 */
export function buildCodexChildEnv(
  base: Readonly<Record<string, string | undefined>>,
  extra: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of CODEX_CHILD_ENV_ALLOW_LIST) {
    const value = base[name];
    if (value !== undefined && value !== '') env[name] = value;
  }
  return { ...env, ...extra };
}
