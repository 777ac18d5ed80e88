import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startServe } from './helpers/serve';
import type { ServedCli } from './helpers/serve';

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'roots');

let served: ServedCli | null = null;
let root: string | null = null;
test.afterEach(async () => {
  await served?.stop();
  served = null;
  if (root) await rm(root, { recursive: true, force: true });
  root = null;
});

test('the detection screen warns that a restart is pending, naming the marker', async ({ page }) => {
  root = await mkdtemp(path.join(os.tmpdir(), 'restart-e2e-'));
  await cp(path.join(FIXTURES, 'ubuntu-22.04'), root, { recursive: true });
  await mkdir(path.join(root, 'var/run'), { recursive: true });
  await writeFile(path.join(root, 'var/run/reboot-required'), '*** System restart required ***\n');
  await writeFile(path.join(root, 'var/run/reboot-required.pkgs'), 'linux-image-5.15.0-119-generic\n');
  served = await startServe([], { root });
  await page.goto(served.url);
  const notice = page.getByTestId('pending-restart');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('A system restart is pending');
  await expect(notice).toContainText('/var/run/reboot-required exists (packages: linux-image-5.15.0-119-generic)');
  // A warning, not a block: the person may still go on (the Review warns again before installing).
  await expect(page.getByRole('button', { name: /continue/i })).toBeEnabled();
});

test('no warning when nothing asks for a restart', async ({ page }) => {
  served = await startServe([], { root: path.join(FIXTURES, 'ubuntu-22.04') });
  await page.goto(served.url);
  await expect(page.getByTestId('os-token')).toHaveText('UBUNTU-22.04-64');
  await expect(page.getByRole('status').filter({ hasText: 'Check complete.' })).toBeVisible();
  await expect(page.getByTestId('pending-restart')).toHaveCount(0);
});
