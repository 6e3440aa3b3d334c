import type { User } from '@/db/schema';

/** Logto's scope → claim table (reference §1.3), for the scopes Sesame supports today. */
export const SCOPE_CLAIMS: Record<string, readonly string[]> = {
  profile: [
    'name', 'family_name', 'given_name', 'middle_name', 'nickname', 'preferred_username', 'profile', 'picture',
    'website', 'gender', 'birthdate', 'zoneinfo', 'locale', 'updated_at', 'username', 'created_at',
  ],
  email: ['email', 'email_verified'],
  phone: ['phone_number', 'phone_number_verified'],
  address: ['address'],
  custom_data: ['custom_data'],
  roles: ['roles'],
};

export const SUPPORTED_SCOPES = ['openid', 'offline_access', ...Object.keys(SCOPE_CLAIMS)];

export const SUPPORTED_CLAIMS = ['sub', 'iss', 'aud', 'exp', 'iat', 'auth_time', 'nonce', 'sid', ...Object.values(SCOPE_CLAIMS).flat()];

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/** Every claim value we can state about a user; `roles` is passed in because it needs a query. */
function allClaims(user: User, roleNames: string[]): Record<string, unknown> {
  const p = user.profile;
  return {
    name: user.name,
    family_name: p.familyName,
    given_name: p.givenName,
    middle_name: p.middleName,
    nickname: p.nickname,
    preferred_username: p.preferredUsername ?? user.username,
    profile: p.profile,
    picture: user.avatar,
    website: p.website,
    gender: p.gender,
    birthdate: p.birthdate,
    zoneinfo: p.zoneinfo,
    locale: p.locale,
    updated_at: seconds(user.updatedAt),
    username: user.username,
    created_at: seconds(user.createdAt),
    email: user.primaryEmail,
    // Sesame only stores an email or phone once it is verified (or set by an operator).
    email_verified: user.primaryEmail ? true : undefined,
    phone_number: user.primaryPhone,
    phone_number_verified: user.primaryPhone ? true : undefined,
    address: p.address,
    custom_data: user.customData,
    roles: roleNames,
  };
}

/** The claims of the granted scopes, leaving out what the user does not have (OIDC Core §5.3.2). */
export function claimsForScopes(user: User, scopes: string[], roleNames: string[] = []): Record<string, unknown> {
  const values = allClaims(user, roleNames);
  const claims: Record<string, unknown> = {};
  for (const scope of scopes) {
    for (const claim of SCOPE_CLAIMS[scope] ?? []) {
      const value = values[claim];
      if (value !== undefined && value !== null) claims[claim] = value;
    }
  }
  return claims;
}
