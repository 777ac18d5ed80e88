/**
 * The browser host side by side with a minimal React page: from starting the server process to a screen a
 * person can use in Debian's Chromium (the wizard: detection complete; the minimal page: its button), and
 * how much JavaScript (gzipped) the wizard loads before its first screen. The same minimal page is also run with
 * the browser host's security headers, in the same rounds, to show what those headers cost on their own.
 *
 * Each page is opened from a tab that shows a page of another site, as a person opens the link from the tab they
 * are in (a new-tab page, another site): Chromium then starts a renderer process for either page. The same is also
 * measured from automation's blank tab, whose renderer a plain page can take over and a page sent with
 * Cross-Origin-Opener-Policy cannot: shown apart, it is what that header costs there.
 */
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import type { Browser, Page } from '@playwright/test';
import { chromiumArgs } from '../../playwright.config';
import { createDemoSandbox } from '../../test/world/demo-sandbox';
import { buildMinimalReactPage } from './minimal-react-page';
import type { BenchRow } from './row';
import { alternate, compare, describeSideBySide } from './side-by-side';

const projectDir = path.resolve(__dirname, '..', '..');
const FIRST_SCREEN_JS_GOAL_KB = 100;

/**
 * Starts a server process whose first stdout line names its URL: `serve --json`'s envelope
 * ({"ok":true,…,"result":{"url":…}}) or the minimal page's {"url": …}.
 */
function startServer(args: string[]): Promise<{ child: ChildProcessWithoutNullStreams; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stderr.resume();
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`${args.join(' ')} exited ${String(code)} before serving`)));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const newline = out.indexOf('\n');
      if (newline === -1) return;
      const first = JSON.parse(out.slice(0, newline)) as { url?: string; result?: { url: string } };
      resolve({ child, url: first.result?.url ?? first.url ?? '' });
    });
  });
}

