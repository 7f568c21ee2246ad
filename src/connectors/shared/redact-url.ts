/**
 * Connection URLs carry passwords. Anything ktx prints or stores in an error goes through here first.
 */

const SECRET_PARAMS = /pass|secret|token|key|credential/i;

/** `scheme://user@host:port/path`, with the password and secret-looking query parameters removed. */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '<unparseable connection URL>';
  }
  parsed.password = '';
  for (const name of [...parsed.searchParams.keys()]) {
    if (SECRET_PARAMS.test(name)) parsed.searchParams.delete(name);
  }
  return parsed.toString();
}

/** The password of a URL, decoded, so that driver messages can be scrubbed of it. */
export function urlSecrets(url: string): string[] {
  try {
    const parsed = new URL(url);
    const secrets = [parsed.password, decodeURIComponent(parsed.password)];
    for (const [name, value] of parsed.searchParams) if (SECRET_PARAMS.test(name)) secrets.push(value);
    return secrets.filter((secret) => secret.length > 0);
  } catch {
    return [];
  }
}

/** Replaces every occurrence of each secret with `***`. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) if (secret) result = result.split(secret).join('***');
  return result;
}
