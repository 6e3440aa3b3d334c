import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

// The WCAG levels every page is held to.
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** An axe scan of the page as it is now, limited to our WCAG tags. */
export function axeFor(page: Page): AxeBuilder {
  return new AxeBuilder({ page }).withTags(WCAG_TAGS);
}

/** Fails with the rule ids and offending selectors when axe finds a WCAG violation. */
export async function expectAccessible(page: Page, configure: (builder: AxeBuilder) => AxeBuilder = (builder) => builder): Promise<void> {
  const { violations } = await configure(axeFor(page)).analyze();
  const summary = violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(summary, 'accessibility violations').toEqual([]);
}