async function stopServer(child: ChildProcessWithoutNullStreams): Promise<void> {
  child.removeAllListeners('exit');
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

declare global {
  interface Window {
    __firstScreenAt?: number;
  }
}

/** The page's own clock when "Check complete." first shows: the scripts requested before it are the first screen's. */
function markFirstScreen(): void {
  const check = () => {
    if (window.__firstScreenAt === undefined && document.body?.textContent?.includes('Check complete.'))
      window.__firstScreenAt = window.performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
}

/**
 * A page of another site to start from: served on 127.0.0.2, which is loopback, and a site of its own to
 * Chromium (the wizard and the minimal page are on 127.0.0.1), so leaving it takes a new renderer process. Where
 * only 127.0.0.1 is configured (macOS), the same page as `localhost`, which is another site as well.
 */
async function startOtherSite(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((_req, res) =>
    res
      .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
      .end('<!doctype html><title>Another site</title><p>Another site'),
  );
  const listen = (address: string) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, address, () => {
        server.removeListener('error', reject);
        resolve();
      });
    });
  const host = await listen('127.0.0.2').then(
    () => '127.0.0.2',
    () => listen('127.0.0.1').then(() => 'localhost'),
  );
  return {
    url: `http://${host}:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Milliseconds from spawning the server to `ready(page)`, in a fresh tab that first shows `startUrl` (none: the
 * tab stays blank); and the scripts the page requested before its first screen was complete (what it fetches
 * afterwards, when idle, does not count), with their gzipped size.
 */
async function timeToInteractive(
  browser: Browser,
  startUrl: string | null,
  args: string[],
  ready: (page: Page) => Promise<void>,
) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (startUrl !== null) await page.goto(startUrl);
  await page.addInitScript(markFirstScreen);
  const bodies = new Map<string, Promise<Buffer>>();
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script')
      bodies.set(
        response.url(),
        response.body().catch(() => Buffer.alloc(0)),
      );
  });
  const start = performance.now();
  const { child, url } = await startServer(args);
  try {
    await page.goto(url);
    await ready(page);
    const ms = performance.now() - start;
    // window.performance: the bundler would bind a bare `performance` to node:perf_hooks' import.
    const before = await page.evaluate(() =>
      window.performance
        .getEntriesByType('resource')
        .filter(
          (e) =>
            e.name.endsWith('.js') && (window.__firstScreenAt === undefined || e.startTime < window.__firstScreenAt),
        )
        .map((e) => e.name),
    );
    const firstScreen = await Promise.all(before.map((name) => bodies.get(name) ?? Promise.resolve(Buffer.alloc(0))));
    return {
      ms,
      scripts: firstScreen.length,
      scriptBytes: firstScreen.reduce((n, b) => n + b.length, 0),
      scriptGzipBytes: firstScreen.reduce((n, b) => n + gzipSync(b).length, 0),
    };
  } finally {
    await context.close();
    await stopServer(child);
  }
}

const signedMs = (ms: number): string => `${ms < 0 ? '−' : '+'}${Math.abs(ms).toFixed(0)} ms`;

/** Chromium on a loaded machine now and then loses a page mid-run ("Target page … has been closed"): one retry. */
async function withRetry<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    process.stderr.write(
      `bench: browser run failed (${err instanceof Error ? err.message.split('\n')[0] : String(err)}); retrying once\n`,
    );
    return run();
  }
}

export async function benchBrowserHost(runs: number): Promise<BenchRow[]> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!(await fs.stat(executablePath).catch(() => null))) {
    return [
      {
        id: 'browserHost',
        what: 'browser host in Chromium',
        value: `skipped: no Chromium at ${executablePath}`,
        goal: '-',
        met: null,
      },
    ];
  }
  const sandbox = await createDemoSandbox();
  const minimal = await buildMinimalReactPage(projectDir);
  const otherSite = await startOtherSite();
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  const cli = path.join(projectDir, 'bin', 'mobility-setup.js');
  let firstScreen = { scriptBytes: 0, scriptGzipBytes: 0, scripts: 0 };
  try {
    const minimalPage = (startUrl: string | null, headers: string[]) => async () =>
      (
        await withRetry(() =>
          timeToInteractive(browser, startUrl, [minimal.serverFile, ...headers], (page) =>
            page.getByRole('button', { name: 'Continue' }).waitFor(),
          ),
        )
      ).ms;
    const wizardPage = (startUrl: string | null) => async () => {
      const r = await withRetry(() =>
        timeToInteractive(
          browser,
          startUrl,
          [cli, '--root', sandbox.root, 'serve', '--port', '0', '--json'],
          async (page) => {
            // Interactive: detection finished (every section shown) and the step's buttons answer. One wait for
            // both, as the minimal page's side waits once for its button.
            await page
              .locator('main', { hasText: 'Check complete.' })
              .getByRole('button', { name: 'Re-check', disabled: false })
              .waitFor();
          },
        ),
      );
      if (startUrl !== null) firstScreen = r;
      return r.ms;
    };
    const [wizard, plain, withHeaders] = await alternate(runs, [
      wizardPage(otherSite.url),
      minimalPage(otherSite.url, []),
      minimalPage(otherSite.url, ['--wizard-headers']),
    ]);
    const [blankWizard, blankPlain, blankWithHeaders] = await alternate(Math.max(2, Math.round(runs * 0.6)), [
      wizardPage(null),
      minimalPage(null, []),
      minimalPage(null, ['--wizard-headers']),
    ]);
    const result = compare(wizard!, plain!);
    const headerCost = compare(withHeaders!, plain!);
    const blank = compare(blankWizard!, blankPlain!);
    const blankHeaderCost = compare(blankWithHeaders!, blankPlain!);
    const kb = firstScreen.scriptGzipBytes / 1024;
    return [
      {
        id: 'browserHost',
        what: 'browser host: `serve` start to detection screen vs minimal React page',
        value: describeSideBySide(result),
        goal: '≤ 1.5×',
        met: result.ratio <= 1.5,
        data: result,
      },
      {
        // The same minimal page sent with the browser host's security headers: what they cost by themselves.
        id: 'browserHostHeaders',
        what: "browser host: the minimal page with the wizard's security headers costs",
        value: `${signedMs(headerCost.difference)} (${describeSideBySide(headerCost)})`,
        goal: '-',
        met: null,
        data: headerCost,
      },
      {
        // From automation's blank tab a plain page takes over the tab's renderer; a page with
        // Cross-Origin-Opener-Policy gets a fresh one. No person's tab is in that state; shown for what it costs.
        id: 'browserHostBlankTab',
        what: 'browser host, opened in a blank tab instead',
        value: describeSideBySide(blank),
        goal: '-',
        met: null,
        data: blank,
      },
      {
        id: 'browserHostBlankTabHeaders',
        what: "browser host, blank tab: the minimal page with the wizard's headers costs",
        value: `${signedMs(blankHeaderCost.difference)} (${describeSideBySide(blankHeaderCost)})`,
        goal: '-',
        met: null,
        data: blankHeaderCost,
      },
      {
        id: 'firstScreenJs',
        what: 'browser host: JavaScript loaded before the first screen (gzip)',
        value: `${kb.toFixed(1)} KB in ${firstScreen.scripts} files (${(firstScreen.scriptBytes / 1024).toFixed(0)} KB raw)`,
        goal: `≤ ${FIRST_SCREEN_JS_GOAL_KB} KB`,
        met: kb <= FIRST_SCREEN_JS_GOAL_KB,
        data: firstScreen,
      },
    ];
  } finally {
    await browser.close();
    await otherSite.close();
    await minimal.dispose();
    await fs.rm(sandbox.root, { recursive: true, force: true });
  }
}
