import { z } from 'zod';
import { emailTemplateTypes, type EmailTemplateType } from '@/db/schema';
import { carriesCode, MISSING_CODE } from '@/lib/messages/custom-templates';

/**
 * Message templates kept in a connector's config, as Logto's connectors keep them
 * (`templates: [{usageType, content}]`, email ones with a `subject`): one per purpose, with
 * `{{variables}}` (lib/messages/custom-templates.ts). An email's per-language templates
 * (`/api/email-templates`) come first; these serve every language.
 */
const usageType = z.enum(emailTemplateTypes);
const withCode = (template: { usageType: EmailTemplateType; content: string }) => carriesCode(template.usageType, template.content);
const codeRule = { message: MISSING_CODE, path: ['content'] };
const oneEach = (templates: Array<{ usageType: string }>) => new Set(templates.map((template) => template.usageType)).size === templates.length;

export const smsTemplatesSchema = z
  .array(z.object({ usageType, content: z.string().min(1).max(1600) }).strict().refine(withCode, codeRule))
  .max(emailTemplateTypes.length)
  .refine(oneEach, 'each usageType may appear once');

export const emailTemplatesConfigSchema = z
  .array(
    z
      .object({
        usageType,
        subject: z.string().trim().min(1).max(320).regex(/^[^\r\n]*$/, 'must be one line'),
        content: z.string().min(1).max(100_000),
        contentType: z.enum(['text/html', 'text/plain']).optional(),
      })
      .strict()
      .refine(withCode, codeRule),
  )
  .max(emailTemplateTypes.length)
  .refine(oneEach, 'each usageType may appear once');

export type SmsTemplate = z.infer<typeof smsTemplatesSchema>[number];
export type EmailConnectorTemplate = z.infer<typeof emailTemplatesConfigSchema>[number];

/** A connector's own template for the purpose, if it has one. */
export function templateFor<T extends { usageType: string }>(templates: T[] | undefined, purpose: string): T | undefined {
  return templates?.find((template) => template.usageType === purpose);
}
