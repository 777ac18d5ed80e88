import { createServer } from 'node:http';
import type { Server } from 'node:http';
import net from 'node:net';
import { expect, test } from '@playwright/test';
import { startServe } from './helpers/serve';
import type { ServedCli } from './helpers/serve';

// The real `mobility-setup serve` in a child process, driven by Debian's Chromium. Needs `npm run build`.
test.describe('browser host security', () => {
  let served: ServedCli;
  test.beforeEach(async () => {
    served = await startServe(['--verbose']);
  });
  test.afterEach(async () => {
    expect(await served.stop()).toBe(0);
  });

  test('the printed link opens the wizard once and the token leaves the address bar', async ({ page }) => {
    const cspErrors: string[] = [];
    page.on('console', (m) => {
      // Only real blocks count ("Refused to …"); notices about the page's own <meta> policy do not.
      if (m.type() === 'error' && /Refused to .*Content Security Policy/is.test(m.text())) cspErrors.push(m.text());
    });
    await page.goto(served.url);
    await expect(page).toHaveTitle('Mobility Setup');
    expect(page.url()).toBe(`${served.origin}/`);
    expect(page.url()).not.toContain('token');
    // The page's own scripts may reach the event stream (same origin, session cookie).
    const opened = await page.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          const ws = new WebSocket(`ws://${location.host}/api/events`);
          ws.onopen = () => {
            ws.close();
            resolve(true);
          };
          ws.onerror = () => resolve(false);
        }),
    );
    expect(opened).toBe(true);
    expect(cspErrors).toEqual([]);
    const cookies = await page.context().cookies();
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
  });

  test('a used link and a wrong link show the refusal page', async ({ browser }) => {
    const first = await browser.newContext();
    await (await first.newPage()).goto(served.url);
    await first.close();

    const second = await browser.newContext();
    const page = await second.newPage();
    const reused = await page.goto(served.url);
    expect(reused?.status()).toBe(403);
    await expect(page.locator('body')).toContainText('already used');
    await expect(page.locator('body')).toContainText('mobility-setup serve');

    const wrong = await page.goto(`${served.origin}/?token=not-the-token`);
    expect(wrong?.status()).toBe(403);
    await expect(page.locator('body')).toContainText('not valid');
    const bare = await page.goto(`${served.origin}/`);
    expect(bare?.status()).toBe(401);
    expect(await second.cookies()).toEqual([]);
    await second.close();
  });

  test('a foreign Host header is refused', async ({ request }) => {
    for (const host of [`evil.example:${served.port}`, `127.0.0.1:${served.port + 1}`]) {
      const res = await request.get(`${served.origin}/`, { headers: { Host: host } });
      expect(res.status(), host).toBe(421);
    }
    const rebound = await request.get(served.url, { headers: { Host: `rebind.evil.example:${served.port}` } });
    expect(rebound.status()).toBe(421);
  });

  test('another origin cannot call the API or open the event stream, even with the session cookie in the browser', async ({ page }) => {
    // Another site on the same machine: same site for cookies (so the browser sends the session), other origin.
    const evil = await startEvilSite();
    try {
      await page.goto(served.url);
      await expect(page).toHaveTitle('Mobility Setup');
      // The wizard itself calls the API on load; only what is answered after this point is the other site's.
      await expect(page.getByText('Check complete.')).toBeVisible();
      const logBefore = served.stderr().length;
      await page.goto(evil.url);
      const attempt = await page.evaluate(async (target) => {
        const outcome: Record<string, string> = {};
        try {
          const r = await fetch(`${target}/api/getSession`, { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body: '{}' });
          outcome.json = `read ${r.status}`;
        } catch {
          outcome.json = 'blocked';
        }
        // A "simple" request skips the CORS preflight; the server must refuse it by itself.
        await fetch(`${target}/api/getSession`, { method: 'POST', mode: 'no-cors', credentials: 'include', body: '{}' }).catch(() => undefined);
        outcome.ws = await new Promise<string>((resolve) => {
          const ws = new WebSocket(`${target.replace('http', 'ws')}/api/events`);
          ws.onopen = () => resolve('opened');
          ws.onclose = () => resolve('refused');
        });
        return outcome;
      }, served.origin);
      expect(attempt).toEqual({ json: 'blocked', ws: 'refused' });
      // The browser hides a refused cross-origin reply; the server's request log (--verbose) shows what it answered.
      await expect.poll(() => served.stderr()).toContain('"method":"POST","path":"/api/getSession","status":403');
      expect(served.stderr()).toContain('"method":"OPTIONS","path":"/api/getSession","status":403');
      expect(served.stderr()).toContain('websocket refused {"path":"/api/events","status":403}');
      expect(served.stderr().slice(logBefore)).not.toMatch(/"status":200/);
    } finally {
      await new Promise((resolve) => evil.server.close(resolve));
    }
  });

  test('garbage on the socket does not take the server down', async ({ page }) => {
    await page.goto(served.url);
    for (const bytes of [Buffer.from([0x16, 0x03, 0x01, 0xff, 0x00, 0x00]), Buffer.from('GARBAGE\r\n\r\n'), Buffer.alloc(70_000, 0x41)]) {
      await new Promise<void>((resolve) => {
        const socket = net.connect({ host: '127.0.0.1', port: served.port }, () => socket.end(bytes));
        socket.on('error', () => resolve());
        socket.on('close', () => resolve());
        socket.resume();
      });
    }
    const again = await page.reload();
    expect(again?.status()).toBe(200);
    await expect(page).toHaveTitle('Mobility Setup');
    const session = await page.evaluate(async () => {
      const r = await fetch('/api/getSession', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
      return (await r.json()) as { ok: boolean; value?: { shell: string } };
    });
    expect(session).toMatchObject({ ok: true, value: { shell: 'browser' } });
    expect(served.stderr()).not.toContain(new URL(served.url).searchParams.get('token') ?? 'x');
  });
});

/** A page on 127.0.0.1 at another port: what a hostile local site (or a rebinding one) would serve. */
async function startEvilSite(): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end('<!doctype html><title>Elsewhere</title><p>another site</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/`, server };
}
