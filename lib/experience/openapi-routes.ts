import { z } from 'zod';
import { interactionIdentifierSchema } from './identifier';
import { identificationInputSchema } from './identify';
import { interactionEventInputSchema } from './interaction';
import { addProfileInputSchema, resetPasswordInputSchema } from './profile';
import { pendingProfileSchema } from './profile-state';
import { VERIFICATION_NOT_FOUND } from './records';
import { interactionEvents, VerificationType } from './types';
import { newPasswordIdentityInputSchema } from './verifications/new-password-identity';
import { oneTimeTokenInputSchema } from './verifications/one-time-token';
import { INVALID_CREDENTIALS, passwordVerificationInputSchema } from './verifications/password';
import { sendVerificationCodeInputSchema, verifyVerificationCodeInputSchema } from './verifications/verification-code';
import { TOO_MANY_ATTEMPTS } from '@/lib/security/attempt-guard';

/*
 * The Experience API's routes as app/api/experience/** implements them: each body is the zod
 * schema its handler reads with `readJson`, each error code one its steps can answer with.
 * openapi.ts renders them as the OpenAPI document; openapi.test.ts checks them against the route files.
 */

/** Response bodies, by the component name operations refer to them with. */
export const componentSchemas = {
  /** AppError.toBody() (lib/errors), and handleRoute's `guard.invalid_input` and `internal_server_error`. */
  Error: z.object({
    code: z.string().describe('Stable and dotted, as in Logto: branch and localize on it.'),
    message: z.string().describe('English, for developers and logs; not for display.'),
    data: z
      .record(z.string(), z.unknown())
      .optional()
      .describe('`retryAfterSeconds` (also sent as Retry-After), `missingProfile` (user.missing_profile), `issues` (password.rejected).'),
  }),
  /** publicExperience() (lib/experience/interaction.ts): never a hash or a row id. */
  InteractionView: z.object({
    interactionEvent: z.enum(interactionEvents).nullable(),
    userId: z.string().nullable(),
    profile: pendingProfileSchema.omit({ passwordHash: true }).extend({ hasPassword: z.literal(true).optional() }),
    verificationRecords: z.array(
      z.object({
        id: z.string(),
        type: z.enum(VerificationType),
        identifier: interactionIdentifierSchema,
        verified: z.boolean().optional().describe('Absent for NewPasswordIdentity, which proves nothing.'),
      }),
    ),
  }),
  VerificationResult: z.object({ verificationId: z.string().describe('Pass it to the next step (verify, identification, profile).') }),
  SubmitResult: z.object({ redirectTo: z.url().describe('Send the browser there: it resumes the authorization request.') }),
};
export type ComponentName = keyof typeof componentSchemas;

type Method = 'GET' | 'POST' | 'PUT';

/** One route of app/api/experience/**, as its handler and the lib function it calls behave. */
export type ExperienceRoute = {
  method: Method;
  path: string;
  /** The lib/experience function the handler calls: a stable name for generated clients. */
  operationId: string;
  summary: string;
  description: string;
  /** The schema the handler reads its JSON body with, and bodies it accepts, by name. */
  body?: { schema: z.ZodType; examples: Record<string, unknown> };
  /** Each success status, with its body's component (none: no content). */
  success: Partial<Record<200 | 201 | 204, { description: string; schema?: ComponentName }>>;
  /** The codes this route's own steps answer with, and their statuses; `errorsOf` adds the shared ones. */
  errors: Record<string, number>;
};

/** `guardInteractionEvent` (lib/experience/policy.ts): the sign-in mode may forbid the event, even mid-interaction. */
const eventGuardErrors = { 'auth.forbidden': 403, 'session.forgot_password_not_enabled': 422 };
/** `findActiveUser`: an administrator may delete or suspend the account mid-interaction. */
const activeUserErrors = { 'user.user_not_exist': 404, 'user.suspended': 401 };
const identifiedUserErrors = { 'session.identifier_not_found': 404, ...activeUserErrors };
/** `assertEmailAllowed` (lib/sign-in-exp/email-blocklist.ts): an email the operator's blocklist refuses. */
const emailBlocklistErrors = { 'session.email_blocklist.email_not_allowed': 422, 'session.email_blocklist.email_subaddressing_not_allowed': 422 };
const identifierInUseErrors = { 'user.username_already_in_use': 422, 'user.email_already_in_use': 422, 'user.phone_already_in_use': 422 };

const emailIdentifier = { type: 'email', value: 'ada@example.com' };
const exampleVerificationId = 'p0q1r2s3t4u5v6w7x8y9z';

