import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CONNECTION_LIMITS } from '../../../main/web-host/connection-limits';
import { MAX_EVENT_CLIENTS } from '../../../main/web-host/event-socket';
import { apiCall, login, startTestHost, wizardProtocols } from './helpers';
import type { TestHost } from './helpers';

/** Opens a loopback socket that sends `bytes` (maybe nothing) and then just sits there; resolves once connected. */
function halfOpen(port: number, bytes = ''): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port }, () => {
      if (bytes) socket.write(bytes);
      resolve(socket);
    });
    socket.on('error', () => undefined);
    socket.once('error', reject);
  });
}

/** Milliseconds until the server closes the socket (or `limitMs` when it does not). */
function closedWithin(socket: net.Socket, limitMs: number): Promise<number> {
  const started = Date.now();
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(limitMs), limitMs);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve(Date.now() - started);
    });
    socket.resume();
  });
}

// Issue 6, item 7: every local user can open sockets to 127.0.0.1. Bounded here: at most 1,200 sockets, all on loopback.
describe('browser host under a connection flood', () => {
  let t: TestHost;
  let cookie: string;
  const sockets: net.Socket[] = [];
  beforeEach(async () => {
    t = await startTestHost();
    cookie = await login(t);
  });
  afterEach(async () => {
    for (const s of sockets.splice(0)) s.destroy();
    await t.cleanup();
  });

  it('closes a socket that sends nothing, or trickles its headers, within a few seconds', async () => {
    const silent = await halfOpen(t.host.port);
    const trickle = await halfOpen(t.host.port, `GET / HTTP/1.1\r\nHost: ${t.hostHeader}\r\n`);
    sockets.push(silent, trickle);
    const drip = setInterval(() => trickle.write('X'), 200);
    const limit = CONNECTION_LIMITS.headersTimeoutMs + 2 * CONNECTION_LIMITS.checkIntervalMs + 1_000;
    const [silentMs, trickleMs] = await Promise.all([closedWithin(silent, 20_000), closedWithin(trickle, 20_000)]);
    clearInterval(drip);
    expect(silentMs).toBeLessThan(limit);
    expect(trickleMs).toBeLessThan(limit);
  }, 30_000);

  it('keeps answering the wizard within 2 s while 1,200 half-open sockets are held, and holds no more than its cap', async () => {
    for (let i = 0; i < 1_200; i++) {
      sockets.push(
        await halfOpen(t.host.port, i % 2 === 0 ? '' : `POST /api/startInstall HTTP/1.1\r\nHost: ${t.hostHeader}\r\n`),
      );
    }
    expect(t.host.heldSockets).toBeLessThanOrEqual(CONNECTION_LIMITS.maxSockets);
    const started = Date.now();
    const res = await apiCall(t, cookie, 'getSession', '{}');
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(t.host.heldSockets).toBeLessThanOrEqual(CONNECTION_LIMITS.maxSockets);
    // The flood's oldest sockets were the ones let go.
    await expect.poll(() => sockets.slice(0, 100).every((s) => s.destroyed || s.readableEnded)).toBe(true);
  }, 30_000);

  it(`keeps at most ${MAX_EVENT_CLIENTS} event sockets, closing the oldest for a newcomer`, async () => {
    const url = `ws://127.0.0.1:${t.host.port}/api/events`;
    const clients: WebSocket[] = [];
    for (let i = 0; i < MAX_EVENT_CLIENTS + 3; i++) {
      const ws = new WebSocket(url, wizardProtocols(t), { headers: { Cookie: cookie }, origin: t.host.origin });
      await new Promise((resolve) => ws.once('open', resolve));
      clients.push(ws);
    }
    await expect.poll(() => clients.filter((c) => c.readyState === WebSocket.OPEN).length).toBe(MAX_EVENT_CLIENTS);
    expect(clients.slice(0, 3).every((c) => c.readyState !== WebSocket.OPEN)).toBe(true);
    expect(clients.at(-1)?.readyState).toBe(WebSocket.OPEN);
    for (const c of clients) c.terminate();
  });
});
