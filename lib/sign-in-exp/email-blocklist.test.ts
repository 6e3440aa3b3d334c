import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { assertEmailAllowed, emailBlocklistPolicySchema, invalidBlocklistEntries } from './email-blocklist';

async function refusal(policy: Parameters<typeof assertEmailAllowed>[0], email: string): Promise<string | undefined> {
  try {
    await assertEmailAllowed(policy, email);
    return undefined;
  } catch (error) {
    if (error instanceof AppError) return `${error.status} ${error.code}`;
    throw error;
  }
}

const NOT_ALLOWED = '422 session.email_blocklist.email_not_allowed';

describe('assertEmailAllowed', () => {
  it('lets everything through when nothing is blocked', async () => {
    expect(await refusal({}, 'ada+shop@mailinator.com')).toBeUndefined();
  });

  it('refuses a subaddress only when asked to', async () => {
    expect(await refusal({ blockSubaddressing: true }, 'ada+shop@example.com')).toBe('422 session.email_blocklist.email_subaddressing_not_allowed');
    expect(await refusal({ blockSubaddressing: true }, 'ada@example.com')).toBeUndefined();
  });

  it('refuses a listed address or domain, in any case; a listed domain does not cover another domain', async () => {
    const policy = emailBlocklistPolicySchema.parse({ customBlocklist: ['Spam@Example.com', '@blocked.test', '@blocked.test'] });
    expect(policy.customBlocklist).toEqual(['spam@example.com', '@blocked.test']);
    expect(await refusal(policy, 'SPAM@example.com')).toBe(NOT_ALLOWED);
    expect(await refusal(policy, 'anyone@Blocked.test')).toBe(NOT_ALLOWED);
    expect(await refusal(policy, 'other@example.com')).toBeUndefined();
    expect(await refusal(policy, 'anyone@notblocked.test')).toBeUndefined();
  });

  it('with an allowlist, refuses every address it does not name; the blocklist still wins', async () => {
    const policy = emailBlocklistPolicySchema.parse({ customAllowlist: ['@Company.example', 'contractor@gmail.com'], customBlocklist: ['intern@company.example'] });
    expect(await refusal(policy, 'ada@company.example')).toBeUndefined();
    expect(await refusal(policy, 'Contractor@gmail.com')).toBeUndefined();
    expect(await refusal(policy, 'someone@gmail.com')).toBe(NOT_ALLOWED);
    expect(await refusal(policy, 'intern@company.example')).toBe(NOT_ALLOWED);
    expect(await refusal({ customAllowlist: [] }, 'someone@gmail.com')).toBeUndefined();
  });

  it('refuses throwaway inboxes, their subdomains included, from the shipped list', async () => {
    expect(await refusal({ blockDisposableAddresses: true }, 'x@mailinator.com')).toBe(NOT_ALLOWED);
    expect(await refusal({ blockDisposableAddresses: true }, 'x@eu.mailinator.com')).toBe(NOT_ALLOWED);
    expect(await refusal({ blockDisposableAddresses: true }, 'x@gmail.com')).toBeUndefined();
    expect(await refusal({}, 'x@mailinator.com')).toBeUndefined();
  });
});

describe('invalidBlocklistEntries', () => {
  it('names entries that are neither an address nor @domain', () => {
    expect(invalidBlocklistEntries({ customBlocklist: ['@example.com', 'a@example.com', 'example.com', '@localhost'], customAllowlist: ['a b@example.com', 'a@b@example.com', '@*.example.com', '@ok.example'] })).toEqual([
      'example.com',
      '@localhost',
      'a b@example.com',
      'a@b@example.com',
      '@*.example.com',
    ]);
  });
});
