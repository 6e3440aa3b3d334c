import { randomBytes } from 'node:crypto';
import type { SmsWebhookReceiver } from '../../support/messages/sms-receivers';
import type { SmtpCatcher } from '../../support/messages/smtp-catcher';
import { authorizationRequest, redeem, type client, type PendingAuthorization } from '../../support/oidc/relying-party';
import { Browser } from '../../support/oidc/sign-in';
import type { HtmlForm } from '../../support/pages/html-forms';
import { PageVisit } from '../../support/pages/page-visit';
import { throwError } from '../../support/throw-error';

/**
 * People going through Sesame's own pages with JavaScript off, from the app's redirect to its
 * callback: they read what each page asks (the form with something to type), answer it (new
 * details when registering, theirs when signing in, codes caught at the SMTP server or the SMS
 * webhook) and post it, until a 303 leads back to the app and openid-client redeems the code.
 * Every page must be in the requested language and show no problem.
 */
/** What the API and page flows need of the suite's server: the RP, its callback, the inboxes, Sesame's address. */
export type FlowWorld = { rp: client.Configuration; callbackUri: string; mail: SmtpCatcher; sms: SmsWebhookReceiver; baseUrl: string };
export type Language = 'en' | 'ko';
type Channel = 'email' | 'phone';
export type IdentifierType = 'username' | Channel;
export type PagesPerson = { username?: string; email?: string; phone?: string; password?: string };

const suffix = () => randomBytes(5).toString('hex');
export const newEmail = () => `p-${suffix()}@example.com`;
export const newPhone = () => `8210${String(randomBytes(4).readUInt32BE() % 100_000_000).padStart(8, '0')}`;
export const newUsername = () => `u_${suffix()}`;
export const newPassword = () => `Pw-${randomBytes(9).toString('base64url')}`;
const newValue = (type: IdentifierType) => (type === 'email' ? newEmail() : type === 'phone' ? newPhone() : newUsername());

/** Where a walk through the pages ended: the subject the app got, and whether a page asked to agree to the terms. */
/** Where a journey ended: the subject the app's ID token names (when it reached the app), and whether terms were asked. */
export type Arrival = { sub?: string; termsAsked: boolean };

/** Registers through the pages with a new `type` identifier (then whatever else they ask for): the account, and the arrival. */
export async function registerThroughPages(world: FlowWorld, type: IdentifierType, language: Language): Promise<Arrival & { person: PagesPerson }> {
  const person: PagesPerson = {};
  const arrival = await throughThePages(world, language, { first_screen: 'register' }, { person, identifier: { type, value: newValue(type) }, registering: true });
  return { ...arrival, person };
}

/** Signs in through the pages with `identifier`, by password or by a code. */
export function signInThroughPages(world: FlowWorld, person: PagesPerson, type: IdentifierType, by: 'password' | 'code', language: Language): Promise<Arrival> {
  return throughThePages(world, language, {}, { person, identifier: { type, value: person[type]! }, registering: false, byCode: by === 'code' });
}

/**
 * Resets `person`'s password through the pages (`first_screen=reset_password`) with a code sent
 * to their `channel`, up to the page that says it is done: the new password.
 */
export async function resetThroughPages(world: FlowWorld, person: PagesPerson, channel: Channel, language: Language): Promise<string> {
  const reset: PagesPerson = {};
  await throughThePages(world, language, { first_screen: 'reset_password' }, { person: reset, identifier: { type: channel, value: person[channel]! }, registering: false, until: '/forgot-password/done' });
  return reset.password ?? throwError('the reset pages never asked for a new password');
}

/** The page the app's authorization request lands on, read: where it is and its forms. */
export async function firstPage(world: FlowWorld, language: Language, params: Record<string, string> = {}) {
  const pending = await authorizationRequest(world.rp, { redirectUri: world.callbackUri, ui_locales: language, ...params });
  const visit = await PageVisit.start(new Browser(world.baseUrl), pending.url);
  return { path: visit.url.pathname, page: visit.page };
}

/** A page answered a post with a problem: its alerts and the fields marked invalid. */
export class PageProblem extends Error {
  constructor(
    where: string,
    readonly alerts: string[],
    readonly invalid: string[],
  ) {
    super(`${where} shows a problem: ${alerts.join(' / ')} [${invalid.join(', ')}]`);
  }
}

