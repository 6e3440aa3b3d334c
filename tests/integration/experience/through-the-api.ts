import { expect } from 'vitest';
import { authorizationRequest, redeem, type PendingAuthorization } from '../../support/oidc/relying-party';
import { Browser, callbackFrom } from '../../support/oidc/sign-in';
import { newEmail, newPassword, newPhone, newUsername, type FlowWorld } from './through-the-pages';

/**
 * People going through the Experience API as a custom sign-in page would call it, from the
 * app's redirect to its callback: a browser (cookies kept) makes the calls, codes are caught at
 * the SMTP server or the SMS webhook, and openid-client redeems the code at the end.
 */
type Channel = 'email' | 'phone';
export type Identifier = { type: 'username' | Channel; value: string };
export type Person = { username?: string; email?: string; phone?: string; password?: string };

/** One person's browser, from the RP's redirect to the RP's callback. */
export class Visit {
  readonly browser: Browser;
  private constructor(
    private readonly world: FlowWorld,
    readonly pending: PendingAuthorization,
  ) {
    this.browser = new Browser(world.baseUrl);
  }

  static async start(world: FlowWorld): Promise<Visit> {
    const visit = new Visit(world, await authorizationRequest(world.rp, { redirectUri: world.callbackUri }));
    const handOff = await visit.browser.navigate(visit.pending.url);
    expect(handOff.location?.origin).toBe(world.baseUrl);
    return visit;
  }

  async call(method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, any> }> {
    const response = await this.browser.json(method, `/api/experience${path}`, body);
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : {} };
  }

  async expect(status: number, method: string, path: string, body?: unknown): Promise<Record<string, any>> {
    const result = await this.call(method, path, body);
    if (result.status !== status) throw new Error(`${method} /api/experience${path}: expected ${status}, got ${result.status} ${JSON.stringify(result.body)}`);
    return result.body;
  }

  /** Sends a code for `event`, catches it at the SMTP server or SMS webhook, verifies it: the verification id. */
  async verifyByCode(channel: Channel, value: string, event: string): Promise<string> {
    const since = new Date();
    const identifier = { type: channel, value };
    const { verificationId } = await this.expect(200, 'POST', '/verification/verification-code', { identifier, interactionEvent: event });
    const code = channel === 'email' ? await this.world.mail.waitForCode(value, { since }) : await this.world.sms.waitForCode(value, { since });
    await this.expect(200, 'POST', '/verification/verification-code/verify', { identifier, verificationId, code });
    return verificationId;
  }

  /** Submits, follows `redirectTo` back to the RP, and has openid-client redeem the code: the ID token's subject. */
  async finish(): Promise<string> {
    const { redirectTo } = await this.expect(200, 'POST', '/submit');
    const callback = callbackFrom(await this.browser.navigate(redirectTo), this.world.callbackUri);
    const tokens = await redeem(this.world.rp, callback, this.pending);
    return tokens.claims()!.sub;
  }
}

/** Fills in what `user.missing_profile` names, the way a sign-up form would, until identification creates the account. */
async function completeRegistration(visit: Visit, person: Person, verificationId?: string): Promise<void> {
  for (let round = 0; round < 5; round++) {
    const identified = await visit.call('POST', '/identification', verificationId ? { verificationId } : {});
    if (identified.status === 201) return;
    expect(identified.body.code, JSON.stringify(identified.body)).toBe('user.missing_profile');
    for (const field of identified.body.data.missingProfile as string[]) {
      if (field === 'password') {
        person.password = newPassword();
        await visit.expect(204, 'POST', '/profile', { type: 'password', value: person.password });
      } else if (field === 'username') {
        person.username = newUsername();
        await visit.expect(204, 'POST', '/profile', { type: 'username', value: person.username });
      } else {
        const channel: Channel = field === 'phone' ? 'phone' : 'email';
        const value = channel === 'email' ? newEmail() : newPhone();
        person[channel] = value;
        await visit.expect(204, 'POST', '/profile', { type: channel, verificationId: await visit.verifyByCode(channel, value, 'Register') });
      }
    }
    verificationId = undefined;
  }
  throw new Error('identification still missed profile data after five rounds');
}

/** Registers a new account named by `type`, completing whatever else the sign-up asks for: the account and its subject. */
export async function registerThroughApi(world: FlowWorld, type: Identifier['type']): Promise<{ person: Person; sub: string }> {
  const visit = await Visit.start(world);
  await visit.expect(204, 'PUT', '', { interactionEvent: 'Register' });
  const person: Person = {};
  let verificationId: string;
  if (type === 'username') {
    person.username = newUsername();
    person.password = newPassword();
    ({ verificationId } = await visit.expect(200, 'POST', '/verification/new-password-identity', {
      identifier: { type, value: person.username },
      password: person.password,
    }));
  } else {
    const value = type === 'email' ? newEmail() : newPhone();
    person[type] = value;
    verificationId = await visit.verifyByCode(type, value, 'Register');
  }
  await completeRegistration(visit, person, verificationId);
  return { person, sub: await visit.finish() };
}

/** A password sign-in to the RP's callback: the subject, or the refusal's code. */
export async function signInWithPassword(world: FlowWorld, identifier: Identifier, password: string): Promise<string> {
  const visit = await Visit.start(world);
  await visit.expect(204, 'PUT', '', { interactionEvent: 'SignIn' });
  const verified = await visit.call('POST', '/verification/password', { identifier, password });
  if (verified.status !== 200) return verified.body.code;
  return identifyAndFinish(visit, verified.body.verificationId);
}

/** A code sign-in to the RP's callback: the subject, or the refusal's code. */
export async function signInWithCode(world: FlowWorld, identifier: Identifier & { type: Channel }): Promise<string> {
  const visit = await Visit.start(world);
  await visit.expect(204, 'PUT', '', { interactionEvent: 'SignIn' });
  const sent = await visit.call('POST', '/verification/verification-code', { identifier, interactionEvent: 'SignIn' });
  if (sent.status !== 200) return sent.body.code;
  const since = new Date(Date.now() - 1000);
  const code = identifier.type === 'email' ? await world.mail.waitForCode(identifier.value, { since }) : await world.sms.waitForCode(identifier.value, { since });
  await visit.expect(200, 'POST', '/verification/verification-code/verify', { identifier, verificationId: sent.body.verificationId, code });
  return identifyAndFinish(visit, sent.body.verificationId);
}

async function identifyAndFinish(visit: Visit, verificationId: string): Promise<string> {
  const identified = await visit.call('POST', '/identification', { verificationId });
  return identified.status === 204 ? visit.finish() : identified.body.code;
}
