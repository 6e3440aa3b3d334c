import type { MessagePurpose } from '@/lib/connectors/types';

export type RenderedMessage = { subject: string; text: string; html: string; sms: string };

/** The code's message for one purpose. Localized templates (en, ko; HTML and text) replace this. */
export function renderVerificationMessage(_purpose: MessagePurpose, _locale: string, { code }: { code: string }): RenderedMessage {
  const text = `Your verification code is ${code}. It expires in 10 minutes.`;
  return { subject: `Your verification code: ${code}`, text, html: `<p>${text}</p>`, sms: text };
}
