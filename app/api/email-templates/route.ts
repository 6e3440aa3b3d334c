import { readJson } from '@/lib/http/handle-route';
import { emailTemplateFilter, listEmailTemplatePage, putEmailTemplates, putEmailTemplatesBody, removeEmailTemplates } from '@/lib/management/email-templates';
import { json, managementRoute, readQuery } from '@/lib/management/route';

/** GET /api/email-templates[?languageTag=&templateType=] — the operator's email templates (as Logto). */
export const GET = managementRoute(async (request) => json(await listEmailTemplatePage(readQuery(request, emailTemplateFilter))));

/** PUT /api/email-templates — creates or replaces templates by language and type. */
export const PUT = managementRoute(async (request) => json(await putEmailTemplates(await readJson(request, putEmailTemplatesBody))));

/** DELETE /api/email-templates?languageTag=&templateType= — at least one filter; answers `{rowCount}`. */
export const DELETE = managementRoute(async (request) => json(await removeEmailTemplates(readQuery(request, emailTemplateFilter))));
