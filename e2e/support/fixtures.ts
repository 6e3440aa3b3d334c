import { test as base, expect } from '@playwright/test';
import { expectAccessible } from './axe';

/**
 * The `test` every journey imports. Fixtures:
 * - `expectAccessible()`: an axe WCAG 2.x AA scan of the current page.
 */
export const test = base.extend<{ expectAccessible: () => Promise<void> }>({
  expectAccessible: async ({ page }, use) => {
    await use(() => expectAccessible(page));
  },
});

export { expect };
