/**
 * The diagnostics bundle downloaded from the browser host: the archive streamed into the reply for the wizard's
 * page, and refused to everyone else. ATTACK: a page on another local port receives the session cookie (same
 * site); it asks for the bundle with it, with a forged Origin, and even with the session key: refused, no bytes.
 */
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PreparedBundle } from '../../../common/troubleshoot';
import { bundleFileName } from '../../../main/web-host/bundle-download';
import { apiCall, useLoggedInHost } from './helpers';
import type { TestHost } from './helpers';

interface BinaryReply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A POST whose reply is kept as bytes (the archive is binary). */
function post(t: TestHost, pathname: string, headers: Record<string, string>, body: string): Promise<BinaryReply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: t.host.port,
        method: 'POST',
        path: pathname,
        headers: { Host: t.hostHeader, 'Content-Length': Buffer.byteLength(body), ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const isGzip = (b: Buffer) => b.length > 2 && b[0] === 0x1f && b[1] === 0x8b;

describe('POST /api/downloadBundle', () => {
  let t: TestHost;
  let cookie: string;
  useLoggedInHost((session) => ({ t, cookie } = session));

  const prepare = async (): Promise<PreparedBundle> => {
    const res = await apiCall(t, cookie, 'prepareBundle', '{}');
    const result = JSON.parse(res.body) as { ok: boolean; value: PreparedBundle };
    expect(result.ok).toBe(true);
    return result.value;
  };
  const asWizard = () => ({
    Cookie: cookie,
    Origin: t.host.origin,
    'Content-Type': 'application/json',
    'X-Mobility-Session': t.sessionKey,
  });

  it('streams the prepared bundle to the wizard page as a tar.gz with its listed files, then it is spent', async () => {
    const bundle = await prepare();
    const res = await post(t, '/api/downloadBundle', asWizard(), JSON.stringify({ bundleId: bundle.bundleId }));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/gzip');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="mobility-diagnostics-\d{4}-\d\d-\d\d-\d\d-\d\d-\d\d\.tar\.gz"$/,
    );
    expect(res.headers['cache-control']).toBe('no-store');
    expect(isGzip(res.body)).toBe(true);
    const out = await mkdtemp(path.join(os.tmpdir(), 'bundle-download-'));
    try {
      await writeFile(path.join(out, 'b.tar.gz'), res.body);
      const listed = execFileSync('tar', ['-tzf', path.join(out, 'b.tar.gz')], { encoding: 'utf8' })
        .trim()
        .split('\n');
      expect(listed.sort()).toEqual(bundle.entries.map((e) => e.name).sort());
    } finally {
      await rm(out, { recursive: true, force: true });
    }
    // Spent once sent: the staged files are gone, a second download says so.
    const again = await post(t, '/api/downloadBundle', asWizard(), JSON.stringify({ bundleId: bundle.bundleId }));
    expect(again.status).toBe(404);
    expect(JSON.parse(again.body.toString('utf8'))).toMatchObject({ ok: false, error: { code: 'bundle.notFound' } });
  });

  it('ATTACK: another local page (another port) with the stolen cookie, a forged Origin or cross-site fetch gets no bytes; the bundle stays prepared', async () => {
    const bundle = await prepare();
    const body = JSON.stringify({ bundleId: bundle.bundleId });
    const evil = 'http://127.0.0.1:1';
    const attempts: Record<string, string>[] = [
      // What another local page's fetch sends: the cookie rides along (same site), its own Origin, no session key.
      { Cookie: cookie, Origin: evil, 'Content-Type': 'application/json' },
      // Even holding the key (it cannot read it: origin-scoped storage), its Origin gives it away.
      { ...asWizard(), Origin: evil },
      { ...asWizard(), 'Sec-Fetch-Site': 'cross-site' },
      // A form post or a navigation: no JSON, or no Origin at all.
      { ...asWizard(), 'Content-Type': 'text/plain' },
      { Cookie: cookie, 'Content-Type': 'application/json', 'X-Mobility-Session': t.sessionKey },
      // The cookie alone, from the right Origin.
      { Cookie: cookie, Origin: t.host.origin, 'Content-Type': 'application/json' },
    ];
    for (const headers of attempts) {
      const res = await post(t, '/api/downloadBundle', headers, body);
      expect([401, 403, 415]).toContain(res.status);
      expect(isGzip(res.body)).toBe(false);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    }
    // The wizard's own page still gets it.
    const mine = await post(t, '/api/downloadBundle', asWizard(), body);
    expect(mine.status).toBe(200);
    expect(isGzip(mine.body)).toBe(true);
  });

  it('names no machine detail in the file name, and refuses a body that names no bundle', async () => {
    expect(bundleFileName(new Date('2026-12-01T13:05:09Z'))).toBe('mobility-diagnostics-2026-12-01-13-05-09.tar.gz');
    const res = await post(t, '/api/downloadBundle', asWizard(), JSON.stringify({ bundleId: '../../etc/passwd' }));
    expect(res.status).toBe(400);
    const unknown = await post(t, '/api/downloadBundle', asWizard(), JSON.stringify({ bundleId: 'no-such-bundle' }));
    expect(unknown.status).toBe(404);
  });
});
