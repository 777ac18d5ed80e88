import { randomBytes } from 'node:crypto';
import { mkdir, rm, stat, symlink } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startCsSimulator } from '../world/cs-simulator';
import type { CsSimulator } from '../world/cs-simulator';
import { createDemoSandbox } from '../world/demo-sandbox';
import type { DemoSandbox } from '../world/demo-sandbox';
import {
  chownTree,
  pkexecSkipReason,
  polkitDown,
  polkitRule,
  polkitUp,
  sampleProcesses,
} from '../unit/core/elevation/pkexec-world';
import type { TestUser } from '../unit/core/elevation/pkexec-world';
import { startServe } from './helpers/serve';
import type { ServedCli } from './helpers/serve';
import { checkConnection, continueToReview, findInstaller, openWizard, walkToReview } from './helpers/wizard-walk';

const skip = pkexecSkipReason();
const DEBIAN_12 = path.resolve(__dirname, '..', 'fixtures', 'roots', 'debian-12');
// Unique to this run, so a hit in any process's argv or environment can only be a leak.
const CANARY = `Pw${randomBytes(7).toString('hex')}`;

test.describe('the wizard as a local user, elevating through pkexec', () => {
  test.skip(skip !== null, skip ?? '');
  // One user, one rule, one bus: the tests of this file run one after the other.
  test.describe.configure({ mode: 'serial' });

  let user: TestUser;
  let sim: CsSimulator | null = null;
  let sandbox: DemoSandbox | null = null;
  let served: ServedCli | null = null;

  test.beforeAll(() => {
    user = polkitUp();
  });
  test.afterAll(() => {
    // In every outcome: the rule and the user go, then what the setup started.
    polkitDown();
  });
  test.afterEach(async () => {
    await served?.stop();
    await sim?.close();
    if (sandbox) await rm(sandbox.root, { recursive: true, force: true });
    served = null;
    sim = null;
    sandbox = null;
  });

  /** `mobility-setup serve` run by the test user over a sandbox machine that user owns (with the real pkexec). */
  async function serveAsUser(): Promise<{ served: ServedCli; sandbox: DemoSandbox; sim: CsSimulator }> {
    sandbox = await createDemoSandbox({ sourceRoot: DEBIAN_12, behavior: { slowMs: 300 } });
    await mkdir(path.join(sandbox.root, 'usr/bin'), { recursive: true });
    await symlink('/usr/bin/pkexec', path.join(sandbox.root, 'usr/bin/pkexec'));
    chownTree(sandbox.root, user);
    sim = await startCsSimulator({ passphrase: CANARY });
    const env = { PATH: '/usr/bin:/bin', HOME: user.home, USER: user.name, LOGNAME: user.name };
    served = await startServe(
      ['--installer-dir', sandbox.installerDir, '--cs-endpoint', sim.endpoint, '--data-port', String(sim.dataPort)],
      {
        root: sandbox.root,
        asUser: { uid: user.uid, gid: user.gid, env },
      },
    );
    return { served, sandbox, sim };
  }

  test('a polkit rule allows the user: the install runs as root, the passphrase is in no argv or environment', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    polkitRule('yes');
    const w = await serveAsUser();
    await openWizard(page, w.served.url);
    await expect(page.getByText(/will ask polkit/)).toBeVisible();
    await findInstaller(page);
    await checkConnection(page, CANARY);
    await continueToReview(page);
    const sampler = sampleProcesses(CANARY);
    await page.getByRole('button', { name: 'Install', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Mobility service installed' })).toBeVisible({ timeout: 60_000 });
    sampler.stop();
    expect(w.sim.registrations.filter((r) => r.ok)).toHaveLength(1);
    // The vendor installer wrote the agent's state as root, through pkexec and the root helper.
    expect((await stat(path.join(w.sandbox.root, 'usr/local/.vx_version'))).uid).toBe(0);
    expect(sampler.seen.pkexec).toBe(true);
    expect([...sampler.seen.helperUids]).toEqual([0]);
    expect([...sampler.seen.helperPkexecUids]).toEqual([String(user.uid)]);
    expect(sampler.hits).toEqual([]);
  });

  test('polkit refuses the user: the wizard ends "cancelled" and nothing is installed', async ({ page }) => {
    test.setTimeout(120_000);
    polkitRule('no');
    const w = await serveAsUser();
    await walkToReview(page, w.served.url, { passphrase: CANARY });
    await page.getByRole('button', { name: 'Install', exact: true }).click();
    await expect(page.getByText(/password prompt was dismissed/).first()).toBeVisible({ timeout: 60_000 });
    await expect(stat(path.join(w.sandbox.root, 'usr/local/.vx_version'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(w.sim.registrations).toHaveLength(0);
  });
});
