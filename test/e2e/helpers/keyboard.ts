/**
 * Driving the wizard with the keyboard alone: Tab (or Shift+Tab) until the control is focused, then Enter, Space,
 * arrows or typing. No click, no mouse move, no `.focus()`: a control Tab cannot reach fails the test.
 */
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

const MAX_TABS = 80;

/** Tabs forward until `target` has the focus; fails when it is never reached. Checks the focus is drawn. */
export async function tabTo(page: Page, target: Locator): Promise<void> {
  await expect(target).toBeVisible({ timeout: 30_000 });
  await expect(target).toBeEnabled({ timeout: 30_000 });
  for (let i = 0; i < MAX_TABS; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) {
      await expectVisibleFocus(page);
      return;
    }
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/** A button by its accessible name (or a located control): Tab to it, then Enter. */
export async function pressButton(page: Page, button: string | Locator): Promise<void> {
  const target = typeof button === 'string' ? page.getByRole('button', { name: button, exact: true }).first() : button;
  await tabTo(page, target);
  await page.keyboard.press('Enter');
}

/** A text field by its label: Tab to it, clear it with the keyboard, type. */
export async function typeInto(page: Page, label: string, text: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  await tabTo(page, field);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text);
}

/** The focused element shows where it is: an outline or a box shadow that is not "none" (":focus-visible"). */
export async function expectVisibleFocus(page: Page): Promise<void> {
  const drawn = await page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'nothing focused';
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    const shadow = style.boxShadow !== 'none';
    return outline || shadow ? 'drawn' : `${el.tagName.toLowerCase()}.${el.className}: no focus indicator`;
  });
  expect(drawn).toBe('drawn');
}