type Intent = {
  person: PagesPerson;
  identifier: { type: IdentifierType; value: string };
  registering: boolean;
  byCode?: boolean;
  /** A page that ends the journey short of the app (the reset's done page). */
  until?: string;
};

async function throughThePages(world: FlowWorld, language: Language, params: Record<string, string>, intent: Intent): Promise<Arrival> {
  const pending = await authorizationRequest(world.rp, { redirectUri: world.callbackUri, ui_locales: language, ...params });
  const visit = await PageVisit.start(new Browser(world.baseUrl), pending.url);
  const { person, identifier } = intent;
  if (intent.registering) person[identifier.type] = identifier.value;
  // Where the last code went, and since when: the post that brought the browser to a code page sent it.
  let codeTo: { channel: Channel; value: string } | undefined = identifier.type === 'username' ? undefined : { channel: identifier.type, value: identifier.value };
  let postedAt = new Date();
  let termsAsked = false;
  for (let step = 0; step < 15; step++) {
    if (visit.left) return { sub: await redeemAt(world, visit.left, pending), termsAsked };
    const where = `${visit.url.pathname}${visit.url.search}`;
    const page = visit.page;
    if (page.lang !== language) throw new Error(`${where} is in "${page.lang}", not ${language}`);
    if (page.alerts.length > 0 || page.invalid.length > 0) throw new PageProblem(where, page.alerts, page.invalid);
    if (intent.until && visit.url.pathname.endsWith(intent.until)) return { termsAsked };

    // Someone who wants a code where a password comes first presses "Sign in with a code instead".
    const codeInstead = intent.byCode ? page.forms.find((form) => form.buttons.some((button) => button.value === 'code')) : undefined;
    const form = codeInstead ?? page.forms.find((candidate) => candidate.controls.some((control) => !control.hidden)) ?? page.forms[0];
    if (!form) throw new Error(`${where} has no form`);
    const fill: Record<string, string> = {};
    for (const control of form.controls.filter((candidate) => !candidate.hidden)) {
      switch (control.name) {
        case 'identifier':
          fill.identifier = identifier.value;
          break;
        case 'password':
          person.password ??= newPassword();
          fill.password = person.password;
          break;
        case 'code': {
          if (!codeTo) throw new Error(`${where} asks for a code, but none was sent`);
          const since = { since: new Date(postedAt.getTime() - 1000) };
          fill.code = codeTo.channel === 'email' ? await world.mail.waitForCode(codeTo.value, since) : await world.sms.waitForCode(codeTo.value, since);
          break;
        }
        case 'agreeToTerms':
          termsAsked = true;
          fill.agreeToTerms = 'on';
          break;
        case 'value': {
          // /complete-profile: the one missing piece it names.
          const field = form.controls.find((candidate) => candidate.name === 'field')?.value;
          const type: IdentifierType = field === 'username' ? 'username' : field === 'phone' ? 'phone' : 'email';
          fill.value = newValue(type);
          person[type] = fill.value;
          if (type !== 'username') codeTo = { channel: type, value: fill.value };
          break;
        }
        default:
          throw new Error(`${where} asks for "${control.name}", which nobody here knows how to fill in`);
      }
    }
    postedAt = new Date();
    await visit.submit(form, fill, pressed(form, codeInstead !== undefined));
  }
  throw new Error(`still on ${visit.url.pathname} after 15 pages`);
}

/** The button a person presses: "use a code instead", or the form's main button (never "send a new code" or "change"). */
function pressed(form: HtmlForm, codeInstead: boolean) {
  return codeInstead ? form.buttons.find((button) => button.value === 'code') : form.buttons.find((button) => button.value !== 'resend' && button.value !== 'change');
}

/** openid-client redeems the code the app's callback received: the ID token's subject. */
async function redeemAt(world: FlowWorld, callback: URL, pending: PendingAuthorization): Promise<string> {
  if (callback.href.split('?')[0] !== world.callbackUri) throw new Error(`left Sesame for ${callback.href}, not the app's callback`);
  const tokens = await redeem(world.rp, callback, pending);
  return tokens.claims()!.sub;
}
