import { PUT as putExperience } from '@/app/api/experience/route';
import { POST as postIdentification } from '@/app/api/experience/identification/route';
import { GET as getInteraction } from '@/app/api/experience/interaction/route';
import { POST as postSubmit } from '@/app/api/experience/submit/route';
import { POST as postPassword } from '@/app/api/experience/verification/password/route';
import { experienceRequest, startBrowserInteraction } from '../../support/experience-fixture';

type Identifier = { type: 'username' | 'email' | 'phone'; value: string };

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
