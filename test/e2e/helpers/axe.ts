import AxeBuilder from '@axe-core/playwright';
import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';

/** No serious or critical accessibility violations on what the page shows now. */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

/**
 * No accessibility violation of any impact (minor included) in the light and in the dark theme: the theme follows
 * the OS (prefers-color-scheme), so both are what someone may see. Leaves the page in the light theme.
 */
export async function expectNoA11yViolationsInBothThemes(page: Page): Promise<void> {
  for (const colorScheme of ['dark', 'light'] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).analyze();
    const found = results.violations.map((v) => {
      const where = v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('; ');
      return `${colorScheme}: ${v.impact ?? ''} ${v.id}: ${v.help} (${where})`;
    });
    expect(found).toEqual([]);
  }
}
