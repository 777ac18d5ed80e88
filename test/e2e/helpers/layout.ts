/**
 * Text laid out without clipping: no element's text is cut off by its own box (overflow hidden or clip and
 * content wider or taller than the box), no element with text sticks out of the page sideways, and the page itself
 * does not scroll sideways. Scroll containers (overflow auto/scroll, such as the log) are meant to overflow.
 */
import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';

export async function expectNoClippedText(page: Page): Promise<void> {
  const problems = await page.evaluate(() => {
    const found: string[] = [];
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    const pageWidth = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > pageWidth + 1)
      found.push(`the page scrolls sideways (${document.documentElement.scrollWidth} > ${pageWidth})`);
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const ownText = Array.from(el.childNodes).some(
        (n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '',
      );
      if (!ownText || el.closest('.visually-hidden, [aria-hidden="true"]')) continue;
      // Inside a scroll container (the log pane, the log viewer) wide lines are meant to scroll, not wrap.
      let scrolled = false;
      for (let up = el.parentElement; up && !scrolled; up = up.parentElement) {
        const overflow = getComputedStyle(up).overflowX;
        scrolled = overflow === 'auto' || overflow === 'scroll';
      }
      if (scrolled) continue;
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const clipsX = style.overflowX === 'hidden' || style.overflowX === 'clip';
      const clipsY = style.overflowY === 'hidden' || style.overflowY === 'clip';
      if (clipsX && el.scrollWidth > el.clientWidth + 1) found.push(`${describe(el)} is cut off sideways`);
      if (clipsY && el.scrollHeight > el.clientHeight + 1) found.push(`${describe(el)} is cut off at the bottom`);
      const box = el.getBoundingClientRect();
      if (box.width > 0 && (box.right > pageWidth + 1 || box.left < -1))
        found.push(`${describe(el)} sticks out of the page`);
    }
    return found;
  });
  expect(problems).toEqual([]);
}
