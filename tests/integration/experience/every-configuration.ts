import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmsWebhookReceiver, type SmsWebhookReceiver } from '../../support/messages/sms-receivers';
import { startSmtpCatcher, type SmtpCatcher } from '../../support/messages/smtp-catcher';
import type { CreatedApplication } from '../../support/oidc/management';
import { rpUrl, startOidcApp, type OidcTestApp } from '../../support/oidc/oidc-app';
import { relyingParty, type client } from '../../support/oidc/relying-party';
import type { SignInExperience } from '@/lib/sign-in-exp/schema';
import { candidateConfigurations } from './configurations';
import {
  newEmail,
  newPassword,
  newPhone,
  newUsername,
  firstPage,
  PageProblem,
  registerThroughPages,
  resetThroughPages,
  signInThroughPages,
  type Language,
  type FlowWorld,
} from './through-the-pages';
import { registerThroughApi, signInWithCode, signInWithPassword, Visit } from './through-the-api';

/**
 * Every sign-up and sign-in combination an operator can save, end to end on a production
 * server: the Management API stores the configuration (or refuses it), then a relying party
 * (openid-client) sends people to Sesame, who register and sign in through the Experience API
 * and through Sesame's pages (JavaScript off; English and Korean in turn), with codes caught by
 * a real SMTP server and an SMS webhook, until the RP redeems its code.
 */
type Configuration = Pick<SignInExperience, 'signIn' | 'signUp'>;
type Channel = 'email' | 'phone';

/** Of the 1054 candidates, the ones lib/sign-in-exp/validate.ts accepts (the rest break one of Logto's rules). */
const EXPECTED_STORED = 242;
const callbackUri = rpUrl('/callback');
let t: OidcTestApp;
let application: CreatedApplication;
let rp: client.Configuration;
let mail: SmtpCatcher;
let sms: SmsWebhookReceiver;
/** What the API and page flows need of this suite's server. */
let world: FlowWorld;

/** Which of the stored configurations a suite runs the flows for (see everyConfigurationSuite). */
export type Share = { of: number; index: number };

/** The database a suite's server runs on: its server environment, and how to remove it. */
export type SuiteDatabase = { env: Record<string, string>; close(): Promise<void> };

/**
 * Registers the suite in the calling test file (one file per database: each file runs in its own
 * process, so this module's state is the file's). Without `database`, the server uses a fresh
 * embedded PGlite. With `share`, every configuration is still saved and counted, but people go
 * through only every `of`-th stored one, starting at `index`: two drivers of one server split the
 * flows between them and together cover each configuration once.
 */
export function everyConfigurationSuite(databaseName: string, database?: () => Promise<SuiteDatabase>, share: Share = { of: 1, index: 0 }): void {
  let db: SuiteDatabase | undefined;
  beforeAll(async () => {
    db = await database?.();
    t = await startOidcApp(db?.env);
    application = await t.management.createApplication({ type: 'Traditional', redirectUris: [callbackUri] });
    rp = await relyingParty(t.app, application);
    mail = await startSmtpCatcher();
    sms = await startSmsWebhookReceiver();
    world = { rp, callbackUri, mail, sms, baseUrl: t.app.baseUrl };
    await t.management.call('POST', '/api/connectors', { connectorId: 'smtp', config: mail.connectorConfig('sesame@example.com') });
    await t.management.call('POST', '/api/connectors', { connectorId: 'http-sms', config: sms.connectorConfig() });
    // Open to every password a test makes, so each configuration is judged on its methods alone.
    await t.management.call('PATCH', '/api/sign-in-exp', {
      passwordPolicy: { rejects: { pwned: false, repetitionAndSequence: false, userInfo: false, words: [] } },
      // Something to agree to, so each configuration's terms policy shows.
      termsOfUseUrl: 'https://example.com/terms',
      privacyPolicyUrl: 'https://example.com/privacy',
    });
  }, 60_000);

  afterAll(async () => {
    await Promise.all([t?.app.stop(), mail?.close(), sms?.close()]);
    await db?.close();
  });

  describe(`every sign-in experience configuration, on ${databaseName}`, () => {
    const which = share.of === 1 ? 'each stored one' : `every ${share.of === 2 ? 'other' : `${share.of}th`} stored one`;
    it(`is stored or refused by the Management API, and with ${which} people register, sign in and reset passwords, through the API and the pages`, () => everyConfiguration(share), 900_000);
  });
}

/**
 * The rest of the configuration, in turn across the stored configurations (the k-th gets
 * `settingsFor(k)`): every sign-in mode, terms policy and set of reset channels meets many
 * sign-up and sign-in combinations, and every mode meets every set of reset channels.
 */
type Settings = Pick<SignInExperience, 'signInMode' | 'agreeToTermsPolicy' | 'forgotPasswordMethods'>;
const signInModes = ['SignInAndRegister', 'SignIn', 'SignInAndRegister', 'Register'] as const;
const termsPolicies = ['ManualRegistrationOnly', 'Automatic', 'Manual'] as const;
const resetChannels: Settings['forgotPasswordMethods'][] = [['EmailVerificationCode'], ['PhoneVerificationCode'], ['EmailVerificationCode', 'PhoneVerificationCode'], []];
const settingsFor = (k: number): Settings => ({
  signInMode: signInModes[k % signInModes.length]!,
  agreeToTermsPolicy: termsPolicies[k % termsPolicies.length]!,
  forgotPasswordMethods: resetChannels[Math.floor(k / signInModes.length) % resetChannels.length]!,
});

