import { z } from 'zod';
import { AppError } from '@/lib/errors';

/** `@example.com` (a whole domain) or `someone@example.com` (one address). */
const DOMAIN = /^[^\s@.]+(?:\.[^\s@.]+)+$/;
/** Wildcards (`@*.example.com`) are refused rather than matched as plain text, which would block nothing or everything. */
const isBlocklistEntry = (entry: string) => {
  const at = entry.lastIndexOf('@');
  return at >= 0 && DOMAIN.test(entry.slice(at + 1)) && !/[\s*]/.test(entry) && entry.indexOf('@') === at;
};

const entryList = z
  .array(z.string().trim().toLowerCase().max(320))
  .max(1_000)
  .transform((entries) => [...new Set(entries)])
  .optional();

/**
 * Logto's `emailBlocklistPolicy`: who may not register an email (or add one to an account). People
 * who already have such an address still sign in, and the Management API may create accounts
 * with any address. Entries are stored lowercased and once each.
 */
export const emailBlocklistPolicySchema = z
  .object({
    /** Throwaway-inbox domains, from the list `mailchecker` ships (no outbound call; Logto offers it on its cloud only). */
    blockDisposableAddresses: z.boolean().optional(),
    /** `ada+shop@example.com`: one inbox, endless accounts. */
    blockSubaddressing: z.boolean().optional(),
    customBlocklist: entryList,
    /** When not empty, only these addresses and domains may register (an internal tool's `@company.example`); the blocklist still wins. */
    customAllowlist: entryList,
  })
  .strict();
export type EmailBlocklistPolicy = z.infer<typeof emailBlocklistPolicySchema>;

/** Entries that are neither `@domain` nor an address (Logto: `sign_in_experiences.invalid_custom_email_blocklist_format`). */
export function invalidBlocklistEntries(policy: EmailBlocklistPolicy): string[] {
  return [...(policy.customBlocklist ?? []), ...(policy.customAllowlist ?? [])].filter((entry) => !isBlocklistEntry(entry));
}

/**
 * Refuses an email the policy blocks, with Logto's codes (422): a subaddress
 * (`session.email_blocklist.email_subaddressing_not_allowed`), or an address, domain or
 * throwaway domain it lists, or one its allowlist leaves out (`session.email_blocklist.email_not_allowed`).
 */
export async function assertEmailAllowed(policy: EmailBlocklistPolicy, email: string): Promise<void> {
  const address = email.toLowerCase();
  const at = address.lastIndexOf('@');
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (policy.blockSubaddressing && local.includes('+')) {
    throw new AppError('session.email_blocklist.email_subaddressing_not_allowed', 422, 'Addresses with a +tag cannot be used here: use the address without it.');
  }
  const matches = (entry: string) => entry === address || entry === `@${domain}`;
  const listed = policy.customBlocklist?.some(matches) ?? false;
  const leftOut = policy.customAllowlist !== undefined && policy.customAllowlist.length > 0 && !policy.customAllowlist.some(matches);
  if (listed || leftOut || (policy.blockDisposableAddresses && (await isDisposableDomain(domain)))) {
    throw new AppError('session.email_blocklist.email_not_allowed', 422, `The email address "${email}" cannot be used here: use another one.`, { email });
  }
}

let disposableDomains: Promise<Set<string>> | undefined;

/** The domain or any domain above it (`x.mailinator.com`) is a throwaway inbox. The ~56,000-domain list loads on first use. */
async function isDisposableDomain(domain: string): Promise<boolean> {
  // A CommonJS module: its exports are under `default` (Node's loader sees only `isValid` as a named one).
  disposableDomains ??= import('mailchecker').then((mailchecker) => mailchecker.default.blacklist());
  const listed = await disposableDomains;
  const labels = domain.split('.');
  return labels.some((_, index) => listed.has(labels.slice(index).join('.')));
}
