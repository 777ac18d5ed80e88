/**
 * Issue 8 in Chromium, with the test agent packages under a sandbox root: install → upgrade (newer package) →
 * uninstall, each verified on disk; downgrade refused; the stepwise message for a five-version jump; a hanging
 * uninstall ended by the timeout and explained; with nothing installed the start screen offers no Uninstall.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { keepScreenshot } from './helpers/screenshot';
import { PASSPHRASE, startInstallWorld } from './helpers/install-world';
import type { InstallWorld } from './helpers/install-world';
import { installWithCli } from './helpers/installed-agent';
import { checkConnection, continueToReview, findInstaller, openWizard } from './helpers/wizard-walk';

let world: InstallWorld | null = null;
test.afterEach(async () => {
  await world?.close();
  world = null;
});

const versionOf = async (w: InstallWorld) => /^Version=(.*)$/m.exec((await w.vxVersion()) ?? '')?.[1] ?? null;

async function openDetection(page: Page, w: InstallWorld): Promise<void> {
  await openWizard(page, w.served.url);
  await expect(page.getByText('Check complete.')).toBeVisible({ timeout: 30_000 });
}

/** Detection (an agent installed) → Upgrade → installer → server → review (no scanner here: no anti-virus step). */
async function upgradeThroughWizard(page: Page, w: InstallWorld): Promise<void> {
  await findInstaller(page, { open: 'Upgrade / reinstall' });
  await checkConnection(page, PASSPHRASE);
  await expect(page.getByLabel('Configuration server address')).toHaveValue(w.endpoint);
  await continueToReview(page);
}

async function startUninstall(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Uninstall', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Uninstall the Mobility service' })).toBeVisible();
}

test('install → upgrade → uninstall in the wizard, each verified on disk; then the start screen offers no Uninstall', async ({
  page,
}, testInfo) => {
  world = await startInstallWorld();
  await installWithCli(world, '9.62.0.0');
  expect(await versionOf(world)).toBe('9.62.0.0');

  await openDetection(page, world);
  await expect(page.getByText('9.62.0.0').first()).toBeVisible();
  await upgradeThroughWizard(page, world);
  await expect(page.getByText('Upgrade the Mobility service from 9.62.0.0 to 9.65.0.0')).toBeVisible();
  await expect(page.getByText(/^Before upgrading: update the configuration server/)).toBeVisible();
  await page.getByRole('button', { name: 'Install', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mobility service installed', { timeout: 60_000 });
  await expect(page.getByText(/upgraded to 9\.65\.0\.0.*A restart of this server is recommended\./)).toBeVisible();
  expect(await versionOf(world)).toBe('9.65.0.0');
  expect(await world.vxVersion()).toContain('AGENT_CONFIGURATION_STATUS=Succeeded');

  await page.getByRole('button', { name: 'Back to start' }).click();
  await expect(page.getByText('Check complete.')).toBeVisible({ timeout: 30_000 });
  await startUninstall(page);
  const removes = page
    .getByRole('region', { name: 'What will be removed' })
    .or(page.locator('.card', { hasText: 'What will be removed' }));
  await expect(removes).toContainText('9.65.0.0');
  await expect(removes).toContainText('/usr/local/ASR');
  await expect(removes).toContainText(`Registered with ${world.endpoint}`);
  await expect(
    page.getByText(/Replication of this server stops.*Disable replication of this server in the portal first/),
  ).toBeVisible();
  const uninstall = page.getByRole('button', { name: 'Uninstall', exact: true });
  await expect(uninstall).toBeDisabled();
  await keepScreenshot(page, testInfo, 'uninstall-confirm', true);
  await page.getByLabel(/I understand that replication of this server stops/).check();
  await uninstall.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mobility service uninstalled', { timeout: 60_000 });
  await expect(page.getByText('Exit code 0', { exact: true })).toBeVisible();
  await expect(page.getByText(/"Microsoft Azure Site Recovery Mobility Service\/Master Target Server"/)).toBeVisible();
  expect(await world.vxVersion()).toBeNull();
  expect(existsSync(path.join(world.sandbox.root, 'usr/local/ASR'))).toBe(false);

  // Detection finds no agent now: the start screen offers the install again, and no Uninstall.
  await page.getByRole('button', { name: 'Back to start' }).click();
  await expect(page.getByText('Check complete.')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Continue', exact: true })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Uninstall', exact: true })).toHaveCount(0);
});

test('an older installer is refused as a downgrade, and nothing changes', async ({ page }) => {
  world = await startInstallWorld();
  await installWithCli(world, '9.66.0.0');
  await openDetection(page, world);
  await upgradeThroughWizard(page, world);
  await expect(
    page.getByText(/a newer Mobility service \(9\.66\.0\.0\) is installed.*downgrade, which is refused/),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Install', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Installation failed', { timeout: 60_000 });
  await expect(
    page.getByText(/A downgrade is not supported: the Mobility service 9\.66\.0\.0 is installed/),
  ).toBeVisible();
  await expect(page.getByText('Exit code 15', { exact: true })).toBeVisible();
  expect(await versionOf(world)).toBe('9.66.0.0');
});

test('a five-version jump is refused with the stepwise path and the installers needed', async ({ page }) => {
  world = await startInstallWorld();
  await installWithCli(world, '9.60.0.0');
  await openDetection(page, world);
  await upgradeThroughWizard(page, world);
  await expect(page.getByText(/skips more than four versions.*\(9\.60\.0\.0 → 9\.64 → 9\.65\.0\.0\)/)).toBeVisible();
  await page.getByRole('button', { name: 'Install', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Installation failed', { timeout: 60_000 });
  await expect(page.getByText(/Upgrade step by step: 9\.60\.0\.0 → 9\.64 → 9\.65\.0\.0\./)).toBeVisible();
  await expect(page.getByText(/installers needed: 9\.64, 9\.65\.0\.0/)).toBeVisible();
  await expect(page.getByText('Exit code 11', { exact: true })).toBeVisible();
  expect(await versionOf(world)).toBe('9.60.0.0');
});

test('a hanging uninstall is ended by the inactivity timeout and explained', async ({ page }) => {
  world = await startInstallWorld({
    behavior: { hangIn: 'uninstall' },
    inactivityTimeoutSeconds: 3,
    installedUnregistered: true,
  });
  await openDetection(page, world);
  await startUninstall(page);
  await page.getByLabel(/I understand that replication of this server stops/).check();
  await page.getByRole('button', { name: 'Uninstall', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Uninstalling the Mobility service' })).toBeVisible();
  await expect(page.getByTestId('log-pane')).toContainText('Stopping Mobility service', { timeout: 15_000 });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Uninstall failed', { timeout: 60_000 });
  await expect(page.getByText(/known to hang while stopping the agent services/).first()).toBeVisible();
  await expect(page.getByText('Exit code 124', { exact: true })).toBeVisible();
});
