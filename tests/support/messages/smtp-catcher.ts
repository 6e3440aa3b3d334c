import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort } from '../free-port';
import { waitFor } from '../wait-for';

export type CaughtEmail = {
  /** Envelope recipients (RCPT TO), lower-cased. */
  to: string[];
  from: string;
  /** The Reply-To header, '' when there is none. */
  replyTo: string;
  subject: string;
  text: string;
  html: string;
  /** The `lang` of the HTML body, when there is one. */
  receivedAt: Date;
};

export type SmtpCatcher = {
  host: '127.0.0.1';
  port: number;
  /** `smtp://[user:pass@]127.0.0.1:port`, ready for `SMTP_URL`. */
  url: string;
  /** The config for `POST /api/connectors {connectorId: 'smtp', config}`. */
  connectorConfig: (fromEmail?: string) => Record<string, unknown>;
  messages: CaughtEmail[];
  /** The newest email to `to` received after `since` (default: any), waiting up to `timeoutMs`. */
  waitForEmail: (to: string, options?: { since?: Date; timeoutMs?: number }) => Promise<CaughtEmail>;
  /** The first 6-digit code in the newest email to `to`. */
  waitForCode: (to: string, options?: { since?: Date; timeoutMs?: number }) => Promise<string>;
  close: () => Promise<void>;
};

/**
 * A real SMTP server on 127.0.0.1 that keeps what it receives, parsed with mailparser.
 * Plain SMTP (no STARTTLS); with `auth`, only those credentials are accepted.
 * Sesame must run with ALLOW_PRIVATE_OUTBOUND=1 to deliver to it.
 */
export async function startSmtpCatcher(options: { auth?: { user: string; pass: string } } = {}): Promise<SmtpCatcher> {
  const messages: CaughtEmail[] = [];
  const { auth } = options;
  const server = new SMTPServer({
    secure: false,
    hideSTARTTLS: true,
    logger: false,
    authOptional: !auth,
    allowInsecureAuth: true,
    disabledCommands: auth ? [] : ['AUTH'],
    onAuth(credentials, _session, callback) {
      if (auth && credentials.username === auth.user && credentials.password === auth.pass) callback(null, { user: auth.user });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          messages.push({
            to: session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase()),
            from: parsed.from?.text ?? '',
            replyTo: parsed.replyTo?.text ?? '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            receivedAt: new Date(),
          });
          callback();
        })
        .catch(callback);
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const credentials = auth ? `${encodeURIComponent(auth.user)}:${encodeURIComponent(auth.pass)}@` : '';

  const waitForEmail: SmtpCatcher['waitForEmail'] = (to, { since, timeoutMs = 10_000 } = {}) =>
    waitFor(
      `an email to ${to}`,
      async () =>
        messages.findLast((message) => message.to.includes(to.toLowerCase()) && (!since || message.receivedAt >= since)),
      { timeoutMs, intervalMs: 50 },
    );

  return {
    host: '127.0.0.1',
    port,
    url: `smtp://${credentials}127.0.0.1:${port}`,
    connectorConfig: (fromEmail = 'Sesame <no-reply@sesame.test>') => ({
      host: '127.0.0.1',
      port,
      secure: false,
      ...(auth ? { auth } : {}),
      fromEmail,
    }),
    messages,
    waitForEmail,
    async waitForCode(to, options) {
      const email = await waitForEmail(to, options);
      const code = email.text.match(/\b(\d{6})\b/)?.[1];
      if (!code) throw new Error(`The email to ${to} has no 6-digit code`);
      return code;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