/** PATCH /api/sign-in-exp: true when stored, false when refused with one of Logto's validation codes. */
async function save(configuration: Configuration, settings: Settings): Promise<boolean> {
  const { status, body } = await t.management.request<{ code?: string }>('PATCH', '/api/sign-in-exp', { ...settings, ...configuration });
  if (status === 200) return true;
  expect(status, JSON.stringify(body)).toBe(400);
  expect(body.code).toMatch(/^sign_in_experiences\./);
  return false;
}

const describeConfiguration = ({ signUp, signIn }: Configuration, settings: Settings) =>
  `${settings.signInMode}; sign up with ${signUp.identifiers.join('/') || 'nothing'}${signUp.password ? '+password' : ''}${signUp.verify ? '' : ' unverified'}` +
  `${signUp.secondaryIdentifiers.length ? ` (also ${signUp.secondaryIdentifiers.map((item) => item.identifier).join(', ')})` : ''}; sign in with ` +
  signIn.methods.map((m) => `${m.identifier}:${[m.password && 'password', m.verificationCode && 'code'].filter(Boolean).join('+')}`).join(', ') +
  `; terms ${settings.agreeToTermsPolicy}; reset by ${settings.forgotPasswordMethods.join('+') || 'nothing'}`;

/** Registration with one of the sign-up identifiers (each in turn across configurations), then a sign-in with the password if it set one. */
async function checkRegistration(signUp: Configuration['signUp'], index: number, signInOpen: boolean): Promise<void> {
  if (signUp.identifiers.length === 0) return;
  const type = signUp.identifiers[index % signUp.identifiers.length]!;
  const { person, sub } = await registerThroughApi(world, type);
  if (signUp.password && signInOpen) expect(await signInWithPassword(world, { type, value: person[type]! }, person.password!), `${type} + password after registering`).toBe(sub);
}

/** A new account with every identifier and a password, made through the Management API. */
async function personWithEverything() {
  const person = { username: newUsername(), email: newEmail(), phone: newPhone(), password: newPassword() };
  const { id } = await t.management.call<{ id: string }>('POST', '/api/users', {
    username: person.username,
    primaryEmail: person.email,
    primaryPhone: person.phone,
    password: person.password,
  });
  return { id, person };
}

/** Someone with every identifier and a password: each enabled method signs them in, each other one is refused. */
async function checkSignIn(methods: Configuration['signIn']['methods']): Promise<void> {
  const { id, person } = await personWithEverything();
  const refused = 'user.sign_in_method_not_enabled';
  const checks = (['username', 'email', 'phone'] as const).flatMap((type) => {
    const method = methods.find((candidate) => candidate.identifier === type);
    const identifier = { type, value: person[type] };
    const password = async () => expect(await signInWithPassword(world, identifier, person.password), `${type} + password`).toBe(method?.password ? id : refused);
    if (type === 'username') return [password()];
    const code = async () => expect(await signInWithCode(world, { type, value: person[type] }), `${type} + code`).toBe(method?.verificationCode ? id : refused);
    return [password(), code()];
  });
  await Promise.all(checks);
}

/** A mode that closes `event` refuses it at the start (Logto's `auth.forbidden`). */
async function checkClosed(event: 'SignIn' | 'Register'): Promise<void> {
  const visit = await Visit.start(world);
  const refused = await visit.call('PUT', '', { interactionEvent: event });
  expect([refused.status, refused.body.code], `${event} is closed`).toEqual([403, 'auth.forbidden']);
}

/**
 * Password reset through the configured channel (each in turn), for someone else with every
 * identifier, through the API or (every other pair of configurations) the pages: afterwards the new password signs in wherever a password does, and the old one not.
 * With no reset channel, the ForgotPassword event is refused.
 */
async function checkPasswordReset(settings: Settings, methods: Configuration['signIn']['methods'], k: number, language: Language): Promise<void> {
  const visit = await Visit.start(world);
  const methodsOn = settings.forgotPasswordMethods;
  if (methodsOn.length === 0) {
    const refused = await visit.call('PUT', '', { interactionEvent: 'ForgotPassword' });
    expect([refused.status, refused.body.code], 'reset is off').toEqual([422, 'session.forgot_password_not_enabled']);
    return;
  }
  const { id, person } = await personWithEverything();
  const channel: Channel = methodsOn[k % methodsOn.length] === 'EmailVerificationCode' ? 'email' : 'phone';
  let password: string;
  if (Math.floor(k / 2) % 2 === 0) {
    await visit.expect(204, 'PUT', '', { interactionEvent: 'ForgotPassword' });
    const verificationId = await visit.verifyByCode(channel, person[channel], 'ForgotPassword');
    await visit.expect(204, 'POST', '/identification', { verificationId });
    password = newPassword();
    await visit.expect(204, 'PUT', '/profile/password', { password });
    await visit.expect(204, 'POST', '/submit');
  } else {
    password = await resetThroughPages(world, person, channel, language);
  }
  const withPassword = methods.find((method) => method.password);
  if (settings.signInMode === 'Register' || !withPassword) return;
  const identifier = { type: withPassword.identifier, value: person[withPassword.identifier] };
  expect(await signInWithPassword(world, identifier, password), `${channel} reset, then ${identifier.type} + the new password`).toBe(id);
  expect(await signInWithPassword(world, identifier, person.password), `${channel} reset, then ${identifier.type} + the old password`).toBe('session.invalid_credentials');
}

