import { describe, expect, it } from 'vitest';
import { redactUrl, scrubSecrets, urlSecrets } from './redact-url.js';

describe('redactUrl', () => {
  it('drops the password and secret-looking parameters, keeps what identifies the target', () => {
    const url = 'postgres://app:s3cr%40t@db.internal:5432/sales?sslmode=require&sslpassword=x&api_token=y';
    expect(redactUrl(url)).toBe('postgres://app@db.internal:5432/sales?sslmode=require');
  });

  it('never echoes an unparseable URL, which may still hold a password', () => {
    expect(redactUrl('not a url with hunter2')).toBe('<unparseable connection URL>');
  });
});

describe('scrubSecrets', () => {
  it('removes the raw and decoded password from driver text', () => {
    const secrets = urlSecrets('mysql://root:p%40ss@host/db');
    expect(secrets).toContain('p@ss');
    expect(scrubSecrets('login p@ss and p%40ss refused', secrets)).toBe('login *** and *** refused');
  });
});
