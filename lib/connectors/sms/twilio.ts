import { z } from 'zod';
import { postToProvider } from '../outbound';
import { smsTemplatesSchema } from '../templates';
import type { SmsConnector } from '../types';

export const TWILIO_API_BASE = 'https://api.twilio.com';

/** Logto's Twilio connector fields (`accountSID`, `authToken`, `fromMessagingServiceSID`), plus the API base for tests. */
export const twilioSmsConfigSchema = z
  .object({
    accountSID: z.string().regex(/^AC[0-9a-zA-Z]{32}$/, 'must be a Twilio account SID (AC + 32 characters)'),
    authToken: z.string().min(16).max(256),
    /** A sender phone number (E.164) or a Messaging Service SID (`MG…`). */
    fromMessagingServiceSID: z.string().regex(/^(\+[1-9]\d{1,14}|MG[0-9a-zA-Z]{32})$/, 'must be an E.164 number or a Messaging Service SID'),
    /** Where Twilio's API lives; only changed to point tests at a local fake. */
    apiBaseUrl: z
      .string()
      .url()
      .refine((value) => /^https?:\/\//i.test(value), 'must be an http(s) URL')
      .optional(),
    /** Logto's per-purpose templates (../templates.ts); without one, Sesame's built-in message. */
    templates: smsTemplatesSchema.optional(),
  })
  .strict();

export type TwilioSmsConfig = z.infer<typeof twilioSmsConfigSchema>;

/** Twilio's Messages API: a form-encoded POST with HTTP Basic auth (account SID : auth token). */
export function twilioSmsConnector(config: TwilioSmsConfig): SmsConnector {
  return {
    connectorId: 'twilio-sms',
    ...(config.templates ? { templates: config.templates } : {}),
    async send({ to, text }) {
      const base = (config.apiBaseUrl ?? TWILIO_API_BASE).replace(/\/+$/, '');
      const url = `${base}/2010-04-01/Accounts/${encodeURIComponent(config.accountSID)}/Messages.json`;
      const sender = config.fromMessagingServiceSID;
      const form = new URLSearchParams({ To: to, Body: text, [sender.startsWith('MG') ? 'MessagingServiceSid' : 'From']: sender });
      const basic = Buffer.from(`${config.accountSID}:${config.authToken}`).toString('base64');
      await postToProvider('twilio-sms', url, {
        headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
      });
    },
  };
}
