import '../../support/experience-env';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUT as putExperience } from '@/app/api/experience/route';
import { POST as postSubmit } from '@/app/api/experience/submit/route';
import { POST as postPassword } from '@/app/api/experience/verification/password/route';
import { closeTestDatabase, createApplication, experienceRequest, startBrowserInteraction } from '../../support/experience-fixture';
import { errorOf } from './client';

let cookie: string;
const signInBody = { interactionEvent: 'SignIn' };

beforeAll(async () => {
  cookie = await startBrowserInteraction(await createApplication());
});
afterAll(closeTestDatabase);

describe('cross-site requests to the Experience API', () => {
  it('refuses a foreign Origin, even with the cookie and a JSON body', async () => {
    for (const origin of ['https://evil.example', 'http://localhost:3999', 'null']) {
      const request = experienceRequest('PUT', '/api/experience', { cookie, body: signInBody, headers: { origin } });
      expect(await errorOf(putExperience(request, {}))).toMatchObject({ status: 403, code: 'request.cross_origin_forbidden' });
    }
  });

  it('refuses what an HTML form or a no-CORS fetch can send', async () => {
    const bodies = [
      { 'content-type': 'application/x-www-form-urlencoded', body: 'identifier=alice&password=x' },
      { 'content-type': 'multipart/form-data; boundary=x', body: '--x--' },
      { 'content-type': 'text/plain', body: JSON.stringify({ identifier: { type: 'username', value: 'alice' }, password: 'x' }) },
    ];
    for (const { body, ...headers } of bodies) {
      // A same-site attacker (a sibling subdomain) may even present our Origin: the content type still gives it away.
      const request = experienceRequest('POST', '/api/experience/verification/password', { cookie, body, headers });
      expect(await errorOf(postPassword(request, {}))).toMatchObject({ status: 415, code: 'request.unsupported_content_type' });
    }
  });

  it('accepts same-origin JSON, JSON without an Origin (not a browser), and a body-less submit', async () => {
    expect((await putExperience(experienceRequest('PUT', '/api/experience', { cookie, body: signInBody }), {})).status).toBe(204);
    const withoutOrigin = experienceRequest('PUT', '/api/experience', { cookie, body: signInBody });
    withoutOrigin.headers.delete('origin');
    expect((await putExperience(withoutOrigin, {})).status).toBe(204);
    // Past the CSRF check, submit reaches the engine: no user is identified yet.
    expect(await errorOf(postSubmit(experienceRequest('POST', '/api/experience/submit', { cookie }), {}))).toMatchObject({
      status: 404,
      code: 'session.identifier_not_found',
    });
  });
});
