import { describe, expect, it } from 'vitest';
import { defaultSignInExperience } from './schema';
import { withDefaults } from './store';

describe('withDefaults', () => {
  it('completes a stored document with the defaults of fields it lacks', () => {
    expect(withDefaults({ signInMode: 'SignIn' })).toEqual({ ...defaultSignInExperience, signInMode: 'SignIn' });
    expect(withDefaults(undefined)).toEqual(defaultSignInExperience);
  });

  it('never opens registration because a stored document cannot be read', () => {
    const unreadable = withDefaults({ signInMode: 'SignIn', passwordPolicy: 'not an object' });
    expect(unreadable.signInMode).toBe('SignIn');
    expect(withDefaults({ signInMode: 'Nonsense' }).signInMode).toBe('SignIn');
  });
});
