import type { Executor } from '@/db/client';
import type { Interaction } from '@/db/schema';
import { findClient } from '@/lib/oidc/clients';
import { findInteraction } from '@/lib/oidc/interaction';
import { applicationDisplayName, forApplication } from '@/lib/sign-in-exp/application';
import type { SignInExperience } from '@/lib/sign-in-exp/schema';
import { getSignInExperience } from '@/lib/sign-in-exp/store';
import type { Locale } from '@/lib/i18n/routing';
import type { IdentifierType, InteractionIdentifier } from './identifier';

/**
 * What the experience pages show, computed from the interaction's OIDC parameters
 * (`login_hint`, `first_screen`, `identifier`, `one_time_token`) and the sign-in experience
 * configuration. Pure functions below; `findExperienceScreen` loads their inputs.
 * The pages render this model; the engine enforces the same configuration on every step.
 */

export type CodeChannel = 'email' | 'phone';
/** How the agreement to the terms is asked for on a screen (Logto's `agreeToTermsPolicy`). */
export type TermsAgreement = 'none' | 'notice' | 'checkbox';

export type Branding = {
  logoUrl?: string;
  darkLogoUrl?: string;
  primaryColor: string;
  /** Set when the operator allows dark mode; the light colour is used in both otherwise. */
  darkPrimaryColor?: string;
  favicon?: string;
  darkFavicon?: string;
};
export type Legal = { termsUrl?: string; privacyUrl?: string };
/** Where people get help: the operator's support address and website. */
export type Help = { email?: string; url?: string };

export type SignInScreen = {
  /** What the identifier field accepts, in the order the label names them. */
  identifiers: IdentifierType[];
  /** Per identifier type: may a password prove it, may a code, and which comes first. */
  methods: Partial<Record<IdentifierType, { password: boolean; code: boolean; primary: 'password' | 'code' }>>;
  /** One step asks for the identifier, the next for the password or code (DESIGN.md "Identifier-first"). */
  identifierFirst: boolean;
  forgotPassword: boolean;
  terms: TermsAgreement;
};

export type RegisterScreen = {
  identifiers: IdentifierType[];
  password: boolean;
  terms: TermsAgreement;
};

export type ExperienceFrame = {
  branding: Branding;
  legal: Legal;
  help: Help;
  /** False when the operator hides "Powered by Sesame" (`hideLogtoBranding`). */
  poweredBy: boolean;
  /** Where a page with no sign-in under way sends people (`unknownSessionRedirectUrl`). */
  unknownSessionRedirectUrl?: string;
  /** The operator's stylesheet (`customCss`), null when none. */
  customCss: string | null;
};

export type ExperienceScreen = ExperienceFrame & {
  applicationName: string;
  loginHint?: string;
  /** Null when the operator only lets people register. */
  signIn: SignInScreen | null;
  /** Null when registration is closed (`signInMode: SignIn`). */
  register: RegisterScreen | null;
  /** The channels a password can be reset through; empty when reset is off. */
  forgotPassword: CodeChannel[];
  /** The rules a new password is shown against (the server checks more, e.g. common passwords). */
  passwordRules: { minLength: number; minCharacterTypes: number; avoid: PasswordAvoidance[] };
  /** A magic link's invitation (`one_time_token` with the email in `login_hint`). */
  magicLink?: { email: string; token: string };
};

const identifierOrder: readonly IdentifierType[] = ['email', 'phone', 'username'];
const inOrder = (types: Iterable<IdentifierType>) => identifierOrder.filter((type) => [...types].includes(type));

/**
 * The types `identifier=` (space separated, Logto's `identifier` parameter) keeps of
 * `enabled`, for `first_screen=identifier:*`. A list naming nothing enabled is ignored
 * rather than leaving a form that accepts nothing.
 */
export function restrictIdentifiers(enabled: IdentifierType[], params: Record<string, string>, screen: 'sign_in' | 'register'): IdentifierType[] {
  if (params.first_screen !== `identifier:${screen}` || !params.identifier) return enabled;
  const wanted = params.identifier.split(/[\s,]+/);
  const kept = enabled.filter((type) => wanted.includes(type));
  return kept.length > 0 ? kept : enabled;
}

function termsAgreement(config: SignInExperience, flow: 'signIn' | 'register'): TermsAgreement {
  // Logto asks for agreement only when there is something to agree to.
  if (!config.termsOfUseUrl && !config.privacyPolicyUrl) return 'none';
  switch (config.agreeToTermsPolicy) {
    case 'Automatic':
      return 'notice';
    case 'Manual':
      return 'checkbox';
    case 'ManualRegistrationOnly':
      return flow === 'register' ? 'checkbox' : 'notice';
  }
}

