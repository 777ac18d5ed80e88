import path from 'node:path';
import type { Page, TestInfo } from '@playwright/test';

const README_SCREENSHOTS = path.resolve(__dirname, '..', '..', '..', 'assets', 'screenshots');

/**
 * Keeps a full-page screenshot as a test artifact. With `readme`, UPDATE_SCREENSHOTS=1 also refreshes the README's
 * copy in assets/screenshots/ (the viewport, or the full page where the screen is taller than the viewport).
 */
export async function keepScreenshot(
  page: Page,
  testInfo: TestInfo,
  name: string,
  readme: boolean | 'full-page' = false,
): Promise<void> {
  const file = path.join(testInfo.outputDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
  if (readme !== false && process.env.UPDATE_SCREENSHOTS === '1') {
    await page.screenshot({ path: path.join(README_SCREENSHOTS, `${name}.png`), fullPage: readme === 'full-page' });
  }
}
