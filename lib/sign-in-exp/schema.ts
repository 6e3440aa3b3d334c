import { z } from 'zod';
import { emailBlocklistPolicySchema } from './email-blocklist';

/**
 * The sign-in experience configuration in Logto's shape (reference §4.6): what
 * `GET /api/sign-in-exp` returns and the engine and pages obey. Cross-field rules
 * (Logto's `sign_in_experiences.*` codes) live in validate.ts; this file is the shape
 * and the defaults of a fresh install: sign in and register with email or username and password.
 */
export const signInIdentifiers = ['username', 'email', 'phone'] as const;
export type SignInIdentifier = (typeof signInIdentifiers)[number];

export const signInModes = ['SignIn', 'Register', 'SignInAndRegister'] as const;
export const agreeToTermsPolicies = ['Automatic', 'ManualRegistrationOnly', 'Manual'] as const;
export const forgotPasswordMethods = ['EmailVerificationCode', 'PhoneVerificationCode'] as const;

function unique(values: readonly string[]): boolean {
  return new Set(values).size === values.length;
}

export const signInMethodSchema = z
  .object({
    identifier: z.enum(signInIdentifiers),
    password: z.boolean(),
    verificationCode: z.boolean(),
    isPasswordPrimary: z.boolean(),
  })
  // Codes go to an inbox or a phone; a username has neither.
  .refine((method) => method.identifier !== 'username' || !method.verificationCode, {
    message: 'a username cannot sign in with a verification code',
    path: ['verificationCode'],
  });
export type SignInMethod = z.infer<typeof signInMethodSchema>;

/** As Logto's guard, a missing part of the policy reads as its default (`{ length: { min: 10 } }` is a whole policy). */
export const passwordPolicySchema = z
  .object({
    length: z
      .object({ min: z.number().int().min(1).max(256).default(8), max: z.number().int().min(1).max(256).default(256) })
      .prefault({}),
    characterTypes: z.object({ min: z.number().int().min(1).max(4).default(1) }).prefault({}),
    rejects: z
      .object({
        /** Logto checks Have I Been Pwned; Sesame checks a list shipped with the app (no outbound call per sign-up). */
        pwned: z.boolean().default(true),
        repetitionAndSequence: z.boolean().default(true),
        userInfo: z.boolean().default(true),
        words: z.array(z.string().min(1).max(256)).max(1000).default([]),
      })
      .prefault({}),
  })
  .refine((policy) => policy.length.min <= policy.length.max, { message: 'length.min must not exceed length.max', path: ['length'] });
export type PasswordPolicy = z.infer<typeof passwordPolicySchema>;