/**
 * The same through the pages, in `language`: a registration with another sign-up identifier than
 * the API's (and a password sign-in with it when the sign-up set one), and someone else with every
 * identifier signing in by each enabled method, refused for an identifier that is not one (codes
 * go to their own inbox and phone: each recipient gets one code a minute). The terms checkbox
 * shows where the policy asks for it. A closed registration or sign-in is nowhere offered.
 */
async function checkThroughThePages(configuration: Configuration, settings: Settings, index: number, language: Language): Promise<void> {
  const { signUp, signIn } = configuration;
  const signInOpen = settings.signInMode !== 'Register';
  const registrationOpen = settings.signInMode !== 'SignIn';
  const termsAtSignIn = settings.agreeToTermsPolicy === 'Manual';
  const termsAtRegistration = settings.agreeToTermsPolicy !== 'Automatic';

  const registration = async () => {
    if (!registrationOpen) {
      // Asked for, the registration screen gives way to sign-in, which offers no way to it.
      const { path, page } = await firstPage(world, language, { first_screen: 'register' });
      expect(path, 'pages: registration is closed').toMatch(/\/sign-in$/);
      expect(page.links.filter((href) => /\/register$/.test(href)), 'pages: a link to registration').toEqual([]);
      return;
    }
    if (signUp.identifiers.length === 0) return;
    const type = signUp.identifiers[(index + 1) % signUp.identifiers.length]!;
    const { person, sub, termsAsked } = await registerThroughPages(world, type, language);
    expect(termsAsked, `pages: terms at registration (${settings.agreeToTermsPolicy})`).toBe(termsAtRegistration);
    if (signUp.password && signInOpen) {
      expect((await signInThroughPages(world, person, type, 'password', language)).sub, `pages: ${type} + password after registering`).toBe(sub);
    }
  };
  if (!signInOpen) {
    const { path } = await firstPage(world, language);
    expect(path, 'pages: only registration is open').toMatch(/\/register$/);
    await registration();
    return;
  }
  const { id, person } = await personWithEverything();
  const signIns = signIn.methods.flatMap((method) =>
    (['password', 'code'] as const)
      .filter((by) => (by === 'password' ? method.password : method.verificationCode))
      .map(async (by) => {
        const { sub, termsAsked } = await signInThroughPages(world, person, method.identifier, by, language);
        expect(sub, `pages: ${method.identifier} + ${by}`).toBe(id);
        expect(termsAsked, `pages: terms at sign-in (${settings.agreeToTermsPolicy})`).toBe(termsAtSignIn);
      }),
  );
  // An identifier that signs in no way gets a problem on the page, not a sign-in: the field refuses an
  // email or a phone number it does not take; a username field reads digits as a username that cannot exist.
  const refusals = (['username', 'email', 'phone'] as const)
    .filter((type) => !signIn.methods.some((method) => method.identifier === type))
    .map(async (type) => {
      const refused: unknown = await signInThroughPages(world, person, type, 'password', language).catch((error: unknown) => error);
      expect(refused, `pages: ${type} is not a sign-in method`).toBeInstanceOf(PageProblem);
    });
  await Promise.all([registration(), ...signIns, ...refusals]);
}

/** Each candidate saved (or refused), and with each stored one every check at once. */
async function everyConfiguration(share: Share): Promise<void> {
  const candidates = candidateConfigurations();
  let stored = 0;
  for (const [index, configuration] of candidates.entries()) {
    const settings = settingsFor(stored);
    if (!(await save(configuration, settings))) continue;
    const language: Language = stored % 2 === 0 ? 'en' : 'ko';
    stored++;
    if ((stored - 1) % share.of !== share.index) continue;
    const { signUp, signIn } = configuration;
    const signInOpen = settings.signInMode !== 'Register';
    try {
      // Independent people, so they go at once: a registration, each sign-in method, a reset, and the same through the pages.
      await Promise.all([
        settings.signInMode === 'SignIn' ? checkClosed('Register') : checkRegistration(signUp, index, signInOpen),
        signInOpen ? checkSignIn(signIn.methods) : checkClosed('SignIn'),
        checkPasswordReset(settings, signIn.methods, stored, language),
        checkThroughThePages(configuration, settings, index, language),
      ]);
    } catch (error) {
      throw new Error(`With "${describeConfiguration(configuration, settings)}" (${language}): ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }
  // The validation rules decide this count; a change to them shows up here.
  expect(stored).toBe(EXPECTED_STORED);
}
