/**
 * The one walk through the wizard's first steps: detection → installer found (checksum verified) → server step
 * (passphrase typed, connection checked) → Review. Every spec that needs an agent installed or a Review screen
 * walks it here, by mouse (the default) or by keyboard alone (keyboard-a11y.spec.ts passes `byKeyboard` and the
 * words of the language it runs in), so a change to these steps is made once.
 */
import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { PASSPHRASE } from './install-world';
import { pressButton, typeInto } from './keyboard';

/** How the walk works the controls. */
export interface Hands {
  press(page: Page, button: string): Promise<void>;
  type(page: Page, label: string, text: string): Promise<void>;
}

/** Clicks and fills, as a person with a mouse. */
export const byMouse: Hands = {
  press: (page, button) => page.getByRole('button', { name: button, exact: true }).first().click(),
  type: (page, label, text) => page.getByLabel(label, { exact: true }).fill(text),
};

/** Tab, Enter and typing alone (helpers/keyboard.ts): a control Tab cannot reach fails the walk. */
export const byKeyboard: Hands = { press: pressButton, type: typeInto };

/** What the walk presses, types into and waits for, in the language the wizard shows. */
export interface WalkWords {
  continue: string;
  installerHeading: string;
  findInstaller: string;
  checksumVerified: string;
  serverHeading: string;
  passphrase: string;
  checkConnection: string;
  reviewHeading: string;
}

export const ENGLISH_WORDS: WalkWords = {
  continue: 'Continue',
  installerHeading: 'Choose the installer',
  findInstaller: 'Find installer',
  checksumVerified: 'Checksum verified',
  serverHeading: 'Register with a server',
  passphrase: 'Passphrase',
  checkConnection: 'Check connection',
  reviewHeading: 'Review',
};

/** The same words from the wizard's own catalogs (keyboard-a11y.spec.ts walks in English and in Korean). */
export function wordsFrom(t: (key: string) => string): WalkWords {
  return {
    continue: t('common.continue'),
    installerHeading: t('installer.heading'),
    findInstaller: t('installer.find'),
    checksumVerified: t('installer.checksum.match'),
    serverHeading: t('server.heading'),
    passphrase: t('server.passphrase.label'),
    checkConnection: t('server.conn.check'),
    reviewHeading: t('review.heading'),
  };
}

export interface WalkOptions {
  hands?: Hands;
  words?: WalkWords;
}

const heading = (page: Page, name: string) =>
  expect(page.getByRole('heading', { level: 1, name })).toBeVisible({ timeout: 30_000 });

/** Opens the wizard at a roomy size and waits until detection has named the sandbox's OS (Debian 12). */
export async function openWizard(page: Page, url: string): Promise<void> {
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.goto(url);
  await expect(page.getByTestId('os-token')).toHaveText('DEBIAN12-64');
}

/**
 * From detection: presses `open` (Continue by default; "Upgrade / reinstall" for an upgrade), finds the installer
 * in the prefilled folder and waits for its checksum to be verified.
 */
export async function findInstaller(page: Page, options: WalkOptions & { open?: string } = {}): Promise<void> {
  const { hands = byMouse, words = ENGLISH_WORDS } = options;
  await hands.press(page, options.open ?? words.continue);
  await heading(page, words.installerHeading);
  await hands.press(page, words.findInstaller);
  await expect(page.getByText(words.checksumVerified)).toBeVisible({ timeout: 15_000 });
}

/** From the installer step: Continue to the server step (address prefilled), type the passphrase, check. */
export async function checkConnection(page: Page, passphrase: string, options: WalkOptions = {}): Promise<void> {
  const { hands = byMouse, words = ENGLISH_WORDS } = options;
  await hands.press(page, words.continue);
  await heading(page, words.serverHeading);
  await hands.type(page, words.passphrase, passphrase);
  await hands.press(page, words.checkConnection);
}

/** From the server step: Continue to Review (a world with no anti-virus scanner has no anti-virus step between). */
export async function continueToReview(page: Page, options: WalkOptions = {}): Promise<void> {
  const { hands = byMouse, words = ENGLISH_WORDS } = options;
  await hands.press(page, words.continue);
  await heading(page, words.reviewHeading);
}

/** The whole walk, by mouse: open the wizard, find the installer, check the connection, reach Review. */
export async function walkToReview(
  page: Page,
  url: string,
  options: { passphrase?: string; open?: string } = {},
): Promise<void> {
  await openWizard(page, url);
  await findInstaller(page, { open: options.open });
  await checkConnection(page, options.passphrase ?? PASSPHRASE);
  await continueToReview(page);
}
