import { describe, expect, it } from 'vitest';
import { apiCall, request, stillAnswers, useLoggedInHost } from './helpers';
import type { TestHost } from './helpers';

describe('Host and Origin allow-lists', () => {
  let t: TestHost;
  let cookie: string;
  useLoggedInHost((session) => ({ t, cookie } = session));

  it('accepts 127.0.0.1:PORT and localhost:PORT as Host', async () => {
    for (const host of [`127.0.0.1:${t.host.port}`, `localhost:${t.host.port}`, `LOCALHOST:${t.host.port}`]) {
      const res = await request(t, { path: '/', host, headers: { Cookie: cookie } });
      expect(res.status, host).toBe(200);
    }
  });

  it('refuses foreign, rebinding-style, other-port, portless, missing and duplicate Host headers', async () => {
    const port = t.host.port;
    const hosts = [
      `evil.example:${port}`,
      `127.0.0.1:${port + 1}`,
      `127.0.0.1.nip.io:${port}`,
      `localhost.evil.example:${port}`,
      `[::1]:${port}`,
      '127.0.0.1',
      'localhost',
      `127.0.0.1:${port}@evil.example`,
      '',
    ];
    for (const host of hosts) {
      const res = await request(t, { path: '/', host, headers: { Cookie: cookie } });
      expect(res.status, `Host: ${host}`).toBeGreaterThanOrEqual(400);
      expect(res.status, `Host: ${host}`).toBeLessThan(500);
      expect(res.body).not.toContain('<title>Mobility Setup</title>');
    }
    const missing = await request(t, { path: '/', host: null, headers: { Cookie: cookie } });
    expect(missing.status).toBe(400);
    const duplicate = await request(t, { path: '/', headers: { Cookie: cookie, Host: 'evil.example' } });
    expect(duplicate.status).toBeGreaterThanOrEqual(400);
    expect(await stillAnswers(t, cookie)).toBe(true);
  });

  it('answers 421 to a rebinding Host even with the right token, and keeps the token usable', async () => {
    const res = await request(t, { path: `/?token=${t.token}`, host: `attacker.example:${t.host.port}` });
    expect(res.status).toBe(421);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('refuses API POSTs with a foreign, null or missing Origin', async () => {
    for (const origin of [
      'http://evil.example',
      `http://127.0.0.1:${t.host.port + 1}`,
      `https://127.0.0.1:${t.host.port}`,
      'null',
    ]) {
      const res = await apiCall(t, cookie, 'getSession', '{}', { Origin: origin });
      expect(res.status, origin).toBe(403);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'web.forbiddenOrigin' } });
    }
    const noOrigin = await request(t, {
      method: 'POST',
      path: '/api/getSession',
      headers: { Cookie: cookie, 'X-Mobility-Session': t.sessionKey, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(noOrigin.status).toBe(403);
    expect(await stillAnswers(t, cookie)).toBe(true);
  });

  it('accepts the localhost origin, and refuses a cross-site fetch even with the right Origin', async () => {
    const local = await apiCall(t, cookie, 'getSession', '{}', { Origin: `http://localhost:${t.host.port}` });
    expect(local.status).toBe(200);
    const crossSite = await apiCall(t, cookie, 'getSession', '{}', { 'Sec-Fetch-Site': 'cross-site' });
    expect(crossSite.status).toBe(403);
  });

  it('refuses a page GET whose Origin is foreign', async () => {
    const res = await request(t, { path: '/', headers: { Cookie: cookie, Origin: 'http://evil.example' } });
    expect(res.status).toBe(403);
  });

  it('refuses API POSTs that are not application/json (a cross-site form post)', async () => {
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/jsonp',
    ]) {
      const res = await apiCall(t, cookie, 'getSession', '{}', { 'Content-Type': type });
      expect(res.status, type).toBe(415);
    }
    const ok = await apiCall(t, cookie, 'getSession', '{}', { 'Content-Type': 'application/json; charset=utf-8' });
    expect(ok.status).toBe(200);
  });
});
