import { describe, expect, it } from 'vitest';
import type { ApplicationSignInExperience } from '@/db/schema';
import { applicationDisplayName, forApplication } from './application';
import { defaultSignInExperience, type SignInExperience } from './schema';

const operator: SignInExperience = {
  ...defaultSignInExperience,
  color: { primaryColor: '#111111', isDarkModeEnabled: true, darkPrimaryColor: '#222222' },
  branding: { logoUrl: 'https://op.example/logo.png', darkLogoUrl: 'https://op.example/dark.png', favicon: 'https://op.example/icon.png', darkFavicon: null },
  termsOfUseUrl: 'https://op.example/terms',
  privacyPolicyUrl: 'https://op.example/privacy',
};

const app = (fields: Partial<ApplicationSignInExperience>): ApplicationSignInExperience => ({
  applicationId: 'app',
  color: {},
  branding: {},
  displayName: null,
  termsOfUseUrl: null,
  privacyPolicyUrl: null,
  createdAt: new Date(),
  updatedAt: new Date(),
  ...fields,
});

describe('forApplication', () => {
  it('leaves the operator’s configuration alone for an app without a look of its own', () => {
    expect(forApplication(operator, null)).toBe(operator);
    expect(forApplication(operator, app({}))).toEqual(operator);
  });

  it('takes the app’s logos as a pair, so dark mode never shows the operator’s logo for the app', () => {
    const merged = forApplication(operator, app({ branding: { logoUrl: 'https://app.example/logo.png' } }));
    expect(merged.branding).toEqual({ logoUrl: 'https://app.example/logo.png', darkLogoUrl: null, favicon: 'https://op.example/icon.png', darkFavicon: null });
  });

  it('takes the app’s colour, in dark mode too when it names none for it', () => {
    expect(forApplication(operator, app({ color: { primaryColor: '#0a7d33' } })).color).toEqual({
      primaryColor: '#0a7d33',
      isDarkModeEnabled: true,
      darkPrimaryColor: '#0a7d33',
    });
    expect(forApplication(operator, app({ color: { primaryColor: '#0a7d33', isDarkModeEnabled: true, darkPrimaryColor: '#4ade80' } })).color.darkPrimaryColor).toBe('#4ade80');
    // A dark colour alone is not a brand: the operator's pair stays.
    expect(forApplication(operator, app({ color: { darkPrimaryColor: '#4ade80' } })).color).toEqual(operator.color);
  });

  it('shows the app’s terms and privacy links where it has them, the operator’s otherwise', () => {
    const merged = forApplication(operator, app({ termsOfUseUrl: 'https://app.example/terms' }));
    expect([merged.termsOfUseUrl, merged.privacyPolicyUrl]).toEqual(['https://app.example/terms', 'https://op.example/privacy']);
  });

  it('never changes how people sign in', () => {
    const merged = forApplication(operator, app({ displayName: 'Partner', color: { primaryColor: '#0a7d33' } }));
    const { color: _c, branding: _b, termsOfUseUrl: _t, privacyPolicyUrl: _p, ...rules } = merged;
    const { color: _oc, branding: _ob, termsOfUseUrl: _ot, privacyPolicyUrl: _op, ...operatorRules } = operator;
    expect(rules).toEqual(operatorRules);
  });
});

describe('applicationDisplayName', () => {
  it('is the display name the app set, or its name', () => {
    expect(applicationDisplayName({ name: 'cal-prod', signInExperience: app({ displayName: 'Partner Calendar' }) })).toBe('Partner Calendar');
    expect(applicationDisplayName({ name: 'cal-prod', signInExperience: null })).toBe('cal-prod');
  });
});
