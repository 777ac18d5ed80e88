import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { apiCall, login, request, startTestHost, wizardProtocols } from './helpers';
import type { TestHost } from './helpers';

/**
 * The attack of issue 6, item 1, replayed the way its owner would: the session cookie reaches any page on
 * another 127.0.0.1 port, and outside a browser Origin and Host can be forged. With only the cookie, nothing
 * may be called or streamed; the page's session key (origin-scoped storage) is what the server trusts.
 */
describe('the session cookie alone is not a credential', () => {
  let t: TestHost;
  let cookie: string;
  beforeEach(async () => {
    t = await startTestHost();
    cookie = await login(t);
  });
  afterEach(async () => {
    await t.cleanup();
  });

  const startInstallBody = JSON.stringify({
    installerDir: '/tmp/attacker',
    registration: { mode: 'none', serverKind: 'classic' },
  });

  /** The curl an attacker would run with the replayed cookie: forged Origin and Host, JSON, no key. */
  const replay = (method: string, extra: Record<string, string> = {}) =>
    request(t, {
      method: 'POST',
      path: `/api/${method}`,
      headers: { Cookie: cookie, Origin: t.host.origin, 'Content-Type': 'application/json', ...extra },
      body: method === 'startInstall' ? startInstallBody : '{}',
    });

  it('refuses startInstall and every other call that carries the cookie without the key, with a clear JSON error', async () => {
    for (const method of ['startInstall', 'startRegister', 'getSession', 'getLatestJob']) {
      const res = await replay(method);
      expect(res.status, method).toBe(401);
      const body = JSON.parse(res.body);
      expect(body).toMatchObject({ ok: false, error: { code: 'web.sessionKeyMissing' } });
      expect(body.error.message).toContain('session key');
      expect(body.error.hint).toContain('mobility-setup serve');
    }
    // A wrong key, the cookie's own value, the token, and the key anywhere but the header are no better.
    const cookieValue = cookie.split('=')[1] ?? '';
    for (const key of ['A'.repeat(43), cookieValue, t.token, `${t.sessionKey},${t.sessionKey}`, '']) {
      expect((await replay('startInstall', { 'X-Mobility-Session': key })).status, key).toBe(401);
    }
    expect((await replay('startInstall', { Cookie: `${cookie}; X-Mobility-Session=${t.sessionKey}` })).status).toBe(
      401,
    );
    // Nothing was started: the page itself, with its key, sees no job.
    const latest = await apiCall(t, cookie, 'getLatestJob', '{}');
    expect(JSON.parse(latest.body)).toEqual({ ok: true, value: null });
  });

  it('accepts the same call with the key in X-Mobility-Session (what the wizard page sends)', async () => {
    const res = await apiCall(t, cookie, 'getSession', '{}');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { shell: 'browser' } });
    // The key is useless without the cookie too: a leaked key alone is not a session either.
    expect((await apiCall(t, '', 'getSession', '{}')).status).toBe(401);
  });

  it('never hands the key to a request that has only the cookie', async () => {
    for (const path of ['/', '/index.html', `/?token=${t.token}`, '/?token=x', '/assets/app.js']) {
      const res = await request(t, { path, headers: { Cookie: cookie } });
      expect(res.raw, path).not.toContain(t.sessionKey);
    }
  });

  it('refuses a WebSocket upgrade that offers the cookie without the key, and answers with the fixed protocol only', async () => {
    const url = `ws://127.0.0.1:${t.host.port}/api/events`;
    const attempt = (protocols: string[]) =>
      new Promise<{ status?: number; protocol?: string }>((resolve) => {
        const ws = new WebSocket(url, protocols, { headers: { Cookie: cookie }, origin: t.host.origin });
        ws.on('open', () => {
          resolve({ protocol: ws.protocol });
          ws.close();
        });
        ws.on('unexpected-response', (_req, res) => {
          resolve({ status: res.statusCode });
          ws.terminate();
        });
        ws.on('error', () => resolve({}));
      });
    expect(await attempt([])).toEqual({ status: 401 });
    expect(await attempt(['mobility-events.v1'])).toEqual({ status: 401 });
    expect(await attempt(['mobility-events.v1', 'mobility-session.AAAA'])).toEqual({ status: 401 });
    expect(await attempt(['mobility-events.v1', `mobility-session.${t.token}`])).toEqual({ status: 401 });
    expect(await attempt(wizardProtocols(t))).toEqual({ protocol: 'mobility-events.v1' });
  });

  it('a fresh link replaces the session: the old browser is refused, the unused older link stops working', async () => {
    const oldKey = t.sessionKey;
    const first = t.host.freshLink();
    const second = t.host.freshLink();
    expect(first).not.toBe(second);
    const firstToken = new URL(first).searchParams.get('token') ?? '';
    expect((await request(t, { path: `/?token=${firstToken}` })).status).toBe(403);
    // Until the new link is used, the current browser keeps working.
    expect((await apiCall(t, cookie, 'getSession', '{}')).status).toBe(200);
    const newCookie = await login(t, new URL(second).searchParams.get('token') ?? '');
    expect(t.sessionKey).not.toBe(oldKey);
    expect((await apiCall(t, newCookie, 'getSession', '{}')).status).toBe(200);
    expect((await apiCall(t, cookie, 'getSession', '{}', { 'X-Mobility-Session': oldKey })).status).toBe(401);
  });
});
