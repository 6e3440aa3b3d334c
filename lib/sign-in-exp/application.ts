import type { ApplicationSignInExperience } from '@/db/schema';
import type { SignInExperience } from './schema';

/**
 * The operator's configuration as one third-party app's pages show it (Logto's
 * application-level sign-in experience): the app's logo, colours and terms and privacy links
 * where it set them, the operator's otherwise. Logos, tab icons and colours are taken in
 * pairs, so dark mode never shows one brand's logo beside the other's colour. Sign-in methods,
 * policies and everything else stay the operator's.
 */
export function forApplication(config: SignInExperience, app: ApplicationSignInExperience | null | undefined): SignInExperience {
  if (!app) return config;
  const { branding, color } = app;
  const ownLogo = Boolean(branding.logoUrl || branding.darkLogoUrl);
  const ownIcon = Boolean(branding.favicon || branding.darkFavicon);
  return {
    ...config,
    color: color.primaryColor
      ? {
          primaryColor: color.primaryColor,
          isDarkModeEnabled: color.isDarkModeEnabled ?? config.color.isDarkModeEnabled,
          darkPrimaryColor: color.darkPrimaryColor ?? color.primaryColor,
        }
      : config.color,
    branding: {
      logoUrl: ownLogo ? (branding.logoUrl ?? null) : config.branding.logoUrl,
      darkLogoUrl: ownLogo ? (branding.darkLogoUrl ?? null) : config.branding.darkLogoUrl,
      favicon: ownIcon ? (branding.favicon ?? null) : config.branding.favicon,
      darkFavicon: ownIcon ? (branding.darkFavicon ?? null) : config.branding.darkFavicon,
    },
    termsOfUseUrl: app.termsOfUseUrl ?? config.termsOfUseUrl,
    privacyPolicyUrl: app.privacyPolicyUrl ?? config.privacyPolicyUrl,
  };
}

/** What the pages call the app: its display name when it set one. */
export function applicationDisplayName(application: { name: string; signInExperience: ApplicationSignInExperience | null }): string {
  return application.signInExperience?.displayName ?? application.name;
}
