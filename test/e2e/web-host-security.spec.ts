import { readdirSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import type { Server } from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import NodeWebSocket from 'ws';
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
    // The landing answered the page itself: its URL was replaced (no history entry keeps the token), and the key it
    // carried moved out of the document into the origin's storage.
    expect(
      await page.evaluate(() => ({
        meta: document.querySelector('meta[name="mobility-session"]') !== null,
        stored: /^[A-Za-z0-9_-]{43}$/.test(localStorage.getItem('mobility-setup.session-key') ?? ''),
      })),
    ).toEqual({ meta: false, stored: true });
    await page.goBack();
    expect(page.url()).not.toContain('token');
    await page.goForward();
    expect(page.url()).toBe(`${served.origin}/`);
    // The page's own scripts may reach the event stream (same origin, session cookie, and the key it stored).
    const opened = await page.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          const key = localStorage.getItem('mobility-setup.session-key') ?? '';
          const ws = new WebSocket(`ws://${location.host}/api/events`, [
            'mobility-events.v1',
            `mobility-session.${key}`,
          ]);
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

  test('another origin cannot call the API or open the event stream, even with the session cookie in the browser', async ({
    page,
  }) => {
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
          const r = await fetch(`${target}/api/getSession`, {
            method: 'POST',
            credentials: 'include',
            headers: { 'Content-Type': 'application/json' },
            body: '{}',
          });
          outcome.json = `read ${r.status}`;
        } catch {
          outcome.json = 'blocked';
        }
        // A "simple" request skips the CORS preflight; the server must refuse it by itself.
        await fetch(`${target}/api/getSession`, {
          method: 'POST',
          mode: 'no-cors',
          credentials: 'include',
          body: '{}',
        }).catch(() => undefined);
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
      // The wizard's own page may still fetch its later steps' chunks (idle prefetch): only API answers count here.
      expect(served.stderr().slice(logBefore)).not.toMatch(/"path":"\/api\/[^"]*","status":200/);
    } finally {
      await new Promise((resolve) => evil.server.close(resolve));
    }
  });

  // Cross-Origin-Opener-Policy: same-origin. Pages on other 127.0.0.1 ports are the same *site* (ports do not count),
  // so a wizard window such a page opened would share its browsing context group, and so its renderer process, and
  // the opener would hold a handle to it. The header puts the wizard in a group of its own: the handle goes dead.
  test('a page on another port that opens the wizard in a window keeps no handle to it and cannot navigate it', async ({
    page,
    context,
  }) => {
    const evil = await startEvilSite();
    try {
      await page.goto(served.url);
      await expect(page.getByText('Check complete.')).toBeVisible();
      await page.goto(evil.url);
      // The cookie goes with the popup's navigation (same site), and the key is in the origin's storage: without the
      // header this window would be a working wizard the other page holds a handle to.
      const opened = context.waitForEvent('page');
      await page.evaluate((target) => {
        (window as unknown as { wizard: Window | null }).wizard = window.open(`${target}/`, 'wizard');
      }, served.origin);
      const wizard = await opened;
      await expect(wizard.getByText('Check complete.')).toBeVisible();
      const seen = await page.evaluate((evilUrl) => {
        const handle = (window as unknown as { wizard: Window | null }).wizard;
        const closedBefore = handle?.closed ?? true;
        // Tab-nabbing: send the wizard's window elsewhere.
        try {
          if (handle) handle.location.href = `${evilUrl}#phished`;
        } catch {
          // a severed handle may throw; what counts is where the wizard window is afterwards
        }
        return { closed: closedBefore };
      }, evil.url);
      expect(seen.closed, 'the opener sees the wizard window as closed').toBe(true);
      expect(await wizard.evaluate(() => window.opener === null)).toBe(true);
      await wizard.waitForTimeout(500);
      expect(new URL(wizard.url()).origin).toBe(served.origin);
      await expect(wizard.getByText('Check complete.')).toBeVisible();
    } finally {
      await new Promise((resolve) => evil.server.close(resolve));
    }
  });

  test('garbage on the socket does not take the server down', async ({ page }) => {
    await page.goto(served.url);
    for (const bytes of [
      Buffer.from([0x16, 0x03, 0x01, 0xff, 0x00, 0x00]),
      Buffer.from('GARBAGE\r\n\r\n'),
      Buffer.alloc(70_000, 0x41),
    ]) {
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
      const key = localStorage.getItem('mobility-setup.session-key') ?? '';
      const r = await fetch('/api/getSession', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Mobility-Session': key },
        body: '{}',
      });
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

// Issue 6, item 1: cookies are not separated by port, so a page on any other 127.0.0.1 port gets the session
// cookie on its own requests. The attack is run for real: a second local server records what Chromium sends
// it, and its "owner" replays that cookie with forged Origin and Host.
test.describe('the session cookie leaks to other local ports, and is not enough', () => {
  let served: ServedCli;
  test.beforeEach(async () => {
    served = await startServe(['--verbose']);
  });
  test.afterEach(async () => {
    expect(await served.stop()).toBe(0);
  });

  test('a page on another port receives the cookie; replaying it to startInstall and to the event stream is refused; the wizard still works', async ({
    page,
  }) => {
    const other = await startCookieRecorder();
    try {
      await page.goto(served.url);
      await expect(page.getByText('Check complete.')).toBeVisible();
      const cookieName = `mobility_session_${served.port}`;

      // The other local page, loaded in the same browser after the wizard was opened.
      await page.goto(other.url);
      await expect(page).toHaveTitle('Elsewhere');
      const stolen = other.cookies().find((c) => c.includes(`${cookieName}=`));
      expect(stolen, 'Chromium sends the wizard cookie to another port on 127.0.0.1').toBeDefined();
      // What it cannot have: the key lives in the wizard origin's storage, and origins include the port.
      expect(await page.evaluate(() => localStorage.getItem('mobility-setup.session-key'))).toBeNull();

      // Its owner, outside the browser: the cookie, a forged Origin and Host, a well-formed startInstall.
      const headers = {
        Cookie: stolen ?? '',
        Origin: served.origin,
        Host: `127.0.0.1:${served.port}`,
        'Content-Type': 'application/json',
      };
      const install = await postJson(served.port, '/api/startInstall', headers, {
        installerDir: '/tmp/attacker',
        registration: { mode: 'none', serverKind: 'classic' },
      });
      expect(install.status).toBe(401);
      expect(JSON.parse(install.body)).toMatchObject({ ok: false, error: { code: 'web.sessionKeyMissing' } });
      const latest = await postJson(served.port, '/api/getLatestJob', headers, {});
      expect(latest.status).toBe(401);
      expect(await upgradeStatus(served.port, headers, ['mobility-events.v1'])).toBe(401);
      expect(await upgradeStatus(served.port, headers, [])).toBe(401);
      expect(served.stderr()).toContain('websocket refused {"path":"/api/events","status":401}');

      // The wizard itself: back in the same tab (a reload after a dropped tunnel) and in a new tab.
      await page.goto(`${served.origin}/`);
      await expect(page.getByText('Check complete.')).toBeVisible();
      const again = await page.evaluate(async () => {
        const key = localStorage.getItem('mobility-setup.session-key') ?? '';
        const r = await fetch('/api/getLatestJob', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Mobility-Session': key },
          body: '{}',
        });
        return { status: r.status, body: (await r.json()) as unknown };
      });
      expect(again).toEqual({ status: 200, body: { ok: true, value: null } });
      const tab = await page.context().newPage();
      await tab.goto(`${served.origin}/`);
      await expect(tab.getByText('Check complete.')).toBeVisible();
      await tab.close();
    } finally {
      await new Promise((resolve) => other.server.close(resolve));
    }
  });

  test('SIGUSR2 prints a fresh link for another browser; opening it moves the session there', async ({ browser }) => {
    const first = await browser.newContext();
    const firstPage = await first.newPage();
    await firstPage.goto(served.url);
    await expect(firstPage.getByText('Check complete.')).toBeVisible();

    served.signal('SIGUSR2');
    await expect.poll(() => served.laterLines().length).toBe(1);
    const fresh = (JSON.parse(served.laterLines()[0] ?? '{}') as { result: { url: string; port: number } }).result;
    expect(fresh.port).toBe(served.port);
    expect(fresh.url).not.toBe(served.url);

    const second = await browser.newContext();
    const secondPage = await second.newPage();
    await secondPage.goto(fresh.url);
    await expect(secondPage.getByText('Check complete.')).toBeVisible();
    expect(secondPage.url()).toBe(`${served.origin}/`);

    const callFrom = (p: typeof firstPage) =>
      p.evaluate(async () => {
        const key = localStorage.getItem('mobility-setup.session-key') ?? '';
        const r = await fetch('/api/getSession', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Mobility-Session': key },
          body: '{}',
        });
        return r.status;
      });
    expect(await callFrom(secondPage)).toBe(200);
    expect(await callFrom(firstPage)).toBe(401);
    await first.close();
    await second.close();
  });
});

