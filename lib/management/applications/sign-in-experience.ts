import { z } from 'zod';
import { getDb } from '@/db/client';
import { findApplicationSignInExperience, upsertApplicationSignInExperience } from '@/db/queries/application-sign-in-experiences';
import { findApplicationById } from '@/db/queries/applications';
import type { ApplicationSignInExperience } from '@/db/schema';
import { assertThat } from '@/lib/errors';
import { invalidateClient } from '@/lib/oidc/clients';
import { hexColor, httpUrl } from '@/lib/sign-in-exp/schema';
import { found } from '../errors';

const url = httpUrl.max(2048);
// As Logto: '' and null both mean "no link of its own" (the operator's shows).
const optionalUrl = z.union([z.literal('').transform(() => null), url.nullable()]);

/**
 * `PUT /api/applications/:id/sign-in-experience` (Logto's body): the whole app-level
 * experience, replaced. The terms and privacy links are required, as in Logto. Unknown keys
 * are refused; `customCss` only as null, since Sesame's pages take no custom CSS.
 */
export const applicationSignInExperienceBody = z
  .object({
    color: z.object({ primaryColor: hexColor, isDarkModeEnabled: z.boolean(), darkPrimaryColor: hexColor }).partial().strict().default({}),
    branding: z.object({ logoUrl: url, darkLogoUrl: url, favicon: url, darkFavicon: url }).partial().strict().default({}),
    displayName: z.string().trim().min(1).max(256).nullable().default(null),
    termsOfUseUrl: optionalUrl,
    privacyPolicyUrl: optionalUrl,
    customCss: z.null().optional(),
  })
  .strict();
export type ApplicationSignInExperienceBody = z.infer<typeof applicationSignInExperienceBody>;

function response(row: ApplicationSignInExperience) {
  const { applicationId, color, branding, displayName, termsOfUseUrl, privacyPolicyUrl } = row;
  return { applicationId, color, branding, customCss: null, displayName, termsOfUseUrl, privacyPolicyUrl };
}

export async function getApplicationSignInExperience(applicationId: string) {
  const db = await getDb();
  found(await findApplicationById(db, applicationId), 'application', applicationId);
  return response(found(await findApplicationSignInExperience(db, applicationId), 'application sign-in experience', applicationId));
}

/** Creates (`created`) or replaces an app's sign-in experience; its pages show it at once on this instance. */
export async function putApplicationSignInExperience(applicationId: string, { customCss: _none, ...fields }: ApplicationSignInExperienceBody) {
  const db = await getDb();
  const application = found(await findApplicationById(db, applicationId), 'application', applicationId);
  assertThat(
    application.isThirdParty,
    'application.third_party_application_only',
    400,
    'Only third-party apps have a sign-in experience of their own; first-party apps show the operator’s.',
  );
  const { row, created } = await upsertApplicationSignInExperience(db, applicationId, fields);
  invalidateClient(applicationId);
  return { body: response(row), created };
}
