import { describe, expect, it } from 'vitest';
import { createHttpGuard, isLoopbackHost } from './http-guard.js';

describe('isLoopbackHost', () => {
  it('knows loopback addresses from the rest', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]'])
      expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.5', 'example.com', '128.0.0.1'])
      expect(isLoopbackHost(host), host).toBe(false);
  });
});

describe('createHttpGuard', () => {
  const guard = createHttpGuard({ host: '127.0.0.1', port: 7878 });

  it('accepts loopback Host headers for its own port only', () => {
    for (const host of ['127.0.0.1:7878', 'localhost:7878', '[::1]:7878', 'localhost']) {
      expect(guard({ host }), host).toEqual({ ok: true });
    }
    for (const host of ['localhost:7879', 'evil.example:7878', 'evil.example', '']) {
      expect(guard({ host }), host).toMatchObject({ ok: false, status: 403 });
    }
  });

  it('accepts no Origin or its own, refuses a foreign one unless allow-listed', () => {
    expect(guard({ host: 'localhost:7878', origin: 'http://localhost:7878' })).toEqual({ ok: true });
    expect(guard({ host: 'localhost:7878', origin: 'http://evil.example' })).toMatchObject({ status: 403 });
    const open = createHttpGuard({
      host: '0.0.0.0',
      port: 7878,
      allowedHosts: ['ktx.lan'],
      allowedOrigins: ['https://App.example.com/'],
      token: 'secret-token-0123456789',
    });
    const auth = { authorization: 'Bearer secret-token-0123456789' };
    expect(open({ host: 'ktx.lan:7878', origin: 'https://app.example.com', ...auth })).toEqual({ ok: true });
    expect(open({ host: 'other.lan:7878', ...auth })).toMatchObject({ status: 403 });
  });

  it('checks the bearer token after Host and Origin', () => {
    const withToken = createHttpGuard({ host: '127.0.0.1', port: 7878, token: 'secret-token-0123456789' });
    expect(withToken({ host: 'localhost:7878' })).toMatchObject({ status: 401 });
    expect(withToken({ host: 'localhost:7878', authorization: 'Bearer nope' })).toMatchObject({
      status: 401,
    });
    expect(withToken({ host: 'localhost:7878', authorization: 'Bearer secret-token-0123456789' })).toEqual({
      ok: true,
    });
    expect(
      withToken({ host: 'evil.example', authorization: 'Bearer secret-token-0123456789' }),
    ).toMatchObject({ status: 403 });
  });
});
