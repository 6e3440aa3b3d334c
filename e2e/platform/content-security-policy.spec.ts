import { expect, test } from '../support/fixtures';

/**
 * The App Router pages (landing, consent, sign-out, error) answer with a nonce-based
 * Content-Security-Policy, and still run everything they need: Next's inline scripts carry the
 * nonce, and the scripts they load are trusted through it. An injected script would carry none.
 */
for (const path of ['/', '/ko', '/error?code=oidc.invalid_client', '/sign-out']) {
  test(`${path} runs its scripts under a nonce policy, and nothing is blocked`, async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const response = await page.goto(path);
    const policy = (await response!.allHeaders())['content-security-policy'] ?? '';
    const nonce = policy.match(/'nonce-([^']+)'/)?.[1];
    expect(nonce, policy).toBeTruthy();
    expect(policy).toContain("'strict-dynamic'");
    expect(policy).toContain("frame-ancestors 'none'");
    // The inline scripts ran (they fill self.__next_f) and so did the loaded ones (they set window.next).
    await expect.poll(() => page.evaluate(() => Array.isArray((self as unknown as { __next_f?: unknown }).__next_f) && 'next' in window)).toBe(true);
    // A second load gets a new nonce.
    const again = (await (await page.request.get(path)).headersArray()).find((header) => header.name.toLowerCase() === 'content-security-policy')?.value ?? '';
    expect(again).not.toContain(nonce!);
    expect(violations).toEqual([]);
  });
}
