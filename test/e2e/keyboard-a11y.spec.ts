/**
 * Every flow of the wizard, in English and in Korean, by keyboard alone (Tab, Enter, Space, arrows, typing; no
 * mouse), at the window's narrow width (720 × 540, the Electron window's minimum). On every screen and dialog:
 * axe finds no violation of any impact in the light and the dark theme, the focused control shows its focus, no
 * text is clipped, and a screenshot is kept (UPDATE_SCREENSHOTS=1 refreshes the README's, assets/screenshots/steps/).
 *
 * Adding a flow or a screen is one entry in FLOWS: a world to start and a list of screens, each reached from the
 * previous one with keyboard actions (helpers/keyboard.ts) and checked by checkScreen.
 */
import { mkdirSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page, TestInfo } from '@playwright/test';
import type { TFunction } from 'i18next';
import { createI18n } from '../../renderer/i18n';
import { enLaterStepsUi } from '../../renderer/i18n/en-later-steps';
import { enTroubleshootUi } from '../../renderer/i18n/en-troubleshoot';
import { koUi } from '../../renderer/i18n/ko';
import { koCodes, koHints } from '../../common/i18n/ko-codes';
import { koLaterStepsUi } from '../../renderer/i18n/ko-later-steps';
import { koTroubleshootUi } from '../../renderer/i18n/ko-troubleshoot';
import type { AgentBehavior } from '../world/agent-package';
import { fillText } from '../../common/core-text/coded-text';
import { CORE_TEXT_FAMILIES } from '../../common/core-text/core-text';
import { addClamav, sandboxAt } from '../world/antivirus-scanners';
import { makeBrokenInstallRoot } from '../world/broken-install';
import { expectNoA11yViolationsInBothThemes } from './helpers/axe';
import { PASSPHRASE, startInstallWorld } from './helpers/install-world';
import type { InstallWorld } from './helpers/install-world';
import { installWithCli } from './helpers/installed-agent';
import { pressButton, tabTo } from './helpers/keyboard';
import { expectNoClippedText } from './helpers/layout';
import { startServe } from './helpers/serve';
import { byKeyboard, checkConnection, continueToReview, findInstaller, wordsFrom } from './helpers/wizard-walk';
import type { WalkOptions } from './helpers/wizard-walk';

type Language = 'en' | 'ko';

interface Running {
  url: string;
  close(): Promise<void>;
}

interface Screen {
  /** The screenshot's name: <flow>-<screen>. */
  name: string;
  /** Keyboard actions from the previous screen (or the freshly opened wizard) to this one, and what shows it is there. */
  reach(page: Page, t: TFunction): Promise<void>;
}

