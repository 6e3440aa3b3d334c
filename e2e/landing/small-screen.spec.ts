import { expect, test } from '@playwright/test';

test.use({ viewport: { width: 320, height: 640 } });

for (const path of ['/', '/ko']) {
  test(`${path} fits a 320 px wide screen`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // Nothing wider than the screen: no sideways scrolling.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // Every link stays on screen and is big enough to tap (WCAG 2.5.8: 24 px).
    for (const link of await page.getByRole('link').all()) {
      await link.scrollIntoViewIfNeeded();
      const box = await link.boundingBox();
      expect(box, await link.innerText()).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(320);
      expect(box!.height).toBeGreaterThanOrEqual(24);
    }
  });
}