export function signInScreenOf(config: SignInExperience, params: Record<string, string>): SignInScreen | null {
  if (config.signInMode === 'Register') return null;
  const methods: SignInScreen['methods'] = {};
  for (const method of config.signIn.methods) {
    // A username cannot receive a code, whatever a hand-edited configuration says.
    const code = method.verificationCode && method.identifier !== 'username';
    if (!method.password && !code) continue;
    const primary = method.password && (!code || method.isPasswordPrimary) ? 'password' : 'code';
    methods[method.identifier] = { password: method.password, code, primary };
  }
  const identifiers = restrictIdentifiers(inOrder(Object.keys(methods) as IdentifierType[]), params, 'sign_in');
  const only = identifiers.length === 1 ? methods[identifiers[0]!] : undefined;
  return {
    identifiers,
    methods,
    // One identifier type with a password and nothing else: identifier and password on one form, as before.
    identifierFirst: !(only && only.password && !only.code),
    forgotPassword: config.forgotPasswordMethods.length > 0 && identifiers.some((type) => methods[type]?.password),
    terms: termsAgreement(config, 'signIn'),
  };
}

export function registerScreenOf(config: SignInExperience, params: Record<string, string>): RegisterScreen | null {
  if (config.signInMode === 'SignIn' || config.signUp.identifiers.length === 0) return null;
  return {
    identifiers: restrictIdentifiers(inOrder(config.signUp.identifiers), params, 'register'),
    password: config.signUp.password,
    terms: termsAgreement(config, 'register'),
  };
}

export function forgotPasswordChannels(config: SignInExperience): CodeChannel[] {
  return config.forgotPasswordMethods.map((method) => (method === 'EmailVerificationCode' ? 'email' : 'phone'));
}

export function frameOf(config: SignInExperience): ExperienceFrame {
  return {
    branding: {
      ...(config.branding.logoUrl ? { logoUrl: config.branding.logoUrl } : {}),
      ...(config.branding.darkLogoUrl ? { darkLogoUrl: config.branding.darkLogoUrl } : {}),
      primaryColor: config.color.primaryColor,
      ...(config.color.isDarkModeEnabled ? { darkPrimaryColor: config.color.darkPrimaryColor } : {}),
      ...(config.branding.favicon ? { favicon: config.branding.favicon } : {}),
      ...(config.branding.darkFavicon ? { darkFavicon: config.branding.darkFavicon } : {}),
    },
    legal: {
      ...(config.termsOfUseUrl ? { termsUrl: config.termsOfUseUrl } : {}),
      ...(config.privacyPolicyUrl ? { privacyUrl: config.privacyPolicyUrl } : {}),
    },
    help: {
      ...(config.supportEmail ? { email: config.supportEmail } : {}),
      ...(config.supportWebsiteUrl ? { url: config.supportWebsiteUrl } : {}),
    },
    poweredBy: !config.hideLogtoBranding,
    customCss: config.customCss,
    ...(config.unknownSessionRedirectUrl ? { unknownSessionRedirectUrl: config.unknownSessionRedirectUrl } : {}),
  };
}

export function screenOf(config: SignInExperience, interaction: Pick<Interaction, 'params'>, applicationName: string): ExperienceScreen {
  const params = interaction.params;
  const loginHint = params.login_hint?.trim();
  const token = params.one_time_token?.trim();
  return {
    ...frameOf(config),
    applicationName,
    ...(loginHint ? { loginHint } : {}),
    signIn: signInScreenOf(config, params),
    register: registerScreenOf(config, params),
    forgotPassword: forgotPasswordChannels(config),
    passwordRules: { minLength: config.passwordPolicy.length.min, minCharacterTypes: config.passwordPolicy.characterTypes.min, avoid: avoidedInPasswords(config) },
    ...(token && loginHint?.includes('@') ? { magicLink: { email: loginHint, token } } : {}),
  };
}

/**
 * What an experience page shows about the interaction it serves. Undefined when this
 * browser has no live interaction (the page was opened directly, or it expired): the page
 * says so instead of a form.
 */
export async function findExperienceScreen(db: Executor, interactionCookie: string | undefined): Promise<ExperienceScreen | undefined> {
  const interaction = await findInteraction(db, interactionCookie);
  if (!interaction) return undefined;
  // The OIDC layer's cached client: the same app was just loaded by /oidc/auth.
  const application = await findClient(interaction.applicationId);
  if (!application) return undefined;
  return screenOf(forApplication(await getSignInExperience(db), application.signInExperience), interaction, applicationDisplayName(application));
}

