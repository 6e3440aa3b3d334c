import type { Executor } from '@/db/client';
import { findClient } from '@/lib/oidc/clients';
import { forApplication } from './application';
import { availableChannels } from './connectors';
import { describeProfileField } from './profile-fields';
import { getProfileFields } from './profile-fields-store';
import { getSignInExperience } from './store';

/**
 * `GET /api/.well-known/sign-in-exp`: what a custom sign-in UI needs to render, as Logto's
 * public document — the configuration, plus which password-reset channels can deliver now and
 * the (for now empty) social and SSO connector lists. Built field by field, so a setting added
 * later for the server's eyes only (`sentinelPolicy`) is not published by accident. With `appId`, a third-party
 * app's own logo, colours and terms links replace the operator's, as its pages show them
 * (an unknown id, or an app without its own, changes nothing).
 */
export async function publicSignInExperience(db: Executor, appId?: string) {
  const [config, channels, application, profileFields] = await Promise.all([
    getSignInExperience(db),
    availableChannels(db),
    appId ? findClient(appId) : undefined,
    getProfileFields(db),
  ]);
  const experience = forApplication(config, application?.signInExperience);
  return {
    id: experience.id,
    signInMode: experience.signInMode,
    signIn: experience.signIn,
    signUp: experience.signUp,
    passwordPolicy: experience.passwordPolicy,
    forgotPasswordMethods: experience.forgotPasswordMethods,
    termsOfUseUrl: experience.termsOfUseUrl,
    privacyPolicyUrl: experience.privacyPolicyUrl,
    agreeToTermsPolicy: experience.agreeToTermsPolicy,
    verificationCodePolicy: experience.verificationCodePolicy,
    color: experience.color,
    branding: experience.branding,
    languageInfo: experience.languageInfo,
    unknownSessionRedirectUrl: experience.unknownSessionRedirectUrl,
    supportEmail: experience.supportEmail,
    supportWebsiteUrl: experience.supportWebsiteUrl,
    hideLogtoBranding: experience.hideLogtoBranding,
    customCss: experience.customCss,
    socialSignInConnectorTargets: experience.socialSignInConnectorTargets,
    singleSignOnEnabled: experience.singleSignOnEnabled,
    customProfileFields: profileFields.map(describeProfileField),
    socialConnectors: [],
    ssoConnectors: [],
    forgotPassword: {
      email: channels.email && experience.forgotPasswordMethods.includes('EmailVerificationCode'),
      phone: channels.phone && experience.forgotPasswordMethods.includes('PhoneVerificationCode'),
    },
  };
}
