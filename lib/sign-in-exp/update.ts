import { z } from 'zod';
import { getDb } from '@/db/client';
import { assertChannelsFor } from './connectors';
import { httpUrl, signInExperienceSchema, type SignInExperience } from './schema';
import { forgetCachedSignInExperience, lockSignInExperience, saveSignInExperience } from './store';
import { validateSignInExperience } from './validate';

// Logto accepts '' for "no link" in its optional URLs and addresses.
const none = z.literal('').transform(() => null);
const optionalUrl = z.union([none, httpUrl.nullable()]);

/**
 * The body of `PATCH /api/sign-in-exp`: any top-level keys of the document, each replacing the
 * stored value whole (as Logto). Unknown keys are refused rather than ignored, so a Logto
 * setting Sesame does not have (`mfa`, `captchaPolicy`, ...) is visibly not applied.
 */
export const signInExperiencePatchSchema = signInExperienceSchema
  .extend({
    id: z.literal('default').optional(),
    termsOfUseUrl: optionalUrl,
    privacyPolicyUrl: optionalUrl,
    unknownSessionRedirectUrl: optionalUrl,
    supportWebsiteUrl: optionalUrl,
    supportEmail: z.union([none, signInExperienceSchema.shape.supportEmail]),
    customCss: z.union([none, signInExperienceSchema.shape.customCss]),
  })
  .partial()
  .strict();
export type SignInExperiencePatch = z.infer<typeof signInExperiencePatchSchema>;

/**
 * Applies a partial update: merges it over the stored document (locked, so two admins' changes
 * do not overwrite each other), validates the whole result, checks the channels the changed parts
 * rely on, stores it and returns it.
 */
export async function updateSignInExperience(patch: SignInExperiencePatch): Promise<SignInExperience> {
  const db = await getDb();
  const saved = await db.transaction(async (tx) => {
    const current = await lockSignInExperience(tx);
    const merged = signInExperienceSchema.parse({
      ...current,
      ...patch,
      id: 'default',
      // Logto keeps only targets with a social connector; Sesame has no social connectors yet.
      socialSignInConnectorTargets: [],
    });
    validateSignInExperience(merged);
    await assertChannelsFor(tx, merged, new Set(Object.keys(patch)));
    await saveSignInExperience(tx, merged);
    return merged;
  });
  forgetCachedSignInExperience();
  return saved;
}
