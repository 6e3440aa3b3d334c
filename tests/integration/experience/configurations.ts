import type { SignInExperience } from '@/lib/sign-in-exp/schema';

type SignInMethod = SignInExperience['signIn']['methods'][number];
type SignUp = SignInExperience['signUp'];
type Identifier = SignInMethod['identifier'];

/** Each identifier's sign-in method choices: off, password, code (email and phone), or both. */
function methodChoices(identifier: Identifier): Array<SignInMethod | undefined> {
  const method = (password: boolean, verificationCode: boolean): SignInMethod => ({ identifier, password, verificationCode, isPasswordPrimary: password });
  return identifier === 'username' ? [undefined, method(true, false)] : [undefined, method(true, false), method(false, true), method(true, true)];
}

const signUpIdentifierSets: Identifier[][] = [[], ['username'], ['email'], ['phone'], ['email', 'phone'], ['username', 'email'], ['username', 'phone'], ['username', 'email', 'phone']];

/** Secondary identifiers (every new account must also have them), on a few primaries. */
const secondaryCases: Array<Pick<SignUp, 'identifiers' | 'secondaryIdentifiers'>> = [
  { identifiers: ['username'], secondaryIdentifiers: [{ identifier: 'email', verify: true }] },
  { identifiers: ['username'], secondaryIdentifiers: [{ identifier: 'emailOrPhone', verify: true }] },
  { identifiers: ['email'], secondaryIdentifiers: [{ identifier: 'username' }, { identifier: 'phone', verify: true }] },
];

/**
 * The sign-up and sign-in parts of every sign-in experience an operator could try to save:
 * each set of sign-up identifiers, with and without a password, with and without verification,
 * against every combination of sign-in methods (and a few with secondary identifiers).
 * The Management API decides which are valid; the test runs every one it accepts.
 */
export function candidateConfigurations(): Array<Pick<SignInExperience, 'signIn' | 'signUp'>> {
  const methodSets: SignInMethod[][] = [];
  for (const username of methodChoices('username'))
    for (const email of methodChoices('email'))
      for (const phone of methodChoices('phone')) {
        const methods = [email, phone, username].filter((method): method is SignInMethod => method !== undefined);
        if (methods.length > 0) methodSets.push(methods);
      }
  const signUps: SignUp[] = [];
  for (const identifiers of signUpIdentifierSets) {
    // `verify` only means something for an email or a phone sign-up.
    const verifyChoices = identifiers.some((identifier) => identifier !== 'username') ? [true, false] : [true];
    for (const password of [true, false])
      for (const verify of verifyChoices) signUps.push({ identifiers, password, verify, secondaryIdentifiers: [] });
  }
  for (const { identifiers, secondaryIdentifiers } of secondaryCases)
    for (const password of [true, false]) signUps.push({ identifiers, password, verify: true, secondaryIdentifiers });
  return signUps.flatMap((signUp) => methodSets.map((methods) => ({ signUp, signIn: { methods } })));
}
