import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { postToProvider } from '../outbound';
import type { SmsConnector } from '../types';

/** The header carrying `sha256=<hex HMAC-SHA256 of the raw body>` when a signing secret is configured. */
export const SIGNATURE_HEADER = 'x-sesame-signature';

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
  })
  .strict();

export type HttpSmsConfig = z.infer<typeof httpSmsConfigSchema>;

export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * POSTs `{to, text, purpose, payload}` as JSON: `text` is the rendered message, `payload`
 * the template variables (`code`, `locale`, ...) for receivers that render their own.
 */
export function httpSmsConnector(config: HttpSmsConfig): SmsConnector {
  return {
    connectorId: 'http-sms',
    async send({ to, text, purpose, payload }) {
      const body = JSON.stringify({ to, text, purpose, payload });
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (config.authorization) headers.authorization = config.authorization;
      if (config.signingSecret) headers[SIGNATURE_HEADER] = signBody(body, config.signingSecret);
      await postToProvider('http-sms', config.endpoint, { headers, body });
    },
  };
}
