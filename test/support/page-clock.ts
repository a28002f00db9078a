/** The page's own clock, moved on, so a lock-out or a challenge ends on screen without waiting for it. */
import type { Page } from '@playwright/test';

export async function movePageClock(page: Page, ms: number): Promise<void> {
  await page.evaluate((offset) => {
    const now = Date.now.bind(Date);
    Date.now = () => now() + offset;
  }, ms);
}