export const hexColor = z.string().regex(/^#[\da-fA-F]{6}$/, 'must be a #rrggbb color');
export const httpUrl = z.url({ protocol: /^https?$/ });

export const signInExperienceSchema = z.object({
  id: z.literal('default'),
  signInMode: z.enum(signInModes),
  signIn: z.object({
    methods: z
      .array(signInMethodSchema)
      .max(3)
      .refine((methods) => unique(methods.map((method) => method.identifier)), 'each identifier may appear in one sign-in method only'),
  }),
  signUp: z.object({
    identifiers: z.array(z.enum(signInIdentifiers)).max(3),
    password: z.boolean(),
    verify: z.boolean(),
    /** More identifiers every new account must also have (Logto 1.3x `secondaryIdentifiers`). */
    secondaryIdentifiers: z
      .array(z.object({ identifier: z.enum([...signInIdentifiers, 'emailOrPhone']), verify: z.boolean().optional() }))
      .max(3)
      .default([]),
  }),
  passwordPolicy: passwordPolicySchema,
  forgotPasswordMethods: z.array(z.enum(forgotPasswordMethods)).max(2).refine(unique, 'each method may appear once'),
  termsOfUseUrl: httpUrl.nullable(),
  privacyPolicyUrl: httpUrl.nullable(),
  agreeToTermsPolicy: z.enum(agreeToTermsPolicies),
  verificationCodePolicy: z.object({
    /** Seconds a code stays valid (Logto: `expirationDuration`), at most 10 minutes. */
    expirationDuration: z.number().int().min(60).max(600),
    maxRetryAttempts: z.number().int().min(1).max(10),
  }),
  color: z.object({ primaryColor: hexColor, isDarkModeEnabled: z.boolean(), darkPrimaryColor: hexColor }),
  branding: z.object({
    logoUrl: httpUrl.nullable(),
    darkLogoUrl: httpUrl.nullable(),
    /** The browser tab's icon on every page, and its dark-mode variant (absent in a payload: none). */
    favicon: httpUrl.nullable().default(null),
    darkFavicon: httpUrl.nullable().default(null),
  }),
  languageInfo: z.object({ autoDetect: z.boolean(), fallbackLanguage: z.string().min(2).max(16) }),
  /** Where a person who opens a sign-in page with no sign-in under way is sent (a bookmark, an expired tab); null shows "expired". */
  unknownSessionRedirectUrl: httpUrl.nullable(),
  /** Offered on every page as "Contact support" (mailto) and "Help", when set. */
  supportEmail: z.email().max(254).nullable(),
  supportWebsiteUrl: httpUrl.nullable(),
  /** Hides "Powered by Sesame" (Logto's name for the setting, so Logto payloads round-trip). */
  hideLogtoBranding: z.boolean(),
  /**
   * The operator's stylesheet for every sign-in page (the `sesame-*` class names are its stable
   * hooks). Inlined in a <style> element, so `<` is refused: it could only close that element.
   */
  customCss: z
    .string()
    .max(65_536)
    .refine((css) => !css.includes('<'), "may not contain '<' (write child selectors with '>' and escape other '<' as \\3C)")
    .nullable()
    .default(null),
  /**
   * Identifier lockout (Logto's sentinel policy): `maxAttempts` wrong passwords for one
   * identifier within an hour lock it for `lockoutDuration` minutes. A missing field reads as
   * Sesame's default (5 and 10: stricter than Logto's 100 and 60).
   */
  sentinelPolicy: z
    .object({ maxAttempts: z.number().int().min(1).max(1000).optional(), lockoutDuration: z.number().int().min(1).max(1440).optional() })
    .strict()
    .default({}),
  /** Emails that may not register or be added to an account (./email-blocklist.ts); not in the public copy. */
  emailBlocklistPolicy: emailBlocklistPolicySchema.default({}),
  /** Social sign-in and SSO arrive with their connectors; kept so Logto payloads round-trip. */
  socialSignInConnectorTargets: z.array(z.string()),
  singleSignOnEnabled: z.boolean(),
});
export type SignInExperience = z.infer<typeof signInExperienceSchema>;

export const defaultSignInExperience: SignInExperience = {
  id: 'default',
  signInMode: 'SignInAndRegister',
  signIn: {
    methods: [
      { identifier: 'email', password: true, verificationCode: false, isPasswordPrimary: true },
      { identifier: 'username', password: true, verificationCode: false, isPasswordPrimary: true },
    ],
  },
  // Either identifier registers an account; an email must be proven by a code, so nobody claims another's address.
  signUp: { identifiers: ['email', 'username'], password: true, verify: true, secondaryIdentifiers: [] },
  passwordPolicy: {
    length: { min: 8, max: 256 },
    characterTypes: { min: 1 },
    rejects: { pwned: true, repetitionAndSequence: true, userInfo: true, words: [] },
  },
  forgotPasswordMethods: ['EmailVerificationCode'],
  termsOfUseUrl: null,
  privacyPolicyUrl: null,
  agreeToTermsPolicy: 'ManualRegistrationOnly',
  verificationCodePolicy: { expirationDuration: 600, maxRetryAttempts: 5 },
  color: { primaryColor: '#4f46e5', isDarkModeEnabled: true, darkPrimaryColor: '#818cf8' },
  branding: { logoUrl: null, darkLogoUrl: null, favicon: null, darkFavicon: null },
  languageInfo: { autoDetect: true, fallbackLanguage: 'en' },
  unknownSessionRedirectUrl: null,
  supportEmail: null,
  supportWebsiteUrl: null,
  hideLogtoBranding: false,
  customCss: null,
  sentinelPolicy: {},
  emailBlocklistPolicy: {},
  socialSignInConnectorTargets: [],
  singleSignOnEnabled: false,
};
