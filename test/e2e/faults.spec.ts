/**
 * Faults across front doors, in Chromium: an install run from the command line holds the machine, so the
 * wizard's install (the browser host) is refused with 41 naming the holder; then the command line is killed
 * with kill -9 and the wizard's next start shows the interrupted job, what was removed and the way back.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { installOnlyArgs, startCli } from '../world/cli-process';
import type { RunningCli } from '../world/cli-process';
import { alive, pidsMentioning } from '../world/process-scan';
import { startInstallWorld } from './helpers/install-world';
import type { InstallWorld } from './helpers/install-world';
import { startServe } from './helpers/serve';
import type { ServedCli } from './helpers/serve';
import { walkToReview } from './helpers/wizard-walk';

let world: InstallWorld | null = null;
let cli: RunningCli['child'] | null = null;
let again: ServedCli | null = null;
test.afterEach(async () => {
  // In every outcome: the command line's process group and the installer it started, then the servers.
  if (cli?.pid && alive(cli.pid)) process.kill(-cli.pid, 'SIGKILL');
  const keep = new Set([world?.served.pid, again?.pid]);
  if (world)
    for (const pid of await pidsMentioning(world.sandbox.root))
      if (!keep.has(pid) && alive(pid)) process.kill(pid, 'SIGKILL');
  await again?.stop();
  await world?.close();
  cli = null;
  again = null;
  world = null;
});

/** `mobility-setup install` from the command line in its own process group; resolves once its installer runs. */
async function cliInstallHolding(w: InstallWorld): Promise<RunningCli['child']> {
  const cli = startCli(installOnlyArgs(w.sandbox.root, w.sandbox.installerDir, { json: true }), { ownGroup: true });
  await cli.stderrContains('[install] running');
  return cli.child;
}

test("an install from the command line refuses the wizard's (41, the holder named); after kill -9 the wizard shows the interrupted install and the way back", async ({
  page,
}) => {
  world = await startInstallWorld({ behavior: { hangIn: 'install' } });
  const w = world;
  cli = await cliInstallHolding(w);

  // The wizard, through the browser host: up to the review, then Install is refused at once.
  await walkToReview(page, w.served.url);
  await page.getByRole('button', { name: 'Install', exact: true }).click();
  const holder = new RegExp(
    `Another job is running on this machine: an install started \\S+ by process ${cli.pid} \\(the command line\\)`,
  );
  await expect(page.getByText(holder).first()).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText(/anti-virus fix/).first()).toBeVisible();

  // kill -9 of the command line's process group mid-install; its extracted installer stays behind.
  process.kill(-cli.pid!, 'SIGKILL');
  const work = path.join(w.sandbox.root, 'tmp');
  const extracted = (await readdir(work)).filter((n) => n.startsWith('mobility-setup-extract-'));
  expect(extracted).toHaveLength(1);

  // The wizard's next start (a new browser host) finds the install interrupted, removes the leftover, leads back.
  again = await startServe(['--installer-dir', w.sandbox.installerDir], { root: w.sandbox.root });
  await page.goto(again.url);
  const notice = page.getByTestId('interrupted-job');
  await expect(notice).toContainText(`The last install (started`);
  await expect(notice).toContainText(`process ${cli.pid}) was interrupted in step "install".`);
  await expect(notice).toContainText('The Mobility service is not installed.');
  await expect(notice).toContainText('Install again to repair or finish it.');
  await expect(notice).toContainText(`Removed what it left behind: ${path.join(work, extracted[0]!)}`);
  expect((await readdir(work)).filter((n) => n.startsWith('mobility-setup-extract-'))).toEqual([]);
  await expect(page.getByRole('button', { name: 'Continue' })).toBeEnabled();
});
