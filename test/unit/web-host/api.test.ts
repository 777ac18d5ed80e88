import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../../main/web-host/api-routes';
import { apiCall, rawRequest, request, stillAnswers, useLoggedInHost } from './helpers';
import type { TestHost } from './helpers';

describe('POST /api/<method>', () => {
  let t: TestHost;
  let cookie: string;
  useLoggedInHost((session) => ({ t, cookie } = session));

  it('dispatches to the core as the browser front door and returns the Result as JSON, uncached', async () => {
    const res = await apiCall(t, cookie, 'getSession', '{}');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const result = JSON.parse(res.body);
    expect(result).toMatchObject({ ok: true, value: { shell: 'browser', demo: false, appVersion: '0.0.0-test' } });
  });

  it('treats an empty body as {}', async () => {
    const res = await apiCall(t, cookie, 'getSession', '');
    expect(JSON.parse(res.body)).toMatchObject({ ok: true });
  });

  it('answers an unknown method with a failed Result (200), and an invalid request the same way', async () => {
    const unknown = await apiCall(t, cookie, 'formatDisk', '{}');
    expect(unknown.status).toBe(200);
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'api.unknownMethod' } });
    const invalid = await apiCall(t, cookie, 'getSession', '{"extra":"field"}');
    expect(invalid.status).toBe(200);
    expect(JSON.parse(invalid.body)).toMatchObject({ ok: false, error: { code: 'api.invalidRequest' } });
  });

  it('refuses bad JSON with 400 and a JSON error', async () => {
    for (const body of ['{', '{"a":', 'not json', '\u0000\u0001']) {
      const res = await apiCall(t, cookie, 'getSession', body);
      expect(res.status, body).toBe(400);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'web.badJson' } });
    }
    expect(await stillAnswers(t, cookie)).toBe(true);
  });

  it('refuses a body over the cap with 413, declared or streamed', async () => {
    const head = [
      'POST /api/getSession HTTP/1.1',
      `Host: ${t.hostHeader}`,
      `Cookie: ${cookie}`,
      `X-Mobility-Session: ${t.sessionKey}`,
      `Origin: ${t.host.origin}`,
      'Content-Type: application/json',
    ];
    const declared = await rawRequest(
      t.host.port,
      [...head, `Content-Length: ${MAX_BODY_BYTES + 1}`, '', ''].join('\r\n'),
    );
    expect(declared.status).toBe(413);
    // Chunked: no length up front, so the cap has to be enforced while reading.
    const chunk = 'x'.repeat(256 * 1024);
    const chunks = Array.from({ length: 10 }, () => `${chunk.length.toString(16)}\r\n${chunk}\r\n`).join('');
    const streamed = await rawRequest(
      t.host.port,
      [...head, 'Transfer-Encoding: chunked', '', chunks + '0\r\n\r\n'].join('\r\n'),
    );
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.body)).toMatchObject({ ok: false, error: { code: 'web.tooLarge' } });
    expect(await stillAnswers(t, cookie)).toBe(true);
  });

  it('accepts a body just under the cap (a large config.json) and lets the core validate it', async () => {
    const configJson = JSON.stringify({ blob: 'y'.repeat(900_000) });
    const body = JSON.stringify({ registration: { mode: 'modernized', configJson }, extra: 1 });
    const res = await apiCall(t, cookie, 'startRegister', body);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'api.invalidRequest' } });
  });

  it('refuses GET on the API, odd method names and the events path without an upgrade', async () => {
    expect(
      (await request(t, { path: '/api/getSession', headers: { Cookie: cookie, 'X-Mobility-Session': t.sessionKey } }))
        .status,
    ).toBe(405);
    for (const path of ['/api/', '/api/get-session', '/api/getSession/x', '/api/%2e%2e', `/api/${'a'.repeat(65)}`]) {
      const res = await apiCall(t, cookie, path.slice('/api/'.length), '{}');
      expect(res.status, path).toBe(404);
    }
    expect((await request(t, { path: '/api/events', headers: { Cookie: cookie } })).status).toBe(426);
    expect((await request(t, { method: 'DELETE', path: '/', headers: { Cookie: cookie } })).status).toBe(405);
  });

  it('never echoes the session cookie or the token in a reply body', async () => {
    const value = cookie.split('=')[1] ?? '';
    const res = await apiCall(t, cookie, 'getSession', '{}');
    expect(res.body).not.toContain(value);
    expect(res.body).not.toContain(t.token);
  });
});
