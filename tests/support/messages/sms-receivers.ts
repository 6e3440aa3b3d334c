import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { waitFor } from '../wait-for';

export type ReceivedSms = {
  to: string;
  text: string;
  /** Purpose (webhook) — Twilio's form has none. */
  purpose?: string;
  /** The webhook's `payload` (template variables: code, locale, ...). */
  payload?: Record<string, string>;
  /** Twilio: `From` or `MessagingServiceSid`. */
  from?: string;
  headers: http.IncomingHttpHeaders;
  receivedAt: Date;
};

type Receiver = {
  messages: ReceivedSms[];
  /** Requests refused (bad signature, authorization or basic auth), for asserting that nothing slipped through. */
  refused: number;
  /** The newest SMS to `to`, waiting up to `timeoutMs`. */
  waitForSms: (to: string, options?: { since?: Date; timeoutMs?: number }) => Promise<ReceivedSms>;
  /** The first 6-digit code in the newest SMS to `to`. */
  waitForCode: (to: string, options?: { since?: Date; timeoutMs?: number }) => Promise<string>;
  /** The next request is answered with this status (a provider outage). */
  failNext: (status: number) => void;
  close: () => Promise<void>;
};

export type SmsWebhookReceiver = Receiver & {
  /** The endpoint for `POST /api/connectors {connectorId: 'http-sms', config: {endpoint}}`. */
  url: string;
  connectorConfig: () => Record<string, unknown>;
};

export type TwilioFake = Receiver & {
  /** For the connector's `apiBaseUrl`. */
  baseUrl: string;
  connectorConfig: () => Record<string, unknown>;
};

async function listen(
  handle: (request: http.IncomingMessage, body: string) => { status: number; json?: unknown; sms?: Omit<ReceivedSms, 'headers' | 'receivedAt'> },
): Promise<Receiver & { origin: string }> {
  const messages: ReceivedSms[] = [];
  let failNextWith: number | undefined;
  const counters = { refused: 0 };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let outcome: ReturnType<typeof handle>;
      if (failNextWith !== undefined) {
        outcome = { status: failNextWith, json: { message: 'provider outage (test)' } };
        failNextWith = undefined;
      } else {
        outcome = handle(request, body);
      }
      if (outcome.sms) messages.push({ ...outcome.sms, headers: request.headers, receivedAt: new Date() });
      else if (outcome.status === 401 || outcome.status === 403) counters.refused++;
      response.writeHead(outcome.status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(outcome.json ?? {}));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const waitForSms: Receiver['waitForSms'] = (to, { since, timeoutMs = 10_000 } = {}) =>
    waitFor(`an SMS to ${to}`, async () => messages.findLast((sms) => sms.to === to && (!since || sms.receivedAt >= since)), {
      timeoutMs,
      intervalMs: 50,
    });
  return {
    origin: `http://127.0.0.1:${port}`,
    messages,
    get refused() {
      return counters.refused;
    },
    waitForSms,
    async waitForCode(to, options) {
      const sms = await waitForSms(to, options);
      const code = sms.text.match(/\b(\d{6})\b/)?.[1];
      if (!code) throw new Error(`The SMS to ${to} has no 6-digit code`);
      return code;
    },
    failNext: (status) => {
      failNextWith = status;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** How old a signed webhook's timestamp may be before the receiver refuses it as a replay. */
const SIGNATURE_TOLERANCE_SECONDS = 300;

/**
 * A webhook receiver for the `http-sms` connector, checking as README tells integrators to: it
 * accepts a POST only when `x-sesame-timestamp` is within five minutes of now and
 * `x-sesame-signature` is `sha256=<HMAC-SHA256 of "<timestamp>.<raw body>">` under
 * `signingSecret`, and (when given) the Authorization header matches; else 401.
 */
export async function startSmsWebhookReceiver(options: { signingSecret?: string; authorization?: string } = {}): Promise<SmsWebhookReceiver> {
  const receiver = await listen((request, body) => {
    if (request.method !== 'POST' || request.url !== '/sms') return { status: 404 };
    if (options.authorization && request.headers.authorization !== options.authorization) return { status: 401 };
    if (options.signingSecret) {
      const timestamp = String(request.headers['x-sesame-timestamp'] ?? '');
      if (!/^\d+$/.test(timestamp) || Math.abs(Date.now() / 1000 - Number(timestamp)) > SIGNATURE_TOLERANCE_SECONDS) return { status: 401 };
      const expected = `sha256=${createHmac('sha256', options.signingSecret).update(`${timestamp}.${body}`).digest('hex')}`;
      if (!sameText(String(request.headers['x-sesame-signature'] ?? ''), expected)) return { status: 401 };
    }
    const parsed = JSON.parse(body) as { to: string; text: string; purpose: string; payload: Record<string, string> };
    return { status: 204, sms: { to: parsed.to, text: parsed.text, purpose: parsed.purpose, payload: parsed.payload } };
  });
  const url = `${receiver.origin}/sms`;
  return Object.assign(receiver, {
    url,
    connectorConfig: () => ({ endpoint: url, ...options }),
  });
}

/**
 * A local stand-in for Twilio's Messages API: checks the path carries the account SID,
 * HTTP Basic auth is `accountSID:authToken`, and the body is a form with To, Body and
 * From (or MessagingServiceSid); answers 201 with a message resource, as Twilio does.
 */
export async function startTwilioFake(credentials: { accountSID: string; authToken: string; from: string }): Promise<TwilioFake> {
  const expectedAuth = `Basic ${Buffer.from(`${credentials.accountSID}:${credentials.authToken}`).toString('base64')}`;
  const receiver = await listen((request, body) => {
    if (request.method !== 'POST' || request.url !== `/2010-04-01/Accounts/${credentials.accountSID}/Messages.json`) return { status: 404 };
    if (!sameText(request.headers.authorization ?? '', expectedAuth)) return { status: 401, json: { code: 20003, message: 'Authenticate' } };
    if (!String(request.headers['content-type']).startsWith('application/x-www-form-urlencoded')) return { status: 400 };
    const form = new URLSearchParams(body);
    const to = form.get('To');
    const text = form.get('Body');
    const from = form.get('From') ?? form.get('MessagingServiceSid');
    if (!to || !text || !from) return { status: 400, json: { code: 21604, message: 'A required parameter is missing.' } };
    return { status: 201, json: { sid: `SM${'0'.repeat(32)}`, to, status: 'queued' }, sms: { to, text, from } };
  });
  return Object.assign(receiver, {
    baseUrl: receiver.origin,
    connectorConfig: () => ({
      accountSID: credentials.accountSID,
      authToken: credentials.authToken,
      fromMessagingServiceSID: credentials.from,
      apiBaseUrl: receiver.origin,
    }),
  });
}
