import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { login, startTestHost, stillAnswers, wizardProtocols } from './helpers';
import type { TestHost } from './helpers';

/** Opens a ws client; resolves with the socket once open, or with the HTTP status of a refused handshake. */
function connect(
  url: string,
  headers: Record<string, string>,
  origin?: string,
  protocols: string[] = [],
): Promise<{ ws?: WebSocket; status?: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, protocols, { headers, ...(origin ? { origin } : {}) });
    ws.on('open', () => resolve({ ws }));
    ws.on('unexpected-response', (_req, res) => {
      resolve({ status: res.statusCode });
      ws.terminate();
    });
    ws.on('error', () => resolve({}));
  });
}

function nextMessage(ws: WebSocket): Promise<unknown> {
  return new Promise((resolve) => ws.once('message', (data: Buffer) => resolve(JSON.parse(data.toString('utf8')))));
}

describe('WebSocket /api/events', () => {
  let t: TestHost;
  let cookie: string;
  let url: string;
  beforeEach(async () => {
    t = await startTestHost();
    cookie = await login(t);
    url = `ws://127.0.0.1:${t.host.port}/api/events`;
  });
  afterEach(async () => {
    await t.cleanup();
  });

  it('forwards every core event as {"name","payload"} to an authenticated client', async () => {
    const { ws } = await connect(url, { Cookie: cookie }, t.host.origin, wizardProtocols(t));
    expect(ws).toBeDefined();
    const first = nextMessage(ws!);
    t.core.events.emit('jobLog', { jobId: 'job-1', from: 0, lines: ['extracting'] });
    expect(await first).toEqual({ name: 'jobLog', payload: { jobId: 'job-1', from: 0, lines: ['extracting'] } });
    const second = nextMessage(ws!);
    t.core.events.emit('jobLog', { jobId: 'job-1', from: 1, lines: ['installing'] });
    expect(await second).toMatchObject({ name: 'jobLog', payload: { from: 1 } });
    ws!.close();
  });

  it('sends a client that connects mid-detection the latest (cumulative) snapshot first, then the live events', async () => {
    const snapshot = { root: '/', complete: false, privileges: { isAdmin: true } };
    t.core.events.emit('detection', { root: '/', complete: false });
    t.core.events.emit('detection', snapshot as never);
    // Listening from the start: the snapshot may arrive in the same packet as the handshake's answer.
    const ws = new WebSocket(url, wizardProtocols(t), { headers: { Cookie: cookie }, origin: t.host.origin });
    const messages: unknown[] = [];
    ws.on('message', (data: Buffer) => messages.push(JSON.parse(data.toString('utf8'))));
    await new Promise((resolve) => ws.once('open', resolve));
    await expect.poll(() => messages.length).toBe(1);
    expect(messages[0]).toEqual({ name: 'detection', payload: snapshot });
    t.core.events.emit('jobLog', { jobId: 'job-1', from: 0, lines: [] });
    await expect.poll(() => messages.length).toBe(2);
    expect(messages[1]).toMatchObject({ name: 'jobLog' });
    ws.close();
    // Only to the session holder: the cookie alone gets no snapshot, only a refusal.
    expect((await connect(url, { Cookie: cookie }, t.host.origin)).status).toBe(401);
  });

  it('refuses a foreign Origin, a missing Origin, a missing or wrong cookie and a foreign Host', async () => {
    expect((await connect(url, { Cookie: cookie }, 'http://evil.example')).status).toBe(403);
    expect((await connect(url, { Cookie: cookie }, `http://127.0.0.1:${t.host.port + 1}`)).status).toBe(403);
    expect((await connect(url, { Cookie: cookie })).status).toBe(403);
    expect((await connect(url, {}, t.host.origin)).status).toBe(401);
    expect((await connect(url, { Cookie: cookie.replace(/=.*/, '=forged') }, t.host.origin)).status).toBe(401);
    expect((await connect(url, { Cookie: cookie, Host: `evil.example:${t.host.port}` }, t.host.origin)).status).toBe(
      421,
    );
    expect((await connect(`ws://127.0.0.1:${t.host.port}/other`, { Cookie: cookie }, t.host.origin)).status).toBe(404);
    expect(await stillAnswers(t, cookie)).toBe(true);
  });

  it('unsubscribes from the core when a client leaves', async () => {
    let subscribed = 0;
    const subscribe = t.core.events.subscribe.bind(t.core.events);
    t.core.events.subscribe = (listener) => {
      subscribed += 1;
      const off = subscribe(listener);
      return () => {
        subscribed -= 1;
        off();
      };
    };
    const { ws } = await connect(url, { Cookie: cookie }, t.host.origin, wizardProtocols(t));
    await expect.poll(() => subscribed).toBe(1);
    ws!.close();
    await expect.poll(() => subscribed).toBe(0);
  });

  it('ignores what a client sends and survives a client frame over the size limit', async () => {
    const { ws } = await connect(url, { Cookie: cookie }, t.host.origin, wizardProtocols(t));
    ws!.send('{"name":"job","payload":{}}');
    const closed = new Promise<number>((resolve) => ws!.on('close', (code) => resolve(code)));
    ws!.send('x'.repeat(64 * 1024));
    expect(await closed).toBe(1009);
    expect(await stillAnswers(t, cookie)).toBe(true);
    const again = await connect(url, { Cookie: cookie }, t.host.origin, wizardProtocols(t));
    const message = nextMessage(again.ws!);
    t.core.events.emit('jobLog', { jobId: 'j', from: 0, lines: [] });
    expect(await message).toMatchObject({ name: 'jobLog' });
    again.ws!.close();
  });

  it('drops its clients when the host closes', async () => {
    const { ws } = await connect(url, { Cookie: cookie }, t.host.origin, wizardProtocols(t));
    const closed = new Promise<void>((resolve) => ws!.on('close', () => resolve()));
    await t.host.close();
    await closed;
  });
});
