import { z } from 'zod';
import { applicationTypes, type ApplicationType } from '@/db/schema';
import { isBackchannelLogoutUri, isOrigin, redirectUriProblem } from './redirect-uris';

const uri = z.string().max(2048);
const uriList = z.array(uri).max(50);

const backchannelLogoutUri = uri.refine(isBackchannelLogoutUri, 'must be an absolute http(s) URI without a fragment');
const logoUri = z.url({ protocol: /^https?$/ }).max(2048);

const oidcClientMetadataFields = z.object({
  redirectUris: uriList,
  postLogoutRedirectUris: uriList,
  backchannelLogoutUri: backchannelLogoutUri.optional(),
  backchannelLogoutSessionRequired: z.boolean().optional(),
  logoUri: logoUri.optional(),
});

/** Input: any subset; `null` removes an optional field. */
export const oidcClientMetadataInput = oidcClientMetadataFields
  .partial()
  .extend({ backchannelLogoutUri: backchannelLogoutUri.nullable().optional(), logoUri: logoUri.nullable().optional() });

/** The stored metadata, checked against the rules of the app's type. */
export function oidcClientMetadataFor(type: ApplicationType) {
  return oidcClientMetadataFields.superRefine((metadata, context) => {
    for (const field of ['redirectUris', 'postLogoutRedirectUris'] as const) {
      metadata[field].forEach((value, index) => {
        const problem = redirectUriProblem(value, type);
        if (problem) context.addIssue({ code: 'custom', path: ['oidcClientMetadata', field, index], message: `${value} ${problem}` });
      });
    }
  });
}

export const customClientMetadataInput = z
  .object({
    idTokenTtl: z.number().int().min(60).max(86_400),
    refreshTokenTtlInDays: z.number().int().min(1).max(180),
    alwaysIssueRefreshToken: z.boolean(),
    rotateRefreshToken: z.boolean(),
    corsAllowedOrigins: z.array(z.string().refine(isOrigin, 'must be an origin such as https://app.example.com')).max(50),
  })
  .partial();

const jsonObject = z.record(z.string(), z.unknown());
const name = z.string().trim().min(1).max(256);
const description = z.string().max(2048).nullable();

export const createApplicationBody = z.object({
  name,
  description: description.optional(),
  type: z.enum(applicationTypes),
  oidcClientMetadata: oidcClientMetadataInput.optional(),
  customClientMetadata: customClientMetadataInput.optional(),
  customData: jsonObject.optional(),
  isThirdParty: z.boolean().optional(),
});

/** `type` and `isThirdParty` are fixed at creation; unknown keys are ignored, as in Logto. */
export const updateApplicationBody = z.object({
  name: name.optional(),
  description: description.optional(),
  oidcClientMetadata: oidcClientMetadataInput.optional(),
  customClientMetadata: customClientMetadataInput.optional(),
  customData: jsonObject.optional(),
});

export type CreateApplicationBody = z.infer<typeof createApplicationBody>;
export type UpdateApplicationBody = z.infer<typeof updateApplicationBody>;
