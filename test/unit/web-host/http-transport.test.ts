import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createHttpTransport } from '../../../renderer/api/http-transport';
import type { WebSocketLike } from '../../../renderer/api/http-transport';
import { login, startTestHost } from './helpers';
import type { TestHost } from './helpers';

/** The renderer's transport, run in Node against the real host; fetch and WebSocket carry what a browser would. */
describe('renderer http transport against the real browser host', () => {
  let t: TestHost;
  let cookie: string;
  let sockets: WebSocket[];

  const env = () => {
    const headers = { Cookie: cookie, Origin: t.host.origin };
    return {
      baseUrl: t.host.origin,
      fetch: ((input: RequestInfo | URL, init?: RequestInit) =>
        fetch(input, {
          ...init,
          headers: { ...(init?.headers as Record<string, string>), ...headers },
        })) as typeof fetch,
      sessionKey: { get: () => t.sessionKey },
      WebSocket: class extends WebSocket {
        constructor(url: string, protocols?: string[]) {
          super(url, protocols, { headers: { Cookie: cookie }, origin: t.host.origin });
          sockets.push(this);
        }
      } as unknown as new (url: string, protocols?: string[]) => WebSocketLike,
      backoff: { minMs: 20, maxMs: 100 },
    };
  };

  beforeEach(async () => {
    t = await startTestHost();
    cookie = await login(t);
    sockets = [];
  });
  afterEach(async () => {
    await t.cleanup();
  });

  it("calls a method and returns the core's Result", async () => {
    const transport = createHttpTransport(env());
    expect(transport.shell).toBe('browser');
    const session = await transport.call('getSession', {});
    expect(session).toMatchObject({ ok: true, value: { shell: 'browser' } });
    const invalid = await transport.call('getJob', { jobId: '../../etc' });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'api.invalidRequest' } });
  });

  it("returns the server's refusal as a failed Result when the session is missing", async () => {
    cookie = 'mobility_session_1=nothing';
    const result = await createHttpTransport(env()).call('getSession', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'web.unauthorized' } });
  });

  it('turns an unreachable host into transport.offline with a hint', async () => {
    const transport = createHttpTransport(env());
    await t.host.close();
    const result = await transport.call('getSession', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'transport.offline' } });
    expect(result.ok === false && result.error.hint).toContain('mobility-setup serve');
  });

  it('delivers events to listeners by name over one shared socket and stops with the last listener', async () => {
    const transport = createHttpTransport(env());
    const logs: unknown[] = [];
    const jobs: unknown[] = [];
    const offLog = transport.onEvent('jobLog', (p) => logs.push(p));
    const offJob = transport.onEvent('job', (p) => jobs.push(p));
    expect(sockets).toHaveLength(1);
    await expect.poll(() => sockets[0]?.readyState).toBe(WebSocket.OPEN);
    t.core.events.emit('jobLog', { jobId: 'a', from: 0, lines: ['one'] });
    await expect.poll(() => logs).toEqual([{ jobId: 'a', from: 0, lines: ['one'] }]);
    expect(jobs).toEqual([]);
    offLog();
    offJob();
    await expect.poll(() => sockets[0]?.readyState).toBe(WebSocket.CLOSED);
  });

  it('reconnects after the socket drops and keeps delivering', async () => {
    const transport = createHttpTransport(env());
    const logs: unknown[] = [];
    const off = transport.onEvent('jobLog', (p) => logs.push(p));
    await expect.poll(() => sockets[0]?.readyState).toBe(WebSocket.OPEN);
    sockets[0]!.terminate();
    await expect.poll(() => sockets.length).toBe(2);
    await expect.poll(() => sockets[1]?.readyState).toBe(WebSocket.OPEN);
    t.core.events.emit('jobLog', { jobId: 'b', from: 3, lines: [] });
    await expect.poll(() => logs).toEqual([{ jobId: 'b', from: 3, lines: [] }]);
    off();
  });
});