/** A real server on another 127.0.0.1 port that records the Cookie header of every request it gets. */
async function startCookieRecorder(): Promise<{ url: string; server: Server; cookies(): string[] }> {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    seen.push(req.headers.cookie ?? '');
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end('<!doctype html><title>Elsewhere</title><p>another local site</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/`, server, cookies: () => [...seen] };
}

function postJson(
  port: number,
  path: string,
  headers: Record<string, string>,
  body: unknown,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'POST', headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

/** The HTTP status of a WebSocket handshake to /api/events (101 when it opened). */
function upgradeStatus(port: number, headers: Record<string, string>, protocols: string[]): Promise<number> {
  return new Promise((resolve) => {
    const ws = new NodeWebSocket(`ws://127.0.0.1:${port}/api/events`, protocols, {
      headers: { Cookie: headers.Cookie ?? '' },
      origin: headers.Origin,
    });
    ws.on('open', () => {
      resolve(101);
      ws.close();
    });
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('error', () => resolve(0));
  });
}

// Issue 6, item 7: half-open sockets used to pile up until the process ran out of file descriptors. Here the
// serve process gets a low descriptor limit (prlimit) so a bounded flood (1,000 loopback sockets, held for
// a few seconds) is enough to exhaust it without the connection cap.
test.describe('the browser host under a half-open connection flood', () => {
  const FD_LIMIT = 400;
  let served: ServedCli;
  test.beforeEach(async () => {
    served = await startServe([], { wrapper: ['prlimit', `--nofile=${FD_LIMIT}`, '--'] });
  });
  test.afterEach(async () => {
    expect(await served.stop()).toBe(0);
  });

  test('the wizard still loads and calls its API within seconds while 1,000 half-open sockets are held', async ({
    page,
  }) => {
    await page.goto(served.url);
    await expect(page.getByText('Check complete.')).toBeVisible();
    const flood: net.Socket[] = [];
    try {
      for (let i = 0; i < 1_000; i++) {
        flood.push(
          await new Promise<net.Socket>((resolve) => {
            const socket = net.connect({ host: '127.0.0.1', port: served.port }, () => {
              if (i % 2 === 1) socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${served.port}\r\n`);
              resolve(socket);
            });
            socket.on('error', () => resolve(socket));
          }),
        );
      }
      const started = Date.now();
      await page.reload({ timeout: 5_000 });
      await expect(page.getByText('Check complete.')).toBeVisible({ timeout: 5_000 });
      const status = await page.evaluate(async () => {
        const key = localStorage.getItem('mobility-setup.session-key') ?? '';
        const r = await fetch('/api/getSession', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Mobility-Session': key },
          body: '{}',
        });
        return r.status;
      });
      expect(status).toBe(200);
      expect(Date.now() - started).toBeLessThan(5_000);
      const descriptors = readdirSync(`/proc/${served.pid}/fd`).length;
      expect(descriptors).toBeLessThan(FD_LIMIT / 2);
    } finally {
      for (const s of flood) s.destroy();
    }
  });
});

// Issue 6, item 8: the page's CSP used to allow `connect-src ws: wss:`, any WebSocket server anywhere. A script
// running in the wizard page (an injected one, say) tries to reach another local WebSocket server.
test.describe("the wizard page's CSP allows connections to its own host only", () => {
  /** Loads `url`, then from the page opens a WebSocket to a real server on another port; says what happened. */
  async function tryForeignSocket(
    page: Page,
    url: string,
  ): Promise<{ outcome: string; violations: string[]; reached: number }> {
    const foreign = createServer();
    let reached = 0;
    foreign.on('upgrade', (_req, socket) => {
      reached += 1;
      socket.destroy();
    });
    await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
    const address = foreign.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      await page.goto(url);
      const result = await page.evaluate(async (target) => {
        const violations: string[] = [];
        document.addEventListener('securitypolicyviolation', (e) =>
          violations.push(`${e.violatedDirective} ${e.blockedURI}`),
        );
        let outcome: string;
        try {
          const ws = new WebSocket(target);
          outcome = await new Promise<string>((resolve) => {
            ws.onopen = () => resolve('opened');
            ws.onerror = () => resolve('error');
          });
        } catch (err) {
          outcome = `threw ${(err as Error).name}`;
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
        return { outcome, violations };
      }, `ws://127.0.0.1:${port}/`);
      return { ...result, reached };
    } finally {
      await new Promise((resolve) => foreign.close(resolve));
    }
  }

  test('in the Electron window (the built page from file://, as the window loads it)', async ({ page }) => {
    const builtPage = path.resolve(__dirname, '..', '..', 'dist', 'renderer', 'index.html');
    const attempt = await tryForeignSocket(page, pathToFileURL(builtPage).href);
    expect(attempt.reached).toBe(0);
    expect(attempt.violations.join('\n')).toContain('connect-src');
  });

  test('in the browser host', async ({ page }) => {
    const served = await startServe();
    try {
      const attempt = await tryForeignSocket(page, served.url);
      expect(attempt.reached).toBe(0);
      expect(attempt.violations.join('\n')).toContain('connect-src');
    } finally {
      expect(await served.stop()).toBe(0);
    }
  });
});