interface Flow {
  name: string;
  start(): Promise<Running>;
  screens: Screen[];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const NARROW = { width: 720, height: 540 };
const SCREENSHOTS = path.resolve(__dirname, '..', '..', 'assets', 'screenshots', 'steps');

/** The shared walk (helpers/wizard-walk.ts) by keyboard alone, in the words of the language under test. */
const byKeyboardIn = (t: TFunction): WalkOptions => ({ hands: byKeyboard, words: wordsFrom((key) => t(key)) });

const heading = (page: Page, name: string) =>
  expect(page.getByRole('heading', { level: 1, name })).toBeVisible({ timeout: 30_000 });

/**
 * The console-managed scanner's reason, steps and request are the core's sentences in the page's language: in
 * Korean the Korean template's text is there and the English one is not.
 */
async function expectConsoleScannerInPageLanguage(page: Page): Promise<void> {
  const language = (await page.locator('html').getAttribute('lang')) === 'ko' ? 'ko' : 'en';
  const texts = CORE_TEXT_FAMILIES.antivirus;
  const falcon = page.getByTestId('av-scanner-crowdstrike');
  const product = 'CrowdStrike Falcon';
  await expect(falcon).toContainText(fillText(texts[language]['av.console.reason'], { product }));
  await expect(falcon).toContainText(texts[language]['av.steps.crowdstrike.3']);
  const request = page.getByTestId('av-request-crowdstrike');
  await expect(request).toContainText(
    texts[language]['av.request'].split('{{host}}')[0]!.replace('{{product}}', product),
  );
  if (language === 'ko') {
    await expect(falcon).not.toContainText(fillText(texts.en['av.console.reason'], { product }));
    await expect(falcon).not.toContainText(texts.en['av.steps.crowdstrike.3']);
    await expect(request).not.toContainText('Please add');
  }
}

/** An install world (Debian 12 sandbox, real agent package, configuration server simulator) as a flow's start. */
function installWorld(
  setup: (world: InstallWorld) => void | Promise<void> = () => undefined,
  options: { installedUnregistered?: boolean; behavior?: AgentBehavior } = {},
): () => Promise<Running> {
  return async () => {
    const world = await startInstallWorld({ behavior: { slowMs: 300 }, ...options });
    try {
      await setup(world);
    } catch (error) {
      await world.close();
      throw error;
    }
    return { url: world.served.url, close: () => world.close() };
  };
}

/** The detection screen once the check is done (what is found differs by world). */
const detectScreen: Screen = {
  name: 'detect',
  reach: async (page, t) => {
    await expect(page.getByTestId('os-token')).toHaveText('DEBIAN12-64');
    await expect(page.getByRole('status').filter({ hasText: t('detect.done') })).toBeVisible({ timeout: 30_000 });
  },
};

/** The installer step, opened by the button `openKey` names, with the installer found and its checksum verified. */
function installerStep(openKey: string): Screen {
  return {
    name: 'installer',
    reach: (page, t) => findInstaller(page, { ...byKeyboardIn(t), open: t(openKey) }),
  };
}

/** Detection → installer found → server checked, shared by the install and anti-virus flows. */
const toServerStep: Screen[] = [
  detectScreen,
  installerStep('common.continue'),
  {
    name: 'server',
    reach: async (page, t) => {
      await checkConnection(page, PASSPHRASE, byKeyboardIn(t));
      await expect(page.getByText(t('server.conn.canRegister'))).toBeVisible({ timeout: 15_000 });
    },
  },
];

const FLOWS: Flow[] = [
  {
    name: 'install',
    // The installer pauses 1.5 s before each step, so the progress screen is still there while axe scans it in both
    // themes (at 300 ms the summary replaced it mid-scan and axe saw the page between two screens).
    start: installWorld(() => undefined, { behavior: { slowMs: 1500 } }),
    screens: [
      ...toServerStep,
      {
        name: 'review',
        reach: (page, t) => continueToReview(page, byKeyboardIn(t)),
      },
      {
        name: 'progress',
        reach: async (page, t) => {
          await pressButton(page, t('review.install'));
          await heading(page, t('install.heading'));
          await expect(page.getByRole('progressbar', { name: t('install.progress') })).toBeVisible();
          await expect(page.getByTestId('log-pane')).toContainText(/./, { timeout: 15_000 });
        },
      },
      {
        name: 'summary',
        reach: async (page, t) => {
          await heading(page, t('summary.heading.installed'));
        },
      },
      {
        name: 'log-dialog',
        reach: async (page, t) => {
          // The vendor's log, under the sandbox root.
          const named = t('summary.viewLogNamed', { file: '\u0000' }).split('\u0000');
          const name = new RegExp(`^${escapeRegExp(named[0]!)}.*/var/log/ua_install\\.log${escapeRegExp(named[1]!)}$`);
          await pressButton(page, page.getByRole('button', { name }));
          await expect(page.getByRole('dialog')).toContainText(/./);
        },
      },
    ],
  },
  {
    name: 'antivirus',
    start: installWorld(({ sandbox: { root } }) => {
      const sandbox = sandboxAt(root);
      mkdirSync(sandbox.at('/opt/CrowdStrike'), { recursive: true });
      addClamav(sandbox);
    }),
    screens: [
      ...toServerStep,
      {
        name: 'step',
        reach: async (page, t) => {
          await pressButton(page, t('common.continue'));
          await heading(page, t('antivirus.heading'));
          await expect(page.getByTestId('av-scanner-clamav')).toContainText(t('antivirus.status.notExcluded'));
          await expectConsoleScannerInPageLanguage(page);
        },
      },
      {
        name: 'fixed',
        reach: async (page, t) => {
          await pressButton(page, t('antivirus.fixLabel', { product: 'ClamAV' }));
          await expect(page.getByTestId('av-scanner-clamav')).toContainText(t('antivirus.fixOutcome.fixed'), {
            timeout: 15_000,
          });
        },
      },
      {
        name: 'review',
        reach: async (page, t) => {
          await pressButton(page, t('antivirus.continueWithWarning'));
          await heading(page, t('review.heading'));
        },
      },
    ],
  },
  {
    name: 'upgrade',
    // 9.62 installed by the command line; the world's installer is 9.65.
    start: installWorld((world) => installWithCli(world, '9.62.0.0')),
    screens: [
      {
        name: 'detect',
        reach: async (page, t) => {
          await detectScreen.reach(page, t);
          await expect(page.getByText('9.62.0.0').first()).toBeVisible();
        },
      },
      // The installer and server steps look as in the install flow: checked here, shown in the README once.
      installerStep('detect.upgrade'),
      toServerStep[2]!,
      {
        name: 'review',
        reach: async (page, t) => {
          await continueToReview(page, byKeyboardIn(t));
          await expect(page.getByText(t('review.upgradeReminder'))).toBeVisible();
        },
      },
      {
        name: 'summary',
        reach: async (page, t) => {
          await pressButton(page, t('review.install'));
          await heading(page, t('summary.heading.installed'));
        },
      },
    ],
  },
  {
    name: 'uninstall',
    // The uninstaller pauses 8 s so the progress screen stays put while axe scans it in both themes.
    start: installWorld(() => undefined, { installedUnregistered: true, behavior: { slowMs: 8000 } }),
    screens: [
      detectScreen,
      {
        name: 'confirm',
        reach: async (page, t) => {
          await pressButton(page, t('detect.uninstall'));
          await heading(page, t('uninstall.heading'));
          await expect(page.getByRole('button', { name: t('uninstall.start'), exact: true })).toBeDisabled();
        },
      },
      {
        name: 'progress',
        reach: async (page, t) => {
          await tabTo(page, page.getByLabel(t('uninstall.confirm')));
          await page.keyboard.press('Space');
          await pressButton(page, t('uninstall.start'));
          await heading(page, t('install.headingUninstall'));
          await expect(page.getByRole('progressbar', { name: t('install.progressUninstall') })).toBeVisible();
          await expect(page.getByTestId('log-pane')).toContainText(/./, { timeout: 15_000 });
        },
      },
      {
        name: 'summary',
        reach: async (page, t) => {
          await heading(page, t('summary.heading.uninstalled'));
          await expect(page.getByText(t('summary.exitCode', { code: 0 }), { exact: true })).toBeVisible();
        },
      },
    ],
  },
  {
    name: 'troubleshoot',
    start: async () => {
      const root = await makeBrokenInstallRoot('127.0.0.1:1');
      const served = await startServe(['--cs-endpoint', '127.0.0.1:1'], { root });
      return {
        url: served.url,
        close: async () => {
          await served.stop();
          await rm(root, { recursive: true, force: true });
        },
      };
    },
    screens: [
      {
        name: 'page',
        reach: async (page, t) => {
          await expect(page.getByTestId('os-token')).toHaveText('UBUNTU-22.04-64');
          await pressButton(page, t('detect.troubleshoot'));
          await heading(page, t('troubleshoot.heading'));
          await expect(page.getByRole('status').filter({ hasText: t('troubleshoot.done') })).toBeVisible({
            timeout: 30_000,
          });
        },
      },
      {
        name: 'log-viewer',
        reach: async (page, t) => {
          await pressButton(
            page,
            page.getByRole('button', { name: t('troubleshoot.viewNamed', { file: '/var/log/ua_install.log' }) }),
          );
          const dialog = page.getByRole('dialog');
          await pressButton(page, dialog.getByRole('button', { name: t('logViewer.errors') }));
          await expect(dialog.getByTestId('log-hit').first()).toBeVisible();
        },
      },
      {
        name: 'bundle',
        reach: async (page, t) => {
          await page.keyboard.press('Escape');
          await expect(page.getByRole('dialog')).toHaveCount(0);
          await pressButton(page, t('troubleshoot.prepare'));
          await expect(page.getByTestId('bundle-entries')).toContainText('health.json', { timeout: 30_000 });
        },
      },
    ],
  },
];

/** The switcher by keyboard: Tab to it, then the arrow keys (Korean is the second language listed). */
async function chooseLanguage(page: Page, language: Language): Promise<void> {
  await tabTo(page, page.getByTestId('language-switcher'));
  await page.keyboard.press(language === 'ko' ? 'ArrowDown' : 'ArrowUp');
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

async function checkScreen(
  page: Page,
  testInfo: TestInfo,
  language: Language,
  name: string,
  inReadme: boolean,
): Promise<void> {
  await expectNoA11yViolationsInBothThemes(page);
  await expectNoClippedText(page);
  const file = path.join(testInfo.outputDir, `${name}-${language}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(`${name}-${language}`, { path: file, contentType: 'image/png' });
  if (inReadme && process.env.UPDATE_SCREENSHOTS === '1') {
    await mkdir(path.join(SCREENSHOTS, language), { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, language, `${name}.png`), fullPage: true });
  }
}

for (const language of ['en', 'ko'] as const) {
  for (const flow of FLOWS) {
    test(`${flow.name}: by keyboard alone in ${language}, axe clean in light and dark, no clipped text`, async ({
      page,
    }, testInfo) => {
      test.setTimeout(420_000);
      // The wizard's own catalogs name what to press and what to expect (Playwright's loader has no dynamic import,
      // so the Korean and later steps' catalogs are added here as loadLanguage and loadLaterStepCatalogs add them
      // in the page).
      const i18n = createI18n(language);
      const bundles = [
        ['en', enLaterStepsUi],
        ['en', enTroubleshootUi],
        ['ko', koUi],
        ['ko', koLaterStepsUi],
        ['ko', koTroubleshootUi],
      ] as const;
      for (const [lng, bundle] of bundles) i18n.addResourceBundle(lng, 'ui', bundle, true, false);
      i18n.addResourceBundle('ko', 'codes', koCodes, true, false);
      i18n.addResourceBundle('ko', 'hints', koHints, true, false);
      await i18n.changeLanguage(language);
      const running = await flow.start();
      try {
        await page.setViewportSize(NARROW);
        await page.goto(running.url);
        await chooseLanguage(page, language);
        for (const screen of flow.screens) {
          await screen.reach(page, i18n.t);
          // The screens every flow walks through on its way are the README's once, from the install flow.
          const inReadme = flow.name === 'install' || !(toServerStep.includes(screen) || screen.name === 'installer');
          await checkScreen(page, testInfo, language, `${flow.name}-${screen.name}`, inReadme);
        }
      } finally {
        await running.close();
      }
    });
  }
}
