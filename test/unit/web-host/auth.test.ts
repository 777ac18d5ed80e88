import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCookie, secretsEqual } from '../../../main/web-host/auth';
import { apiCall, login, request, sessionKeyFromLandingPage, startTestHost, stillAnswers } from './helpers';
import type { TestHost } from './helpers';

describe('one-time token and session cookie', () => {
  let t: TestHost;
  beforeEach(async () => {
    t = await startTestHost();
  });
  afterEach(async () => {
    await t.cleanup();
  });

  it('prints a 127.0.0.1 URL with a token of at least 128 bits', () => {
    expect(t.host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${t.host.port}/\\?token=[A-Za-z0-9_-]+$`));
    expect(Buffer.from(t.token, 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(t.host.origin).toBe(`http://127.0.0.1:${t.host.port}`);
  });

  it('trades the right token for an HttpOnly SameSite=Strict cookie and the page itself with the session key in a meta, not cached, no referrer', async () => {
    const res = await request(t, { path: `/?token=${t.token}` });
    expect(res.status).toBe(200);
    expect(res.headers.location).toBeUndefined();
    expect(res.body).toContain('<title>Mobility Setup</title>');
    const key = sessionKeyFromLandingPage(res.body);
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(res.body).not.toContain(t.token);
    // The key is in this reply: no cache may keep it, and the token's URL never goes out in a Referer.
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    const cookie = res.headers['set-cookie'] ?? '';
    expect(cookie).toMatch(
      new RegExp(`^mobility_session_${t.host.port}=[A-Za-z0-9_-]{40,}; HttpOnly; SameSite=Strict; Path=/$`),
    );
    expect(cookie).not.toContain(t.token);
    expect(cookie).not.toContain(key);
    expect(key).not.toBe(t.token);
    const page = await request(t, { path: '/', headers: { Cookie: cookie.split(';')[0] ?? '' } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Mobility Setup</title>');
    // Only the landing carries the key: the cookie alone (which other local pages receive) never gets it.
    expect(page.body).not.toContain(key);
  });

  it('does not spend the token on a HEAD request (link previewers)', async () => {
    const head = await request(t, { method: 'HEAD', path: `/?token=${t.token}` });
    expect(head.status).toBe(401);
    expect(head.headers['set-cookie']).toBeUndefined();
    expect((await request(t, { path: `/?token=${t.token}` })).status).toBe(200);
  });

  it('refuses a wrong token with a 403 page and sets no cookie', async () => {
    const res = await request(t, { path: `/?token=${t.token.slice(0, -2)}xx` });
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('not valid');
    expect(res.headers['set-cookie']).toBeUndefined();
    // The wrong guess did not burn the real token.
    expect((await request(t, { path: `/?token=${t.token}` })).status).toBe(200);
  });

  it('refuses the token a second time with the "already used" page', async () => {
    await login(t);
    const again = await request(t, { path: `/?token=${t.token}` });
    expect(again.status).toBe(403);
    expect(again.body).toContain('already used');
    expect(again.body).toContain('mobility-setup serve');
    // How to get a new link without restarting `serve` (which would cancel a running install).
    expect(again.body).toContain(`kill -USR2 ${process.pid}`);
    expect(again.headers['set-cookie']).toBeUndefined();
  });

  it('sends a browser that already has the session on to / when it opens the link again, without handing out the key again', async () => {
    const cookie = await login(t);
    for (const token of [t.token, 'not-the-token']) {
      const again = await request(t, { path: `/?token=${token}`, headers: { Cookie: cookie } });
      expect(again.status).toBe(303);
      // The cookie alone (which pages on other local ports receive) must never buy the key.
      expect(again.headers.location).toBe('/');
      expect(again.headers['set-cookie']).toBeUndefined();
      expect(again.raw).not.toContain(t.sessionKey);
    }
  });

  it('refuses pages without the cookie with a short HTML explanation', async () => {
    const res = await request(t, { path: '/' });
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('mobility-setup serve');
    const asset = await request(t, { path: '/assets/app.js' });
    expect(asset.status).toBe(401);
    expect(asset.body).not.toContain('wizard');
  });

  it('refuses API calls without the cookie, or with a wrong one, even with the right key, with a JSON Result error', async () => {
    const none = await apiCall(t, '', 'getSession', '{}');
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toMatchObject({ ok: false, error: { code: 'web.unauthorized' } });
    const cookie = await login(t);
    expect((await apiCall(t, '', 'getSession', '{}')).status).toBe(401);
    const forged = cookie.replace(/=.*/, '=' + 'A'.repeat(43));
    expect((await apiCall(t, forged, 'getSession', '{}')).status).toBe(401);
    // The token itself is not a session.
    expect((await apiCall(t, cookie.replace(/=.*/, `=${t.token}`), 'getSession', '{}')).status).toBe(401);
    expect(await stillAnswers(t, cookie)).toBe(true);
  });

  it('ignores a session cookie named for another port', async () => {
    const cookie = await login(t);
    const value = cookie.split('=')[1];
    const res = await request(t, { path: '/', headers: { Cookie: `mobility_session_1=${value}` } });
    expect(res.status).toBe(401);
  });
});

describe('secret helpers', () => {
  it('compares secrets exactly', () => {
    expect(secretsEqual('abc', 'abc')).toBe(true);
    expect(secretsEqual('abd', 'abc')).toBe(false);
    expect(secretsEqual('ab', 'abc')).toBe(false);
    expect(secretsEqual('', 'abc')).toBe(false);
  });

  it('reads one cookie out of a header and tolerates junk', () => {
    expect(readCookie('a=1; mobility=xyz; b=2', 'mobility')).toBe('xyz');
    expect(readCookie('garbage;;=;', 'mobility')).toBeNull();
    expect(readCookie(undefined, 'mobility')).toBeNull();
    expect(readCookie('x'.repeat(9000), 'mobility')).toBeNull();
  });
});
