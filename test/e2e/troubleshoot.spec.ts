/**
 * The Troubleshoot page in Chromium through the browser host, for a sandbox root with a broken install (registered
 * to another server, a failed registration in the vendor log that also holds a canary passphrase): the red lines
 * and their explanations, the log viewer jumping to the error, the bundle listed, saved and free of the canary.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { keepScreenshot } from './helpers/screenshot';
import { fillText } from '../../common/core-text/coded-text';
import { CORE_TEXT_FAMILIES } from '../../common/core-text/core-text';
import { koTroubleshootUi } from '../../renderer/i18n/ko-troubleshoot';
import { CANARY_PASSPHRASE, REGISTERED_SERVER, makeBrokenInstallRoot } from '../world/broken-install';
import { startServe } from './helpers/serve';
import type { ServedCli } from './helpers/serve';

/** The server the person expects: a closed port on loopback, so connectivity fails for real. */
const EXPECTED = '127.0.0.1:1';

let served: ServedCli | null = null;
const made: string[] = [];
test.afterEach(async () => {
  await served?.stop();
  served = null;
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

test('a broken install: red lines explained, the log viewer jumps to the error, the bundle is listed and saved', async ({
  page,
}, testInfo) => {
  const root = await makeBrokenInstallRoot(EXPECTED);
  const out = await mkdtemp(path.join(os.tmpdir(), 'troubleshoot-out-'));
  made.push(root, out);
  served = await startServe(['--cs-endpoint', EXPECTED], { root });
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.goto(served.url);
  await expect(page.getByTestId('os-token')).toHaveText('UBUNTU-22.04-64');
  await page.getByRole('button', { name: 'Troubleshoot' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Troubleshoot' })).toBeVisible();
  await expect(page.getByLabel('Configuration server the agent should use')).toHaveValue(EXPECTED);
  await expect(page.getByRole('status').filter({ hasText: 'Checks complete.' })).toBeVisible({ timeout: 30_000 });
  const server = page.getByTestId('health-server');
  await expect(server).toHaveAttribute('data-level', 'red');
  await expect(server).toContainText('Problem');
  await expect(server).toContainText(`The agent points to ${REGISTERED_SERVER}, not ${EXPECTED}`);
  await expect(server).toContainText('exit 13');
  await expect(page.getByTestId('health-services')).toHaveAttribute('data-level', 'red');
  await expect(page.getByTestId('health-agent')).toHaveAttribute('data-level', 'green');
  await expect(page.getByTestId('health-reboot')).toHaveAttribute('data-level', 'green');
  const vendorError = page.getByTestId('vendor-error');
  await expect(vendorError).toContainText(`already registered with configuration server ${REGISTERED_SERVER}`);
  await expect(vendorError).toContainText('Unregister it from the other server');
  const connectivity = page.getByTestId('connectivity');
  await expect(connectivity).toContainText('Failed');
  await expect(connectivity).toContainText("(7) Couldn't connect to server");
  await expect(page.getByTestId('push-readiness')).toContainText('95107');
  await expect(page.locator('body')).not.toContainText(CANARY_PASSPHRASE);
  await keepScreenshot(page, testInfo, 'troubleshoot', true);

  // The log viewer opens at the end, and "Jump to errors" lands on the vendor's error line with its meaning.
  await page.getByRole('button', { name: 'View /var/log/ua_install.log' }).click();
  const dialog = page.getByRole('dialog', { name: '/var/log/ua_install.log' });
  await expect(dialog.getByText(/^Lines 1–8 of 8$/)).toBeVisible();
  await expect(dialog.getByRole('region', { name: 'Log file contents' })).toContainText(
    'Details: /var/log/ua_install.log',
  );
  await dialog.getByRole('button', { name: 'Jump to errors' }).click();
  const hit = dialog.getByTestId('log-hit').first();
  await expect(hit).toContainText(`already registered with configuration server ${REGISTERED_SERVER}`);
  await expect(hit).toContainText('Unregister it from the other server');
  await expect(dialog.locator('[data-marked="true"]')).toContainText('ERROR: The agent is already registered');
  await dialog.getByLabel('Search the log').fill('passphrase');
  await dialog.getByRole('button', { name: 'Find', exact: true }).click();
  await expect(dialog.getByTestId('log-hit').first()).toContainText('Passphrase=');
  await expect(dialog).not.toContainText(CANARY_PASSPHRASE);
  await page.keyboard.press('Escape');

  // The bundle: listed before anything is saved, then saved to a new file the person names.
  await page.getByRole('button', { name: 'Prepare bundle' }).click();
  // Gathered by a job: its steps and live log, one line per part written.
  const bundleJob = page.getByTestId('bundle-job');
  await expect(bundleJob.getByRole('progressbar', { name: 'Diagnostics bundle progress' })).toHaveAttribute(
    'aria-valuenow',
    '100',
  );
  await expect(bundleJob.getByText('Gather and redact the files')).toBeVisible();
  await expect(bundleJob).toContainText('Added health.json');
  await expect(bundleJob).toContainText('Added logs/ua_install.log');
  await expect(bundleJob).not.toContainText(CANARY_PASSPHRASE);
  const entries = page.getByTestId('bundle-entries');
  await expect(entries).toContainText('health.json');
  await expect(entries).toContainText('connectivity.json');
  await expect(entries).toContainText('logs/ua_install.log');
  await expect(entries).toContainText('/var/log/ua_install.log');
  const field = page.getByLabel('Save the bundle to (full path of a new file on this server)');
  await field.fill('relative.tar.gz');
  await page.getByRole('button', { name: 'Save bundle' }).click();
  await expect(page.getByRole('alert')).toContainText('full path');
  const file = path.join(out, 'diag.tar.gz');
  await field.fill(file);
  await page.getByRole('button', { name: 'Save bundle' }).click();
  await expect(page.getByTestId('bundle-saved')).toContainText(`Saved ${file}`);

  const unpacked = path.join(out, 'unpacked');
  await mkdir(unpacked);
  execFileSync('tar', ['-xzf', file, '-C', unpacked]);
  const files = (await readdir(unpacked, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  expect(files.map((f) => f.name)).toEqual(expect.arrayContaining(['health.json', 'health.txt', 'ua_install.log']));
  for (const f of files)
    expect(await readFile(path.join(f.parentPath, f.name), 'utf8')).not.toContain(CANARY_PASSPHRASE);

  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'This server' })).toBeVisible();
});

test('the bundle downloaded in the browser: the listed files, saved by the browser, free of the canary; spent after', async ({
  page,
}) => {
  const root = await makeBrokenInstallRoot(EXPECTED);
  const out = await mkdtemp(path.join(os.tmpdir(), 'troubleshoot-download-'));
  made.push(root, out);
  served = await startServe(['--cs-endpoint', EXPECTED], { root });
  await page.goto(served.url);
  await expect(page.getByTestId('os-token')).toHaveText('UBUNTU-22.04-64');
  await page.getByRole('button', { name: 'Troubleshoot' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Checks complete.' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Prepare bundle' }).click();
  const entries = page.getByTestId('bundle-entries');
  await expect(entries).toContainText('logs/ua_install.log');
  const listed = (await entries.locator('tbody tr td:first-child').allTextContents()).map((s) => s.trim()).sort();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download bundle' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^mobility-diagnostics-[\d-]+\.tar\.gz$/);
  const file = path.join(out, download.suggestedFilename());
  await download.saveAs(file);
  await expect(page.getByTestId('bundle-downloaded')).toContainText(`Downloaded ${download.suggestedFilename()}`);
  const inArchive = execFileSync('tar', ['-tzf', file], { encoding: 'utf8' }).trim().split('\n').sort();
  expect(inArchive).toEqual(listed);
  const unpacked = path.join(out, 'unpacked');
  await mkdir(unpacked);
  execFileSync('tar', ['-xzf', file, '-C', unpacked]);
  const files = (await readdir(unpacked, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  for (const f of files)
    expect(await readFile(path.join(f.parentPath, f.name), 'utf8')).not.toContain(CANARY_PASSPHRASE);
  // Sent whole, the bundle is spent: the page offers to prepare a new one.
  await expect(page.getByRole('button', { name: 'Prepare bundle' })).toBeVisible();
});

test('in Korean, the sentences the core composes are Korean: support verdict, health lines, connectivity', async ({
  page,
}) => {
  const root = await makeBrokenInstallRoot(EXPECTED);
  made.push(root);
  served = await startServe(['--cs-endpoint', EXPECTED], { root });
  // The switcher's remembered choice (the keyboard flows test the switcher itself).
  await page.addInitScript(() => sessionStorage.setItem('mobility-setup.language', 'ko'));
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.goto(served.url);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(page.getByTestId('os-token')).toHaveText('UBUNTU-22.04-64');
  const ko = CORE_TEXT_FAMILIES;
  const support = page.locator('.card-support');
  await expect(support).toContainText(
    fillText(ko.support.ko['support.ok'], { system: 'Ubuntu 22.04', token: 'UBUNTU-22.04-64' }),
  );
  await expect(support).not.toContainText('is supported');

  await page.getByRole('button', { name: koTroubleshootUi.troubleshoot.open }).click();
  await expect(page.getByRole('status').filter({ hasText: koTroubleshootUi.troubleshoot.done })).toBeVisible({
    timeout: 30_000,
  });
  const server = page.getByTestId('health-server');
  await expect(server).toContainText(ko.health.ko['health.label.server']);
  await expect(server).toContainText(
    fillText(ko.health.ko['health.server.other'], { server: REGISTERED_SERVER, expected: EXPECTED }),
  );
  await expect(server).not.toContainText('The agent points to');
  await expect(page.getByTestId('health-support')).toContainText('UBUNTU-22.04-64)');
  await expect(page.getByTestId('health-support')).not.toContainText('is supported');
  await expect(page.getByTestId('health-services')).toContainText('실행 중이 아님');
  await expect(page.getByTestId('health-reboot')).toContainText(ko.health.ko['health.reboot.none']);
  const connectivity = page.getByTestId('connectivity');
  await expect(connectivity).toContainText(ko.connectivity.ko['probe.dns.ip'].replace('{{host}}', '127.0.0.1'));
  await expect(connectivity).toContainText('이 컴퓨터에서 구성 서버로 TCP 1을(를) 여세요');
  await expect(connectivity).not.toContainText('did not accept a connection');
  await expect(connectivity).not.toContainText('no lookup needed');
  const push = page.getByTestId('push-readiness');
  await expect(push).toContainText(ko.push.ko['push.password.label']);
  await expect(push).not.toContainText('Password authentication');
});
