import { symlink } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeSegments } from '../../../main/web-host/static-files';
import { request, stillAnswers, useLoggedInHost } from './helpers';
import type { TestHost } from './helpers';

describe('static renderer files', () => {
  let t: TestHost;
  let cookie: string;
  useLoggedInHost((session) => ({ t, cookie } = session));

  it("serves index.html at / with the security headers and a strict CSP naming this host's WebSocket origin", async () => {
    const res = await request(t, { path: '/', headers: { Cookie: cookie } });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = res.headers['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${t.host.port}`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('serves assets with their content types, and HEAD without a body', async () => {
    const js = await request(t, { path: '/assets/app.js', headers: { Cookie: cookie } });
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.body).toContain('wizard');
    const css = await request(t, { path: '/assets/style.css?v=1', headers: { Cookie: cookie } });
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    const head = await request(t, { method: 'HEAD', path: '/assets/app.js', headers: { Cookie: cookie } });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it('answers 404 to unknown files, folders, dotfiles and unknown types', async () => {
    for (const p of ['/nope.js', '/assets', '/assets/', '/.env', '/index.html.bak', '/assets/app']) {
      const res = await request(t, { path: p, headers: { Cookie: cookie } });
      expect(res.status, p).toBeGreaterThanOrEqual(400);
      expect(res.status, p).toBeLessThan(500);
      expect(res.body, p).not.toContain('HIDDEN');
    }
  });

  it('never serves a file outside the folder, however the path is spelled', async () => {
    const paths = [
      '/../secret.txt',
      '/../../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/secret.txt',
      '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/..%2fsecret.txt',
      '/..%5csecret.txt',
      '/..\\secret.txt',
      '/%252e%252e/secret.txt',
      '/secret.txt%00.js',
      '/%c0%ae%c0%ae/secret.txt',
      '/%E0%A4%A',
      '//etc/passwd',
      '/../package.json',
      `/${'../'.repeat(20)}etc/passwd`,
    ];
    for (const p of paths) {
      const res = await request(t, { path: p, headers: { Cookie: cookie } });
      expect(res.status, p).toBeGreaterThanOrEqual(400);
      expect(res.status, p).toBeLessThan(500);
      expect(res.body, p).not.toContain(t.secretText);
      expect(res.body, p).not.toContain('root:');
    }
    expect(await stillAnswers(t, cookie)).toBe(true);
  });

  it('does not follow a symlink that leads out of the folder', async () => {
    await symlink(path.join(t.staticDir, '..', 'secret.txt'), path.join(t.staticDir, 'assets', 'link.txt'));
    const res = await request(t, { path: '/assets/link.txt', headers: { Cookie: cookie } });
    expect(res.status).toBe(404);
    expect(res.body).not.toContain(t.secretText);
  });

  it('refuses absolute-form and asterisk request targets', async () => {
    for (const target of [`http://evil.example/`, `http://127.0.0.1:${t.host.port}/`, '*']) {
      const res = await request(t, { path: target, headers: { Cookie: cookie } });
      expect(res.status, target).toBeGreaterThanOrEqual(400);
      expect(res.status, target).toBeLessThan(500);
    }
  });
});

describe('safeSegments', () => {
  it('splits plain paths and refuses anything that could climb or hide', () => {
    expect(safeSegments('/')).toEqual([]);
    expect(safeSegments('/assets/index-3X.js')).toEqual(['assets', 'index-3X.js']);
    expect(safeSegments('/a%20b.js')).toEqual(['a b.js']);
    for (const bad of [
      '/..',
      '/.',
      '/a/../b',
      '/%2e%2e',
      '/a%2fb',
      '/a%5cb',
      '/a%00',
      '/%zz',
      '/.git/config',
      'relative',
      '/C:x',
    ]) {
      expect(safeSegments(bad), bad).toBeNull();
    }
  });
});
