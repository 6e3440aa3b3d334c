import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
  it('answers every one of many verifications at once, each for its own password', async () => {
    const hash = await hashPassword('right-password');
    // More than the computations allowed at once, so most wait for a slot and get it handed over.
    const attempts = Array.from({ length: 12 }, (_, i) => (i % 3 === 0 ? 'right-password' : `wrong-${i}`));
    const answers = await Promise.all(attempts.map((attempt) => verifyPassword(hash, attempt)));
    expect(answers).toEqual(attempts.map((attempt) => attempt === 'right-password'));
  });

  it('answers false without a hash, after the same work', async () => {
    expect(await Promise.all([verifyPassword(null, 'anything'), verifyPassword(undefined, 'anything')])).toEqual([false, false]);
  });
});
