import type { IdentifierType } from '@/lib/experience/identifier';

/** Logto's `missingProfile` entries this page can ask for, in the order it asks. */
export const profileFields = ['username', 'email', 'phone', 'emailOrPhone', 'password', 'extraProfile'] as const;
export type ProfileField = (typeof profileFields)[number];

/** The field to ask for first from `?missing=` (space separated); undefined when none is known. */
export function firstMissing(missing: string | undefined): ProfileField | undefined {
  const listed = (missing ?? '').split(/[\s,]+/);
  return profileFields.find((field) => listed.includes(field));
}

/** The identifier types an address field accepts for a missing email, phone, or either. */
export const addressTypes = (field: Exclude<ProfileField, 'extraProfile'>): IdentifierType[] =>
  field === 'emailOrPhone' ? ['email', 'phone'] : field === 'email' ? ['email'] : ['phone'];

/** The form name of a profile field's input: prefixed, so no field name can collide with the form's own inputs. */
export const profileInputName = (name: string) => `profile.${name}`;
