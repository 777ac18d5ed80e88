/**
 * The wizard, in Chromium through the browser host: it shows whose installer it found, and refuses one that
 * another real local user (created here) planted, saying who owns it and what to do; nothing is installed.
 */
import { chown, readdir } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { CAN_CREATE_USERS, localUsers } from '../unit/helpers/local-user';
import { startInstallWorld } from './helpers/install-world';
import type { InstallWorld } from './helpers/install-world';
import { openWizard } from './helpers/wizard-walk';

const users = localUsers();
let world: InstallWorld | null = null;
test.afterEach(async () => {
  await world?.close();
  world = null;
});
test.afterAll(() => users.removeAll());

async function toInstallerStep(page: Page, w: InstallWorld): Promise<void> {
  await openWizard(page, w.served.url);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Find installer' }).click();
}

test("the installer step shows the chosen file's owner and mode", async ({ page }) => {
  world = await startInstallWorld();
  await toInstallerStep(page, world);
  await expect(page.getByText('Checksum verified')).toBeVisible();
  await expect(page.getByText('root (uid 0), mode 0644')).toBeVisible();
});

test('an installer planted by another user is refused with its owner named; Continue stays disabled', async ({
  page,
}) => {
  test.skip(!CAN_CREATE_USERS, 'needs root on Linux to create a user');
  const mallory = await users.create('mste');
  world = await startInstallWorld();
  const [file] = await readdir(world.sandbox.installerDir);
  await chown(path.join(world.sandbox.installerDir, file!), mallory.uid, mallory.gid);
  await toInstallerStep(page, world);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(`belongs to ${mallory.name} (uid ${mallory.uid})`);
  await expect(alert).toContainText('chown root:root');
  await expect(page.getByRole('button', { name: 'Continue' })).toBeDisabled();
  expect(await world.vxVersion()).toBeNull();
});
