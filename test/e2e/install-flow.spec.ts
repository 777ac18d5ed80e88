import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { keepScreenshot } from './helpers/screenshot';
import { expectNoSeriousA11yViolations } from './helpers/axe';
import { PASSPHRASE, startInstallWorld } from './helpers/install-world';
import type { InstallWorld } from './helpers/install-world';
import { checkConnection, continueToReview, findInstaller, openWizard } from './helpers/wizard-walk';

let world: InstallWorld | null = null;
test.afterEach(async () => {
  await world?.close();
  world = null;
});

/** Detection → installer (prefilled folder) → server (prefilled address) with the given passphrase. */
async function walkToServerStep(page: Page, w: InstallWorld, passphrase: string): Promise<void> {
  await openWizard(page, w.served.url);
  await findInstaller(page);
  await expect(page.getByLabel('Installer folder')).toHaveValue(w.sandbox.installerDir);
  await checkConnection(page, passphrase);
  await expect(page.getByLabel('Configuration server address')).toHaveValue(w.endpoint);
}

/** What the Install item of the step rail says about the job (its data-status: done, failed, cancelled, …). */
async function expectRailInstall(page: Page, status: 'done' | 'failed' | 'cancelled'): Promise<void> {
  const item = page
    .getByRole('navigation', { name: 'Setup steps' })
    .getByRole('listitem')
    .filter({ hasText: /^Install\(/ });
  await expect(item).toHaveAttribute('data-status', status);
  await expect(item).toContainText(`(${status})`);
}

/** The summary's one story: its heading, the exit code the CLI would give, and none of the lines that would contradict it. */
async function expectSummary(
  page: Page,
  ending: { heading: string; exitCode: number; rail: 'done' | 'failed' | 'cancelled'; never: (string | RegExp)[] },
): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ending.heading, { timeout: 30_000 });
  await expectRailInstall(page, ending.rail);
  await expect(page.getByText(`Exit code ${ending.exitCode}`, { exact: true })).toBeVisible();
  await expect(page.getByText(/^Exit code /)).toHaveCount(1);
  const main = page.getByRole('main');
  for (const line of ending.never) await expect(main).not.toContainText(line);
}

async function installFromServerStep(page: Page): Promise<void> {
  await continueToReview(page);
  await page.getByRole('button', { name: 'Install', exact: true }).click();
}

