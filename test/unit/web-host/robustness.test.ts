import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { apiCall, rawRequest, request, stillAnswers, useLoggedInHost } from './helpers';
import type { TestHost } from './helpers';

describe('hostile bytes and logging', () => {
  let t: TestHost;
  let cookie: string;
  useLoggedInHost((session) => ({ t, cookie } = session));

  it('answers garbage on a raw socket with 400 (or closes it) and keeps serving', async () => {
    const garbage: (string | Buffer)[] = [
      Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc, 0x03, 0x03]), // a TLS ClientHello start
      Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
      'GET / HTTP/9.9\r\n\r\n',
      'GET\r\n\r\n',
      `GET / HTTP/1.1\r\nHost: ${t.hostHeader}\r\nBad Header Without Colon\r\n\r\n`,
      `GET / HTTP/1.1\r\nHost: ${t.hostHeader}\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nabcdef`,
      `GET / HTTP/1.1\r\nHost: ${t.hostHeader}\r\nX: \u0000\u0001\r\n\r\n`,
      '\r\n\r\nJUNK JUNK JUNK\r\n\r\n',
    ];
    for (const bytes of garbage) {
      const res = await rawRequest(t.host.port, bytes).catch(() => null);
      if (res) {
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
      }
      expect(await stillAnswers(t, cookie)).toBe(true);
    }
  });

  it('answers oversize headers with 431 and keeps serving', async () => {
    const res = await request(t, { path: '/', headers: { Cookie: cookie, 'X-Big': 'a'.repeat(64 * 1024) } });
    expect(res.status).toBe(431);
    expect(await stillAnswers(t, cookie)).toBe(true);
  });

  it('survives a client that connects and vanishes mid-request', async () => {
    await new Promise<void>((resolve) => {
      const socket = net.connect({ host: '127.0.0.1', port: t.host.port }, () => {
        socket.write(
          `POST /api/getSession HTTP/1.1\r\nHost: ${t.hostHeader}\r\nCookie: ${cookie}\r\nX-Mobility-Session: ${t.sessionKey}\r\nOrigin: ${t.host.origin}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a`,
        );
        setTimeout(() => {
          socket.destroy();
          resolve();
        }, 50);
      });
    });
    expect(await stillAnswers(t, cookie)).toBe(true);
  });

  it('logs method and path of requests but never the token or the cookie value', async () => {
    const cookieValue = cookie.split('=')[1] ?? '';
    expect(cookieValue.length).toBeGreaterThan(20);
    await request(t, { path: `/?token=${t.token}` });
    await request(t, { path: `/?token=${t.token}&x=1` });
    await request(t, { path: `/?token=wrong${t.token}` });
    await request(t, { path: '/', headers: { Cookie: cookie } });
    await apiCall(t, cookie, 'getSession', '{}');
    await apiCall(t, cookie, 'nope', '{}');
    await rawRequest(t.host.port, `GET /?token=${t.token} HTTP/1.1\r\nHost: ${t.hostHeader}\r\nbroken\r\n\r\n`).catch(
      () => null,
    );
    await request(t, { path: '/', host: `evil.example:${t.host.port}`, headers: { Cookie: cookie } });
    const log = t.logLines.join('\n');
    expect(log).toContain('"method":"GET","path":"/"');
    expect(log).toContain('"path":"/api/getSession"');
    expect(t.logLines.length).toBeGreaterThanOrEqual(7);
    expect(log).not.toContain(t.token);
    expect(log).not.toContain(cookieValue);
    expect(log).not.toContain('token=');
  });
});
