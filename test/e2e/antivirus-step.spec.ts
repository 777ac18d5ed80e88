import { mkdirSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { keepScreenshot } from './helpers/screenshot';
import { addClamav, addRecordingSystemctl, sandboxAt } from '../world/antivirus-scanners';
import { expectNoSeriousA11yViolations } from './helpers/axe';
import { PASSPHRASE, startInstallWorld } from './helpers/install-world';
import type { InstallWorld } from './helpers/install-world';
import { checkConnection, findInstaller, openWizard } from './helpers/wizard-walk';

let world: InstallWorld | null = null;
test.afterEach(async () => {
  await world?.close();
  world = null;
});

/** Detection (with its anti-virus section) → installer → server → the anti-virus step. */
async function walkToAntivirusStep(page: Page, w: InstallWorld, detectionSection: RegExp): Promise<void> {
  await openWizard(page, w.served.url);
  // The check arrives as its own section of the detection screen.
  await expect(page.getByTestId('av-section')).toContainText(detectionSection);
  await findInstaller(page);
  await checkConnection(page, PASSPHRASE);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Anti-virus exclusions' })).toBeVisible();
}

test('a ClamAV that does not exclude the agent folder is fixed from the step and shows as excluded', async ({
  page,
}) => {
  world = await startInstallWorld();
  const sandbox = sandboxAt(world.sandbox.root);
  addClamav(sandbox);
  // The restart takes a moment, as a real clamd's does: long enough to see the fix run as a job.
  const restarts = addRecordingSystemctl(sandbox, 0, 2);
  await walkToAntivirusStep(page, world, /ClamAV: Not excluded/);
  const clam = page.getByTestId('av-scanner-clamav');
  await expect(clam).toContainText('Not excluded');
  await expect(page.getByRole('button', { name: 'Continue', exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'Fix ClamAV' }).click();
  // The fix is the engine's job: its steps, progress bar, live log and Cancel, as the install shows them.
  const fixJob = page.getByTestId('av-fix-job');
  await expect(fixJob.getByRole('progressbar', { name: 'Anti-virus fix progress' })).toBeVisible();
  await expect(fixJob.getByText('Add the exclusions')).toBeVisible();
  await expect(fixJob).toContainText('To fix: clamav');
  await expect(fixJob.getByRole('button', { name: 'Cancel the fix' })).toBeEnabled();
  await expect(clam).toContainText('Excluded', { timeout: 15_000 });
  await expect(fixJob).toContainText('After the fix: ClamAV: excluded.');
  await expect(fixJob.getByRole('button', { name: 'Cancel the fix' })).toHaveCount(0);
  await expect(clam).toContainText('Fixed.');
  expect(sandbox.read('/etc/clamav/clamd.conf')).toContain('ExcludePath ^/usr/local/ASR/');
  expect(readFileSync(restarts, 'utf8')).toBe('restart clamav-daemon\n');
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Review' })).toBeVisible();
  await expect(page.getByText('The agent folders are excluded from every scanner found')).toBeVisible();
});

test('Cancel during the fix ends its job at the next boundary: the restart under way finishes, nothing is left half-done', async ({
  page,
}) => {
  world = await startInstallWorld();
  const sandbox = sandboxAt(world.sandbox.root);
  addClamav(sandbox);
  const restarts = addRecordingSystemctl(sandbox, 0, 3);
  await walkToAntivirusStep(page, world, /ClamAV: Not excluded/);
  await page.getByRole('button', { name: 'Fix ClamAV' }).click();
  const fixJob = page.getByTestId('av-fix-job');
  await expect(fixJob).toContainText('To fix: clamav');
  await fixJob.getByRole('button', { name: 'Cancel the fix' }).click();
  await expect(fixJob.getByRole('button', { name: 'Stopping after this scanner…' })).toBeDisabled();
  await expect(page.getByText('The job was cancelled.')).toBeVisible({ timeout: 15_000 });
  // The product's fix was never stopped halfway: the line is in place and the daemon restarted once.
  await expect(page.getByText('Fixed before it stopped: clamav (fixed).')).toBeVisible();
  expect(sandbox.read('/etc/clamav/clamd.conf')).toContain('ExcludePath ^/usr/local/ASR/');
  expect(readFileSync(restarts, 'utf8')).toBe('restart clamav-daemon\n');
  await expect(fixJob.getByText('Cancelled')).toBeVisible();
  // Check again shows the scanner as it is now; the person is not stuck.
  await page.getByRole('button', { name: 'Check again' }).click();
  await expect(page.getByTestId('av-scanner-clamav')).toContainText('Excluded', { timeout: 15_000 });
  await expect(page.getByRole('button', { name: 'Continue', exact: true })).toBeEnabled();
});

test('a console-managed scanner shows its manual steps; continuing with a warning is recorded in the summary', async ({
  page,
}, testInfo) => {
  world = await startInstallWorld({ behavior: { slowMs: 100 } });
  const sandbox = sandboxAt(world.sandbox.root);
  mkdirSync(sandbox.at('/opt/CrowdStrike'), { recursive: true });
  addClamav(sandbox);
  await walkToAntivirusStep(page, world, /CrowdStrike Falcon: Cannot tell/);
  await page.getByRole('button', { name: 'Fix ClamAV' }).click();
  await expect(page.getByTestId('av-scanner-clamav')).toContainText('Fixed.', { timeout: 15_000 });
  const falcon = page.getByTestId('av-scanner-crowdstrike');
  await expect(falcon).toContainText('Cannot tell');
  await expect(falcon.getByRole('button', { name: /Fix/ })).toHaveCount(0);
  await expect(falcon).toContainText('Falcon console');
  await expect(falcon).toContainText('/usr/local/ASR/**');
  await expect(page.getByTestId('av-request-crowdstrike')).toContainText(
    'Please add a real-time scanning exclusion in CrowdStrike Falcon',
  );
  await expect(falcon.getByRole('button', { name: 'Copy the request for CrowdStrike Falcon' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await keepScreenshot(page, testInfo, 'antivirus-step', 'full-page');

  await page.getByRole('button', { name: 'Continue with warning' }).click();
  await expect(page.getByRole('heading', { name: 'Review' })).toBeVisible();
  await expect(page.getByText('Continued with a warning: CrowdStrike Falcon may scan the agent folders')).toBeVisible();
  await page.getByRole('button', { name: 'Install', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Mobility service installed' })).toBeVisible({ timeout: 30_000 });
  // The fix made on the step (a job of its own) is recorded in the summary next to the choice.
  await expect(
    page.getByText(
      'Continued with a warning: CrowdStrike Falcon may scan the agent folders (Mobility Setup added the exclusions to ClamAV.)',
    ),
  ).toBeVisible();
  await keepScreenshot(page, testInfo, 'antivirus-summary');
});
