import { PUT as putExperience } from '@/app/api/experience/route';
import { PUT as putInteractionEvent } from '@/app/api/experience/interaction-event/route';
import { POST as postProfile } from '@/app/api/experience/profile/route';
import { PUT as putPassword } from '@/app/api/experience/profile/password/route';
import { POST as postNewPasswordIdentity } from '@/app/api/experience/verification/new-password-identity/route';
import { POST as postOneTimeToken } from '@/app/api/experience/verification/one-time-token/verify/route';
import { POST as postSendCode } from '@/app/api/experience/verification/verification-code/route';
import { POST as postVerifyCode } from '@/app/api/experience/verification/verification-code/verify/route';
import { POST as postIdentification } from '@/app/api/experience/identification/route';
import { GET as getInteraction } from '@/app/api/experience/interaction/route';
import { POST as postSubmit } from '@/app/api/experience/submit/route';
import { POST as postPassword } from '@/app/api/experience/verification/password/route';
import { experienceRequest, startBrowserInteraction } from '../../support/experience-fixture';

type Identifier = { type: 'username' | 'email' | 'phone'; value: string };
type CodeIdentifier = { type: 'email' | 'phone'; value: string };
export type ExperienceClient = ReturnType<typeof experienceClient>;

/** The Experience API as one browser (one interaction cookie) calls it, through the real route handlers. */
export function experienceClient(cookie?: string) {
  const send = (handler: (request: Request, context: unknown) => Promise<Response> | Response, request: Request) => handler(request, {});
  return {
    start: (interactionEvent = 'SignIn') =>
      send(putExperience, experienceRequest('PUT', '/api/experience', { cookie, body: { interactionEvent } })),
    verifyPassword: (identifier: Identifier, password: string) =>
      send(postPassword, experienceRequest('POST', '/api/experience/verification/password', { cookie, body: { identifier, password } })),
    identify: (body: unknown) => send(postIdentification, experienceRequest('POST', '/api/experience/identification', { cookie, body })),
    submit: () => send(postSubmit, experienceRequest('POST', '/api/experience/submit', { cookie })),
    interaction: () => send(getInteraction, experienceRequest('GET', '/api/experience/interaction', { cookie })),
    switchEvent: (interactionEvent: string) =>
      send(putInteractionEvent, experienceRequest('PUT', '/api/experience/interaction-event', { cookie, body: { interactionEvent } })),
    sendCode: (identifier: CodeIdentifier, interactionEvent: string) =>
      send(postSendCode, experienceRequest('POST', '/api/experience/verification/verification-code', { cookie, body: { identifier, interactionEvent } })),
    verifyCode: (identifier: CodeIdentifier, verificationId: string, code: string) =>
      send(
        postVerifyCode,
        experienceRequest('POST', '/api/experience/verification/verification-code/verify', { cookie, body: { identifier, verificationId, code } }),
      ),
    newPasswordIdentity: (identifier: Identifier, password: string) =>
      send(postNewPasswordIdentity, experienceRequest('POST', '/api/experience/verification/new-password-identity', { cookie, body: { identifier, password } })),
    verifyOneTimeToken: (email: string, token: string) =>
      send(
        postOneTimeToken,
        experienceRequest('POST', '/api/experience/verification/one-time-token/verify', { cookie, body: { identifier: { type: 'email', value: email }, token } }),
      ),
    addProfile: (body: unknown) => send(postProfile, experienceRequest('POST', '/api/experience/profile', { cookie, body })),
    resetPassword: (password: string) => send(putPassword, experienceRequest('PUT', '/api/experience/profile/password', { cookie, body: { password } })),
  };
}

/** A fresh browser interaction on which `PUT /api/experience {SignIn}` already succeeded. */
export async function startedExperienceClient(applicationId: string) {
  const client = experienceClient(await startBrowserInteraction(applicationId));
  await expectStatus(client.start(), 204);
  return client;
}

/** Signs in through the four calls and returns the verification id on the way. */
export async function signIn(client: ReturnType<typeof experienceClient>, identifier: Identifier, password: string) {
  await expectStatus(client.start(), 204);
  const { verificationId } = (await (await expectStatus(client.verifyPassword(identifier, password), 200)).json()) as { verificationId: string };
  await expectStatus(client.identify({ verificationId }), 204);
  const submitted = await expectStatus(client.submit(), 200);
  return { verificationId, ...((await submitted.json()) as { redirectTo: string }) };
}

export async function expectStatus(pending: Promise<Response> | Response, status: number): Promise<Response> {
  const response = await pending;
  if (response.status !== status) throw new Error(`Expected ${status}, got ${response.status}: ${await response.text()}`);
  return response;
}

export async function errorOf(pending: Promise<Response> | Response): Promise<{ status: number; code: string; body: string }> {
  const response = await pending;
  const body = await response.text();
  return { status: response.status, code: (JSON.parse(body) as { code: string }).code, body };
}

export async function verificationIdOf(pending: Promise<Response> | Response): Promise<string> {
  return ((await (await expectStatus(pending, 200)).json()) as { verificationId: string }).verificationId;
}