/**
 * Branding and legal links: the operator's for pages shown without an interaction (expired,
 * done), or as `applicationId`'s pages show them (consent) when its app has a look of its own.
 */
export async function findExperienceFrame(db: Executor, applicationId?: string): Promise<ExperienceFrame> {
  const [config, application] = await Promise.all([getSignInExperience(db), applicationId ? findClient(applicationId) : undefined]);
  return frameOf(forApplication(config, application?.signInExperience));
}

// ---------------------------------------------------------------------------------------
// Reading and showing identifiers

const phonePattern = /^\+?[\d\s().-]{6,20}$/;

/**
 * The identifier behind one field that accepts `allowed` types: an `@` means email,
 * digits (with `+`, spaces, dashes, brackets) a phone number, anything else a username.
 * Phone numbers are kept as digits only, country code first, as Logto stores them.
 * Undefined when the text is none of the allowed types.
 */
export function identifierFromText(text: string, allowed: IdentifierType[]): InteractionIdentifier | undefined {
  const value = text.trim();
  if (!value) return undefined;
  if (value.includes('@')) return allowed.includes('email') ? { type: 'email', value } : undefined;
  if (allowed.includes('phone') && phonePattern.test(value) && /\d{6}/.test(value.replace(/\D/g, ''))) {
    return { type: 'phone', value: value.replace(/\D/g, '') };
  }
  // Usernames are not re-validated here: the engine answers for one that cannot exist.
  return allowed.includes('username') ? { type: 'username', value } : undefined;
}

/**
 * The country calling code a number typed the national way (with its trunk prefix 0, as
 * "010-1234-5678") stands for on a page in this language. Stored numbers start with their
 * country code, as Logto stores them (its pages pick the country from a list).
 */
const nationalCallingCodes: Partial<Record<Locale, string>> = { ko: '82' };

/** What the password policy refuses beyond length and character types: only the server can check these, so the pages name them up front. */
export type PasswordAvoidance = 'pwned' | 'repetitionAndSequence' | 'userInfo' | 'words';

function avoidedInPasswords(config: SignInExperience): PasswordAvoidance[] {
  const { rejects } = config.passwordPolicy;
  return [
    ...(rejects.pwned ? (['pwned'] as const) : []),
    ...(rejects.repetitionAndSequence ? (['repetitionAndSequence'] as const) : []),
    ...(rejects.userInfo ? (['userInfo'] as const) : []),
    ...(rejects.words.length > 0 ? (['words'] as const) : []),
  ];
}

export type IdentifierReading =
  | { identifier: InteractionIdentifier }
  | { problem: 'form.identifier_required' | 'form.identifier_invalid' | 'form.phone_country_code' };

/**
 * What a person typed into an identifier field, as the engine takes it, or what is wrong with
 * it. A phone number starting with 0 has no country code: on a page whose language implies
 * one it gets that code (a Korean page reads 010-1234-5678 as 82 10 1234 5678), elsewhere the
 * person is asked to add it, rather than the number being looked up or texted as typed.
 */
export function readIdentifierText(text: string, allowed: IdentifierType[], locale: Locale): IdentifierReading {
  if (!text.trim()) return { problem: 'form.identifier_required' };
  const identifier = identifierFromText(text, allowed);
  if (!identifier) return { problem: 'form.identifier_invalid' };
  if (identifier.type !== 'phone' || !identifier.value.startsWith('0')) return { identifier };
  const callingCode = nationalCallingCodes[locale];
  return callingCode ? { identifier: { type: 'phone', value: `${callingCode}${identifier.value.slice(1)}` } } : { problem: 'form.phone_country_code' };
}

/**
 * Where a code went, without spelling the whole address on screen:
 * `a••@example.com`, `•••••••5678`.
 */
export function maskedAddress({ type, value }: { type: string; value: string }): string {
  if (type === 'email') {
    const at = value.lastIndexOf('@');
    const local = value.slice(0, at);
    const visible = local.length <= 2 ? local.slice(0, 1) : local.slice(0, 2);
    return `${visible}${'•'.repeat(Math.max(1, Math.min(local.length - visible.length, 6)))}${value.slice(at)}`;
  }
  if (type === 'phone') return `${'•'.repeat(Math.max(0, value.length - 4))}${value.slice(-4)}`;
  return value;
}