export const experienceRoutes: readonly ExperienceRoute[] = [
  {
    method: 'PUT',
    path: '/api/experience',
    operationId: 'startInteractionEvent',
    summary: 'Start the experience',
    description: 'Begins (or restarts) the interaction with an event, dropping earlier verifications and any identified user.',
    body: { schema: interactionEventInputSchema, examples: { signIn: { interactionEvent: 'SignIn' } } },
    success: { 204: { description: 'Started.' } },
    errors: eventGuardErrors,
  },
  {
    method: 'GET',
    path: '/api/experience/interaction',
    operationId: 'getInteraction',
    summary: 'Read the interaction',
    description: 'The event, the identified user, the pending profile and the verifications (never a secret).',
    success: { 200: { description: 'The interaction.', schema: 'InteractionView' } },
    errors: {},
  },
  {
    method: 'PUT',
    path: '/api/experience/interaction-event',
    operationId: 'switchInteractionEvent',
    summary: 'Switch between SignIn and Register',
    description: 'Keeps the verifications (a proven email without an account goes on to register); drops the profile and any identified user.',
    body: { schema: interactionEventInputSchema, examples: { register: { interactionEvent: 'Register' } } },
    success: { 204: { description: 'Switched.' } },
    errors: { ...eventGuardErrors, 'session.not_supported_for_forgot_password': 400 },
  },
  {
    method: 'POST',
    path: '/api/experience/identification',
    operationId: 'identifyUser',
    summary: 'Identify the user',
    description:
      'SignIn and ForgotPassword: the user a verified record names. Register: creates the account from the record and the profile, once it holds what the sign-up settings ask for (`verificationId` may be left out when POST /profile collected everything).',
    body: { schema: identificationInputSchema, examples: { verified: { verificationId: exampleVerificationId }, registerFromProfile: {} } },
    success: { 201: { description: 'Register: the account was created.' }, 204: { description: 'Identified.' } },
    errors: {
      ...emailBlocklistErrors,
      ...eventGuardErrors,
      ...activeUserErrors,
      ...identifierInUseErrors,
      [VERIFICATION_NOT_FOUND]: 404,
      'session.verification_failed': 400,
      'session.identity_conflict': 409,
      'session.not_supported_for_forgot_password': 422,
      'user.sign_in_method_not_enabled': 422,
      'user.sign_up_method_not_enabled': 422,
      'user.missing_profile': 422,
      'verification_code.code_mismatch': 400,
    },
  },
  {
    method: 'POST',
    path: '/api/experience/submit',
    operationId: 'submitInteraction',
    summary: 'Submit the interaction',
    description: 'No body. SignIn and Register: writes the pending profile and completes the login. ForgotPassword: sets the new password and ends every session of the account.',
    success: { 200: { description: 'Signed in.', schema: 'SubmitResult' }, 204: { description: 'ForgotPassword: the password is reset.' } },
    errors: {
      ...emailBlocklistErrors,
      ...eventGuardErrors,
      ...identifiedUserErrors,
      ...identifierInUseErrors,
      'user.missing_profile': 422,
      'user.new_password_required_in_profile': 422,
    },
  },
  {
    method: 'POST',
    path: '/api/experience/profile',
    operationId: 'addProfile',
    summary: 'Add to the profile',
    description:
      'A username or password as typed, an email or phone proven by a verified code record, or (Register) the answers to the operator\'s profile fields by name (`extraProfile`; refused answers are 400 `guard.invalid_input` with `data.problems` by field). Written at identification (Register) or submit (SignIn).',
    body: {
      schema: addProfileInputSchema,
      examples: {
        username: { type: 'username', value: 'ada' },
        email: { type: 'email', verificationId: exampleVerificationId },
        extraProfile: { type: 'extraProfile', values: { name: 'Ada Lovelace', birthdate: '1815-12-10' } },
      },
    },
    success: { 204: { description: 'Added.' } },
    errors: {
      ...emailBlocklistErrors,
      ...eventGuardErrors,
      ...identifiedUserErrors,
      ...identifierInUseErrors,
      [VERIFICATION_NOT_FOUND]: 404,
      'session.not_supported_for_forgot_password': 400,
      'session.invalid_interaction_type': 400,
      'session.verification_failed': 400,
      'user.invalid_username': 422,
      'user.username_exists_in_profile': 422,
      'user.password_exists_in_profile': 422,
      'user.email_exists_in_profile': 422,
      'user.phone_exists_in_profile': 422,
      'password.rejected': 422,
    },
  },
  {
    method: 'PUT',
    path: '/api/experience/profile/password',
    operationId: 'resetPassword',
    summary: 'Set the new password (ForgotPassword)',
    description: 'Checked against the password policy and the current password; written at submit.',
    body: { schema: resetPasswordInputSchema, examples: { reset: { password: 'correct horse battery staple' } } },
    success: { 204: { description: 'Kept for submit.' } },
    errors: { ...eventGuardErrors, ...identifiedUserErrors, 'session.invalid_interaction_type': 400, 'password.rejected': 422, 'user.same_password': 422 },
  },
  {
    method: 'POST',
    path: '/api/experience/verification/password',
    operationId: 'verifyPasswordIdentity',
    summary: 'Verify an identifier and password',
    description: 'An unknown identifier and a wrong password answer alike; failures lock the identifier per the sentinel policy.',
    body: { schema: passwordVerificationInputSchema, examples: { username: { identifier: { type: 'username', value: 'ada' }, password: 'correct horse battery staple' } } },
    success: { 200: { description: 'Verified.', schema: 'VerificationResult' } },
    errors: { [INVALID_CREDENTIALS]: 422, [TOO_MANY_ATTEMPTS]: 400, 'user.suspended': 401 },
  },
  {
    method: 'POST',
    path: '/api/experience/verification/verification-code',
    operationId: 'sendVerificationCode',
    summary: 'Send a verification code',
    description: 'To an email or a phone, for the given event, in the language of the sign-in experience. ForgotPassword answers the same whether or not an account has the address.',
    body: { schema: sendVerificationCodeInputSchema, examples: { email: { identifier: emailIdentifier, interactionEvent: 'SignIn' } } },
    success: { 200: { description: 'Sent (or, for ForgotPassword, as if sent).', schema: 'VerificationResult' } },
    errors: {
      ...emailBlocklistErrors,
      ...eventGuardErrors,
      'session.invalid_interaction_type': 400,
      'session.not_supported_for_forgot_password': 422,
      'user.sign_in_method_not_enabled': 422,
      'user.sign_up_method_not_enabled': 422,
      'request.message_rate_limited': 429,
      'connector.not_found': 501,
      'connector.send_failed': 502,
      'connector.invalid_config': 502,
    },
  },
  {
    method: 'POST',
    path: '/api/experience/verification/verification-code/verify',
    operationId: 'verifyVerificationCode',
    summary: 'Check a verification code',
    description: 'The code sent for `verificationId`; the same id comes back, now verified.',
    body: { schema: verifyVerificationCodeInputSchema, examples: { email: { identifier: emailIdentifier, verificationId: exampleVerificationId, code: '123456' } } },
    success: { 200: { description: 'Verified.', schema: 'VerificationResult' } },
    errors: {
      [VERIFICATION_NOT_FOUND]: 404,
      'verification_code.not_found': 400,
      'verification_code.exceed_max_try': 400,
      'verification_code.expired': 400,
      'verification_code.code_mismatch': 400,
    },
  },
  {
    method: 'POST',
    path: '/api/experience/verification/new-password-identity',
    operationId: 'createNewPasswordIdentity',
    summary: 'Choose a username and password (Register)',
    description: 'An email or a phone registers through a verification code instead (422).',
    body: { schema: newPasswordIdentityInputSchema, examples: { username: { identifier: { type: 'username', value: 'ada' }, password: 'correct horse battery staple' } } },
    success: { 200: { description: 'Recorded.', schema: 'VerificationResult' } },
    errors: {
      'auth.forbidden': 403,
      'session.invalid_interaction_type': 400,
      'user.sign_up_method_not_enabled': 422,
      'user.invalid_username': 422,
      'user.username_already_in_use': 422,
      'password.rejected': 422,
    },
  },
  {
    method: 'POST',
    path: '/api/experience/verification/one-time-token/verify',
    operationId: 'verifyOneTimeTokenIdentity',
    summary: 'Redeem a magic link',
    description: 'The one-time token issued for the email (single use). It may register the email even where only sign-in is enabled.',
    body: { schema: oneTimeTokenInputSchema, examples: { magicLink: { identifier: emailIdentifier, token: 'a-one-time-token' } } },
    success: { 200: { description: 'Redeemed.', schema: 'VerificationResult' } },
    errors: {
      'one_time_token.token_not_found': 404,
      'one_time_token.email_mismatch': 400,
      'one_time_token.token_expired': 400,
      'one_time_token.token_revoked': 400,
      'one_time_token.token_consumed': 400,
    },
  },
];
