import { isIP } from 'node:net';
import nodemailer from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser';
import { z } from 'zod';
import { PROVIDER_TIMEOUT_MS, deliveryFailed, resolvePublicHost } from '../outbound';
import { emailTemplatesConfigSchema } from '../templates';
import type { EmailConnector } from '../types';

/** Logto's SMTP connector fields that matter for delivery (`host`, `port`, `auth`, `fromEmail`, `secure`). */
export const smtpConfigSchema = z
  .object({
    host: z.string().trim().min(1).max(253),
    port: z.number().int().min(1).max(65_535).default(587),
    /** Implicit TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
    secure: z.boolean().optional(),
    /** Refuse to go on (and to send the password) unless the server upgrades to TLS with STARTTLS. */
    requireTLS: z.boolean().optional(),
    auth: z.object({ user: z.string().min(1).max(320), pass: z.string().min(1).max(1024) }).optional(),
    /** `no-reply@example.com` or `Example <no-reply@example.com>`. */
    fromEmail: z.string().trim().min(3).max(320).regex(/@/, 'must contain an email address'),
    /** Logto's per-purpose templates (../templates.ts); without one, Sesame's built-in message. */
    templates: emailTemplatesConfigSchema.optional(),
  })
  .strict();

export type SmtpConfig = z.infer<typeof smtpConfigSchema>;

/** `SMTP_URL` (`smtp[s]://user:pass@host:port`) and `EMAIL_FROM` in the connector's own shape. */
export function smtpConfigFromUrl(url: string, fromEmail: string): SmtpConfig {
  const parsed = new URL(url);
  const secure = parsed.protocol === 'smtps:';
  const auth = parsed.username ? { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) } : undefined;
  return smtpConfigSchema.parse({
    host: parsed.hostname.replace(/^\[|\]$/g, ''),
    port: parsed.port ? Number(parsed.port) : secure ? 465 : 587,
    secure,
    auth: auth?.pass ? auth : undefined,
    fromEmail,
  });
}

/** The bare address of a configured sender (`Acme <no-reply@acme.test>` → `no-reply@acme.test`), to put a template's sender name on. */
function senderAddress(fromEmail: string): string {
  const [first] = addressparser(fromEmail, { flatten: true });
  return first?.address || fromEmail;
}

export function smtpEmailConnector(config: SmtpConfig): EmailConnector {
  return {
    connectorId: 'smtp',
    ...(config.templates ? { templates: config.templates } : {}),
    async send({ to, subject, text, html, replyTo, fromName }) {
      const address = await resolvePublicHost('smtp', config.host);
      const transport = nodemailer.createTransport({
        host: address,
        port: config.port,
        secure: config.secure ?? config.port === 465,
        auth: config.auth,
        requireTLS: config.requireTLS,
        // TLS (SNI and certificate checks) still speaks to the configured name, not the address.
        servername: isIP(config.host) ? undefined : config.host,
        connectionTimeout: PROVIDER_TIMEOUT_MS,
        greetingTimeout: PROVIDER_TIMEOUT_MS,
        socketTimeout: PROVIDER_TIMEOUT_MS,
        dnsTimeout: PROVIDER_TIMEOUT_MS,
        logger: false,
        debug: false,
      });
      try {
        const from = fromName ? { name: fromName, address: senderAddress(config.fromEmail) } : config.fromEmail;
        await transport.sendMail({ from, to, subject, text, ...(html ? { html } : {}), ...(replyTo ? { replyTo } : {}) });
      } catch (error) {
        const { code, responseCode } = error as { code?: string; responseCode?: number };
        throw deliveryFailed('smtp', `SMTP error ${responseCode ?? code ?? 'unknown'}`, { smtpCode: code, responseCode }, error);
      } finally {
        transport.close();
      }
    },
  };
}
