import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/program';
import { UserError } from '../../../common/result';
import { closeOnSignal, resolveRendererDir, serveInstructions, serveWizard } from '../../../main/web-host/serve-wizard';

describe('serveWizard', () => {
  let dir: string;
  let staticDir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'serve-wizard-'));
    staticDir = path.join(dir, 'dist', 'renderer');
    await mkdir(staticDir, { recursive: true });
    await writeFile(path.join(staticDir, 'index.html'), '<title>Mobility Setup</title>');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('finds dist/renderer from the bundle folder and from the sources, and says to build when it is missing', async () => {
    await mkdir(path.join(dir, 'dist', 'main'));
    expect(resolveRendererDir(path.join(dir, 'dist', 'main'))).toBe(staticDir);
    await mkdir(path.join(dir, 'main', 'web-host'), { recursive: true });
    expect(resolveRendererDir(path.join(dir, 'main', 'web-host'))).toBe(staticDir);
    await rm(path.join(staticDir, 'index.html'));
    expect(() => resolveRendererDir(path.join(dir, 'dist', 'main'))).toThrow(/npm run build/);
  });

  it('serves a browser session with the given defaults and closes cleanly', async () => {
    const served = await serveWizard({
      root: path.join(dir, 'root'),
      port: 0,
      demo: true,
      staticDir,
      defaults: { installerDir: '/srv/installers', csEndpoint: 'cs.example:443', dataPort: 9443 },
    });
    try {
      const session = await served.core.dispatch('getSession', {});
      expect(session).toMatchObject({
        ok: true,
        value: {
          shell: 'browser',
          demo: true,
          root: path.join(dir, 'root'),
          defaults: { installerDir: '/srv/installers', csEndpoint: 'cs.example:443', dataPort: 9443 },
        },
      });
      expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
    } finally {
      await served.close();
    }
    await expect(fetch(served.origin)).rejects.toThrow();
  });

  it('reports a port in use as a UserError with a next step', async () => {
    const first = await serveWizard({ root: dir, port: 0, staticDir });
    try {
      const second = serveWizard({ root: dir, port: first.port, staticDir });
      await expect(second).rejects.toBeInstanceOf(UserError);
      await expect(second).rejects.toMatchObject({ code: 'web.portInUse', hint: expect.stringContaining('--port') });
    } finally {
      await first.close();
    }
  });

  it('prints the link and an ssh -L recipe with the same port on both sides', () => {
    const text = serveInstructions({ url: 'http://127.0.0.1:8765/?token=abc', port: 8765 });
    expect(text).toContain('http://127.0.0.1:8765/?token=abc');
    expect(text).toMatch(/ssh -L 8765:127\.0\.0\.1:8765 \S+@\S+/);
    expect(text).toContain('Ctrl+C');
  });

  it('starts detection for the first screen when the link is redeemed (not before, not for a wrong token)', async () => {
    const served = await serveWizard({ root: path.join(dir, 'root'), port: 0, staticDir });
    const snapshots: unknown[] = [];
    const off = served.core.events.subscribe((name, payload) => {
      if (name === 'detection') snapshots.push(payload);
    });
    const land = (url: string) => fetch(url, { redirect: 'manual' });
    try {
      const wrong = await land(`${served.origin}/?token=${'x'.repeat(43)}`);
      expect(wrong.status).toBe(403);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(snapshots).toEqual([]);

      const landed = await land(served.url);
      expect(landed.status).toBe(200);
      await expect.poll(() => snapshots.length).toBeGreaterThan(0);
      // The page's own call, moments later, gets that run's report: detection does not run a second time.
      await served.core.detection.detect();
      const seen = snapshots.length;
      const report = await served.core.dispatch('detect', {});
      expect(report).toMatchObject({ ok: true, value: { root: path.join(dir, 'root') } });
      expect(snapshots.length).toBe(seen);
    } finally {
      off();
      await served.close();
    }
  });

  it('closes on SIGTERM', async () => {
    const served = await serveWizard({ root: dir, port: 0, staticDir });
    const stopped = closeOnSignal(served);
    process.emit('SIGTERM', 'SIGTERM');
    expect(await stopped).toBe('SIGTERM');
    await expect(fetch(served.origin)).rejects.toThrow();
  });
});

describe('mobility-setup serve options', () => {
  it('rejects bad ports and addresses as usage errors', async () => {
    const stderr = process.stderr.write;
    process.stderr.write = () => true;
    try {
      expect(await runCli(['serve', '--port', 'abc'])).toBe(2);
      expect(await runCli(['serve', '--port', '70000'])).toBe(2);
      expect(await runCli(['serve', '--data-port', '0'])).toBe(2);
      expect(await runCli(['serve', '--cs-endpoint', 'https://cs.example/path'])).toBe(2);
    } finally {
      process.stderr.write = stderr;
    }
  });
});
