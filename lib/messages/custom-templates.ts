import type { EmailTemplate, EmailTemplateDetails, EmailTemplateType } from '@/db/schema';

/**
 * The operator's own email templates (Logto's, `PUT /api/email-templates`): choosing one for a
 * message and filling in its `{{variables}}`.
 */

/** Every type but an invitation carries a code: a template of those without `{{code}}` would lock people out. */
export function carriesCode(type: EmailTemplateType, content: string): boolean {
  return type === 'OrganizationInvitation' || /\{\{\s*code\s*\}\}/.test(content);
}
export const MISSING_CODE = 'content must contain {{code}}: this message carries a verification code';

export type TemplateContext = {
  code: string;
  locale: string;
  expiresInMinutes?: number;
  application?: { id: string; name: string; displayName: string };
};

/**
 * The template for `locale`: its exact language tag first, then a regional variant of it
 * (`ko-KR` for `ko`), then the same for the operator's fallback language. Undefined: send the built-in one.
 */
export function pickTemplate(templates: EmailTemplate[], locale: string, fallbackLanguage: string): EmailTemplate | undefined {
  const base = (tag: string) => tag.toLowerCase().split('-')[0];
  for (const wanted of [locale, fallbackLanguage]) {
    const exact = templates.find((template) => template.languageTag.toLowerCase() === wanted.toLowerCase());
    const regional = templates.find((template) => base(template.languageTag) === base(wanted));
    if (exact ?? regional) return exact ?? regional;
  }
  return undefined;
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

/**
 * Fills `{{name}}` and `{{application.name}}` style placeholders (spaces inside the braces
 * allowed). Unknown names become empty, as in Handlebars. In HTML content every value is
 * escaped, so an app's name cannot inject markup; in a subject or sender name, line breaks are
 * dropped, so a value cannot start a new header.
 */
export function fillTemplate(template: string, context: TemplateContext, as: 'html' | 'text' | 'header'): string {
  const values: Record<string, string | undefined> = {
    code: context.code,
    locale: context.locale,
    expiresInMinutes: context.expiresInMinutes === undefined ? undefined : String(context.expiresInMinutes),
    'application.id': context.application?.id,
    'application.name': context.application?.name,
    'application.displayName': context.application?.displayName,
  };
  return template.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_, name: string) => {
    const value = values[name] ?? '';
    if (as === 'html') return escapeHtml(value);
    return as === 'header' ? value.replace(/[\r\n]+/g, ' ') : value;
  });
}

export type CustomEmail = { subject: string; text?: string; html?: string; replyTo?: string; fromName?: string };

/** An operator's template made into the parts of an email. */
export function renderCustomEmail(details: EmailTemplateDetails, context: TemplateContext): CustomEmail {
  const html = details.contentType === 'text/html';
  return {
    subject: fillTemplate(details.subject, context, 'header'),
    ...(html ? { html: fillTemplate(details.content, context, 'html') } : { text: fillTemplate(details.content, context, 'text') }),
    ...(details.replyTo ? { replyTo: fillTemplate(details.replyTo, context, 'header') } : {}),
    ...(details.sendFrom ? { fromName: fillTemplate(details.sendFrom, context, 'header') } : {}),
  };
}
