import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { postToProvider } from '../outbound';
import { smsTemplatesSchema } from '../templates';
import type { SmsConnector } from '../types';

/**
 * With a signing secret, every POST carries `x-sesame-timestamp: <unix seconds>` and
 * `x-sesame-signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">`. The timestamp is
 * inside the MAC so a receiver that rejects old timestamps (say, over five minutes) cannot be
 * made to send a captured message again later.
 */
export const SIGNATURE_HEADER = 'x-sesame-signature';
export const TIMESTAMP_HEADER = 'x-sesame-timestamp';

const httpUrl = z
  .string()
  .url()
  .max(2048)
  .refine((value) => /^https?:\/\//i.test(value), 'must be an http(s) URL');

/** After Logto's HTTP SMS connector (`endpoint`, `authorization`), plus an optional signing secret. */
export const httpSmsConfigSchema = z
  .object({
    endpoint: httpUrl,
    /** Sent verbatim as the Authorization header (e.g. `Bearer …`). */
    authorization: z.string().min(1).max(4096).optional(),
    /** Lets the receiver check the body came from this installation (at least 16 characters). */
    signingSecret: z.string().min(16).max(1024).optional(),
    /** Logto's per-purpose templates (../templates.ts); without one, Sesame's built-in message. */
    templates: smsTemplatesSchema.optional(),
  })
  .strict();

export type HttpSmsConfig = z.infer<typeof httpSmsConfigSchema>;

export function signBody(timestamp: number, body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * POSTs `{to, text, purpose, payload}` as JSON: `text` is the rendered message, `payload`
 * the template variables (`code`, `locale`, ...) for receivers that render their own.
 */
export function httpSmsConnector(config: HttpSmsConfig): SmsConnector {
  return {
    connectorId: 'http-sms',
    ...(config.templates ? { templates: config.templates } : {}),
    async send({ to, text, purpose, payload }) {
      const body = JSON.stringify({ to, text, purpose, payload });
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (config.authorization) headers.authorization = config.authorization;
      if (config.signingSecret) {
        const timestamp = Math.floor(Date.now() / 1000);
        headers[TIMESTAMP_HEADER] = String(timestamp);
        headers[SIGNATURE_HEADER] = signBody(timestamp, body, config.signingSecret);
      }
      await postToProvider('http-sms', config.endpoint, { headers, body });
    },
  };
}