test('a full install and registration ends in the summary, with the agent registered', async ({ page }, testInfo) => {
  world = await startInstallWorld({ behavior: { slowMs: 400 } });
  await walkToServerStep(page, world, PASSPHRASE);
  await expect(page.getByText(/SHA-256/).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await installFromServerStep(page);
  await expect(page.getByRole('heading', { name: 'Installing the Mobility service' })).toBeVisible();
  await expect(page.getByTestId('log-pane')).toContainText(/./, { timeout: 15_000 });
  await keepScreenshot(page, testInfo, 'install-progress', true);
  await expectNoSeriousA11yViolations(page);
  await expect(page.getByRole('heading', { name: 'Mobility service installed' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('9.65.0.0').first()).toBeVisible();
  await expect(page.getByText(/WALinuxAgent/).first()).toBeVisible();
  // The summary names the server as the review did, port included.
  await expect(page.getByRole('main').getByText(world.endpoint, { exact: true })).toBeVisible();
  await expectRailInstall(page, 'done');
  expect(await world.vxVersion()).toContain('AGENT_CONFIGURATION_STATUS=Succeeded');
  expect(world.sim.registrations.filter((r) => r.ok)).toHaveLength(1);
  // The live log was shown and the vendor log is one click away.
  await page
    .getByRole('button', { name: /View log/ })
    .first()
    .click();
  await expect(page.getByRole('dialog')).toContainText(/./);
  await expect(page.getByRole('dialog')).not.toContainText(PASSPHRASE);
  await page.keyboard.press('Escape');
  await expectNoSeriousA11yViolations(page);
  await keepScreenshot(page, testInfo, 'install-success', true);
});

test('a wrong passphrase ends with exit code 14, headed as a failed registration of an installed agent', async ({
  page,
}, testInfo) => {
  world = await startInstallWorld();
  await walkToServerStep(page, world, 'WrongPass0123456');
  await installFromServerStep(page);
  await expectSummary(page, {
    heading: 'Registration failed — the agent is installed',
    exitCode: 14,
    rail: 'failed',
    never: ['Installation failed', 'Unknown', 'partly installed', /registered with/],
  });
  await expect(page.getByText(/genpassphrase/).first()).toBeVisible();
  await expect(
    page.getByText(/^The Mobility service 9\.65\.0\.0 is installed in \/usr\/local\/ASR and not registered/),
  ).toBeVisible();
  await keepScreenshot(page, testInfo, 'wrong-passphrase', true);
});

test('an unreachable server is caught by the connection check before anything is installed', async ({
  page,
}, testInfo) => {
  // Port 1 on loopback: nothing listens there, so the connection is refused.
  world = await startInstallWorld({ endpoint: '127.0.0.1:1' });
  await walkToServerStep(page, world, PASSPHRASE);
  await expect(page.getByText(/cannot be reached|refused/i).first()).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('button', { name: 'Continue' })).toBeDisabled();
  expect(await world.vxVersion()).toBeNull();
  await keepScreenshot(page, testInfo, 'server-unreachable');
});

test('an installer failure ends with its exit code and one true machine state', async ({ page }, testInfo) => {
  world = await startInstallWorld({ behavior: { installExit: 1603 } });
  await walkToServerStep(page, world, PASSPHRASE);
  await installFromServerStep(page);
  await expectSummary(page, {
    heading: 'Installation failed',
    exitCode: 1603,
    rail: 'failed',
    // Nothing is installed: no "Unknown" version beside a "partly installed" guess, and no Azure VM agent note.
    never: ['Unknown', 'partly installed', 'WALinuxAgent', 'Azure', 'Registration failed'],
  });
  await expect(page.getByText('Not installed', { exact: true })).toBeVisible();
  await expect(
    page.getByText(/^The Mobility service is not installed: the installer stopped before it finished/),
  ).toBeVisible();
  await keepScreenshot(page, testInfo, 'install-failed', true);
});

test('a reboot request (3010) is success with one restart notice', async ({ page }, testInfo) => {
  world = await startInstallWorld({ behavior: { rebootRequired: true } });
  await walkToServerStep(page, world, PASSPHRASE);
  await installFromServerStep(page);
  await expectSummary(page, {
    heading: 'Mobility service installed',
    exitCode: 3010,
    rail: 'done',
    never: ['Restart the machine when convenient', 'Unknown'],
  });
  await expect(
    page.getByText('Restart this server when convenient to finish the installation (recommended).'),
  ).toBeVisible();
  await expect(page.getByRole('main').getByText(/^Restart /)).toHaveCount(1);
  await keepScreenshot(page, testInfo, 'reboot-required');
});

test('a hung installer is ended by the inactivity timeout, which the summary says with exit code 124', async ({
  page,
}, testInfo) => {
  world = await startInstallWorld({ behavior: { hangIn: 'install' }, inactivityTimeoutSeconds: 2 });
  await walkToServerStep(page, world, PASSPHRASE);
  await installFromServerStep(page);
  await expectSummary(page, {
    heading: 'Installation failed',
    exitCode: 124,
    rail: 'failed',
    never: ['Unknown', 'partly installed', 'WALinuxAgent'],
  });
  await expect(page.getByText(/printed nothing for 2 seconds/).first()).toBeVisible();
  await keepScreenshot(page, testInfo, 'hang-timeout');
});

test('cancel mid-install ends the installer and says what state the server is in', async ({ page }, testInfo) => {
  world = await startInstallWorld({ behavior: { hangIn: 'install' } });
  await walkToServerStep(page, world, PASSPHRASE);
  await installFromServerStep(page);
  await expect(page.getByRole('heading', { name: 'Installing the Mobility service' })).toBeVisible();
  await expect(page.getByTestId('log-pane')).toContainText(/./, { timeout: 15_000 });
  // The hung installer prints nothing: the wait explains itself with the default 15-minute limit.
  await expect(page.getByTestId('quiet-wait')).toHaveText(
    /^No output for 1\d s; it is ended after 15 min without output\.$/,
    { timeout: 20_000 },
  );
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Stop the job' }).click();
  await expectSummary(page, {
    heading: 'Installation cancelled',
    exitCode: 1602,
    rail: 'cancelled',
    never: ['Unknown', 'partly installed', 'WALinuxAgent'],
  });
  await expect(page.getByText('State of this server')).toBeVisible();
  await expect(page.getByText(/^The Mobility service is not installed/)).toBeVisible();
  await keepScreenshot(page, testInfo, 'cancelled');
});

test('200,000 log lines stream into the log pane, which stays responsive', async ({ page }, testInfo) => {
  world = await startInstallWorld({ behavior: { installLogLines: 200_000 } });
  await walkToServerStep(page, world, PASSPHRASE);
  await installFromServerStep(page);
  await expect(page.getByRole('heading', { name: 'Mobility service installed' })).toBeVisible({ timeout: 60_000 });
  // The summary can reopen the live log; the pane renders only what is visible, not 200,000 nodes.
  const toggle = page.getByRole('button', { name: 'Show the installer log' });
  if (await toggle.isVisible()) await toggle.click();
  const pane = page.getByTestId('log-pane');
  await expect.poll(async () => Number(await pane.getAttribute('data-line-count'))).toBeGreaterThanOrEqual(200_000);
  const rendered = await pane.locator('.log-line').count();
  expect(rendered).toBeGreaterThan(0);
  expect(rendered).toBeLessThan(500);
  await keepScreenshot(page, testInfo, 'flood');
});

test('a replication appliance config.json registers the agent (modernized)', async ({ page }, testInfo) => {
  world = await startInstallWorld();
  await openWizard(page, world.served.url);
  await findInstaller(page);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('radio', { name: 'Replication appliance (modernized)' }).check();
  const config = world.sim.applianceConfig();
  await page
    .getByLabel('Choose config.json…')
    .setInputFiles({ name: 'config.json', mimeType: 'application/json', buffer: Buffer.from(config) });
  await installFromServerStep(page);
  await expect(page.getByRole('heading', { name: 'Mobility service installed' })).toBeVisible({ timeout: 30_000 });
  expect(world.sim.registrations.filter((r) => r.ok && r.mode === 'modernized')).toHaveLength(1);
  expect(await world.vxVersion()).toContain('AGENT_CONFIGURATION_STATUS=Succeeded');
  // The appliance key is a secret too: the page never shows the file's content.
  const key = (JSON.parse(config) as { key: string }).key;
  await expect(page.locator('body')).not.toContainText(key);
  await keepScreenshot(page, testInfo, 'modernized');
});

test('an installed but unregistered agent can be registered on its own', async ({ page }, testInfo) => {
  world = await startInstallWorld({ installedUnregistered: true });
  expect(await world.vxVersion()).not.toContain('AGENT_CONFIGURATION_STATUS=Succeeded');
  await openWizard(page, world.served.url);
  await expect(page.getByText('9.65.0.0').first()).toBeVisible();
  await page.getByRole('button', { name: 'Register only' }).click();
  await expect(page.getByLabel('Configuration server address')).toHaveValue(world.endpoint);
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Check connection' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Register', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Mobility service registered' })).toBeVisible({ timeout: 30_000 });
  expect(await world.vxVersion()).toContain('AGENT_CONFIGURATION_STATUS=Succeeded');
  await keepScreenshot(page, testInfo, 'register-only');
});

test('a reload during the install finds the running job again, and then its summary', async ({ page }, testInfo) => {
  world = await startInstallWorld({ behavior: { slowMs: 1500 } });
  await walkToServerStep(page, world, PASSPHRASE);
  await installFromServerStep(page);
  await expect(page.getByRole('heading', { name: 'Installing the Mobility service' })).toBeVisible();
  // As if the SSH tunnel dropped and the person opened the wizard again: the page starts from scratch.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Installing the Mobility service' })).toBeVisible();
  await expect(page.getByTestId('log-pane')).toContainText('Detected: Debian', { timeout: 15_000 });
  await expect(page.getByRole('heading', { name: 'Mobility service installed' })).toBeVisible({ timeout: 30_000 });
  await keepScreenshot(page, testInfo, 'reattached');
});
