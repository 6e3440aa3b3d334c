import { z } from 'zod';
import { getDb } from '@/db/client';
import {
  deleteEmailTemplate,
  deleteEmailTemplates,
  findEmailTemplate,
  listEmailTemplates,
  patchEmailTemplateDetails,
  upsertEmailTemplates,
} from '@/db/queries/email-templates';
import { emailTemplateTypes, type EmailTemplate } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { languageTagSchema } from '@/lib/i18n/language-tag';
import { carriesCode, MISSING_CODE } from '@/lib/messages/custom-templates';
import { generateId } from '@/lib/security/ids';
import { epochMs } from './dates';
import { assertFound, found } from './errors';

const templateType = z.enum(emailTemplateTypes);
/** A sender or reply-to line can hold a {{variable}} but never a line break (it becomes a header). */
const headerLine = z.string().trim().min(1).max(320).regex(/^[^\r\n]*$/, 'must be one line');

const detailsFields = {
  subject: headerLine,
  content: z.string().min(1).max(100_000),
  contentType: z.enum(['text/html', 'text/plain']),
  replyTo: headerLine.regex(/@/, 'must be an email address'),
  sendFrom: headerLine,
};
const details = z.object(detailsFields).partial({ contentType: true, replyTo: true, sendFrom: true }).strict();

const template = z
  .object({ languageTag: languageTagSchema, templateType, details })
  .refine((value) => carriesCode(value.templateType, value.details.content), { message: MISSING_CODE, path: ['details', 'content'] });

/** `PUT /api/email-templates` (Logto's body): each language and purpose once. */
export const putEmailTemplatesBody = z.object({
  templates: z
    .array(template)
    .min(1)
    .max(100)
    .refine((list) => new Set(list.map((item) => `${item.languageTag} ${item.templateType}`)).size === list.length, 'each language and type may appear once'),
});

/** `PATCH /api/email-templates/:id/details`: the fields to change. */
export const patchDetailsBody = z.object(detailsFields).partial().strict();

export const emailTemplateFilter = z.object({ languageTag: languageTagSchema.optional(), templateType: templateType.optional() });

function response({ id, languageTag, templateType, details, createdAt }: EmailTemplate) {
  return { id, languageTag, templateType, details, createdAt: epochMs(createdAt) };
}

/** Creates or replaces the templates by (language, type). */
export async function putEmailTemplates({ templates }: z.infer<typeof putEmailTemplatesBody>) {
  const rows = await upsertEmailTemplates(
    await getDb(),
    templates.map((item) => ({ id: generateId(), ...item })),
  );
  return rows.map(response);
}

export async function listEmailTemplatePage(filter: z.infer<typeof emailTemplateFilter>) {
  return (await listEmailTemplates(await getDb(), filter)).map(response);
}

export async function getEmailTemplate(id: string) {
  return response(found(await findEmailTemplate(await getDb(), id), 'email template', id));
}

export async function removeEmailTemplate(id: string): Promise<void> {
  assertFound(await deleteEmailTemplate(await getDb(), id), 'email template', id);
}

/** Logto's bulk delete: at least one filter, so a bare DELETE cannot wipe every template. */
export async function removeEmailTemplates(filter: z.infer<typeof emailTemplateFilter>): Promise<{ rowCount: number }> {
  if (!filter.languageTag && !filter.templateType) {
    throw new AppError('guard.invalid_input', 422, 'Name a languageTag, a templateType or both: a bulk delete without a filter is refused.');
  }
  return { rowCount: await deleteEmailTemplates(await getDb(), filter) };
}

/** Changes some details; the result still has to carry `{{code}}` where its type sends one. */
export async function patchEmailTemplate(id: string, patch: z.infer<typeof patchDetailsBody>) {
  const db = await getDb();
  const current = found(await findEmailTemplate(db, id), 'email template', id);
  if (patch.content !== undefined && !carriesCode(current.templateType, patch.content)) throw new AppError('guard.invalid_input', 400, MISSING_CODE);
  return response(found(await patchEmailTemplateDetails(db, id, patch), 'email template', id));
}
