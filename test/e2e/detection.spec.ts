import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './helpers/axe';
import { startServe } from './helpers/serve';
import type { ServedCli } from './helpers/serve';

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'roots');
/** Screenshots for the README are refreshed with UPDATE_SCREENSHOTS=1; otherwise they stay test artifacts. */
const SCREENSHOT_DIR =
  process.env.UPDATE_SCREENSHOTS === '1'
    ? path.resolve(__dirname, '..', '..', 'assets', 'screenshots')
    : path.resolve(__dirname, '..', '..', 'test-results', 'screenshots');

let served: ServedCli | null = null;
test.afterEach(async () => {
  await served?.stop();
  served = null;
});

async function openOn(page: Page, fixture: string): Promise<void> {
  served = await startServe([], { root: path.join(FIXTURES, fixture) });
  await page.setViewportSize({ width: 1200, height: 800 });
  await page.goto(served.url);
  await expect(page.getByRole('heading', { name: 'This server' })).toBeVisible();
}

test('shows the token, the verdict and the installed agent for a registered Ubuntu 22.04 server', async ({ page }) => {
  await openOn(page, 'ubuntu-22.04-agent-registered');
  await expect(page.getByTestId('os-token')).toHaveText('UBUNTU-22.04-64');
  await expect(page.getByTestId('support-verdict')).toContainText(/supported/i);
  await expect(page.getByTestId('support-verdict')).not.toContainText(/not supported/i);
  await expect(page.getByText('9.65.0.0').first()).toBeVisible();
  await expect(page.getByText('10.150.24.8').first()).toBeVisible();
});

test('renders the detection screen for a fresh RHEL 9 server and takes the README screenshot', async ({ page }) => {
  await openOn(page, 'rhel-9');
  await expect(page.getByTestId('os-token')).toHaveText('RHEL9-64');
  await expect(page.getByRole('button', { name: /continue/i })).toBeEnabled();
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'detection.png') });
});

test('says why an aarch64 machine is not supported and does not let the install start', async ({ page }) => {
  await openOn(page, 'ubuntu-22.04-aarch64');
  await expect(page.getByTestId('support-verdict')).toContainText(/not supported/i);
  await expect(page.getByText(/x86_64/).first()).toBeVisible();
  await expect(page.getByRole('button', { name: /continue/i })).toBeDisabled();
});

test('the detection screen has no serious or critical accessibility violations', async ({ page }) => {
  await openOn(page, 'debian-12');
  await expect(page.getByTestId('os-token')).toHaveText('DEBIAN12-64');
  await expectNoSeriousA11yViolations(page);
});

test("says so in plain words when the wizard's own files cannot be loaded (the entry has, the rest has not)", async ({
  page,
}) => {
  served = await startServe([], { root: path.join(FIXTURES, 'rhel-9') });
  // As a dropped tunnel would: the entry arrives, the wizard's chunk does not.
  await page.route(/\/assets\/boot-[^/]+\.js$/, (route) => route.abort('connectionreset'));
  await page.goto(served.url);
  await expect(
    page.getByText('The wizard could not be loaded. Check the connection to this server, then reload the page.'),
  ).toBeVisible();
});

test("the link's landing carries the first screen's answers: the page asks only for those it did not carry, and a reload asks for all", async ({
  page,
}) => {
  served = await startServe([], { root: path.join(FIXTURES, 'rhel-9') });
  const asked: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/api/')) asked.push(pathname.slice('/api/'.length));
  });
  const landing = page.waitForResponse((response) => response.request().isNavigationRequest());
  await page.goto(served.url);
  // Which answers the landing carried: those ready within its wait (all four on a quiet machine; under load a slow
  // detection is left out, and the page asks for it).
  const block = /<script type="application\/json" id="mobility-first-replies">([^<]*)<\/script>/.exec(
    await (await landing).text(),
  );
  expect(block, 'the landing ends with the answers block').not.toBeNull();
  // (test/unit/web-host/first-replies.test.ts shows all four carried when the wait is long enough.)
  const carried = Object.keys(JSON.parse(block![1]!) as object);
  await expect(page.getByTestId('os-token')).toHaveText('RHEL9-64');
  await expect(page.getByText('Check complete.')).toBeVisible();
  const firstCalls = ['getSession', 'detect', 'getLatestJob', 'checkAntivirus'];
  expect(asked.filter((name) => firstCalls.includes(name)).sort()).toEqual(
    firstCalls.filter((name) => !carried.includes(name)).sort(),
  );
  // The data block was taken out of the page once read.
  await expect(page.locator('#mobility-first-replies')).toHaveCount(0);

  // A reload is served the plain page (no answers in it, no key): the page asks, and the screen completes the same.
  asked.length = 0;
  await page.reload();
  await expect(page.getByTestId('os-token')).toHaveText('RHEL9-64');
  await expect(page.getByText('Check complete.')).toBeVisible();
  expect(firstCalls.filter((name) => asked.includes(name)).sort()).toEqual([...firstCalls].sort());
});
