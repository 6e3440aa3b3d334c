import { useLocale, useTranslations } from 'next-intl';
import { Button } from '@/app/_components/ui/button';
import { PasswordField } from '@/app/_components/ui/password-field';
import type { Legal, SignInScreen } from '@/lib/experience/screen';
import { localizedPath } from '@/lib/i18n/localized-path';
import type { Locale } from '@/lib/i18n/routing';
import { ChosenIdentifier } from '../components/chosen-identifier';
import { ExperienceLink } from '../components/experience-link';
import { FormAlert } from '../components/form-alert';
import { HiddenFields } from '../components/hidden-fields';
import { IdentifierField } from '../components/identifier-field';
import { useProblemText } from '../components/problem-text';
import { linkClassName } from '../components/secondary-links';
import { TermsAgreement } from '../components/terms-agreement';
import type { SignInState } from './actions';

/**
 * The sign-in form. Identifier-first (DESIGN.md): the identifier, then the password with the
 * chosen identifier shown and "Change"; or both on one form when a password is the only way.
 * A code-first identifier leaves for the code page. Plain form posts (`intent` names the button).
 */
export function SignInFlow({ screen, legal, state }: { screen: SignInScreen; legal: Legal; state: SignInState }) {
  const t = useTranslations('SignIn');
  const experience = useTranslations('Experience');
  const problemText = useProblemText();
  const locale = useLocale() as Locale;
  const { values, fieldErrors = {} } = state;
  const terms = <TermsAgreement mode={screen.terms} legal={legal} error={problemText(fieldErrors.agreeToTerms)} />;

  if (state.step === 'identifier') {
    return (
      <form method="post" noValidate className="space-y-5">
        <FormAlert problem={state.formError} />
        <input type="hidden" name="intent" value="identifier" />
        <IdentifierField types={screen.identifiers} defaultValue={values.identifier} error={fieldErrors.identifier} autoFocus />
        {terms}
        <Button type="submit" variant="primary">
          {experience('continue')}
        </Button>
      </form>
    );
  }

  // On the one-form screen the identifier is typed beside the password: a plain link.
  const forgot = screen.forgotPassword ? (
    <ExperienceLink href="/forgot-password" className={linkClassName}>
      {t('forgotPassword')}
    </ExperienceLink>
  ) : undefined;
  const passwordError = problemText(fieldErrors.password);
  const carried = { identifier: values.identifier ?? '', ...(values.agreeToTerms ? { agreeToTerms: 'on' } : {}) };

  if (!screen.identifierFirst) {
    return (
      <form method="post" noValidate className="space-y-5">
        <FormAlert problem={state.formError} />
        <input type="hidden" name="intent" value="password" />
        <IdentifierField types={screen.identifiers} defaultValue={values.identifier} error={fieldErrors.identifier} autoFocus={!values.identifier} />
        <PasswordField name="password" label={t('passwordLabel')} autoComplete="current-password" required autoFocus={Boolean(values.identifier)} labelAside={forgot} error={passwordError} />
        {terms}
        <Button type="submit" variant="primary">
          {t('submit')}
        </Button>
      </form>
    );
  }

  const typed = values.identifier ?? '';
  const method = screen.methods[values.identifierType as keyof SignInScreen['methods']];
  // Here the identifier is known: "Forgot password?" posts it (its own form, so the password is never sent along) to fill the reset form.
  const forgotWithIdentifier = screen.forgotPassword ? (
    <button type="submit" form="forgot-password" name="intent" value="prefill" className={linkClassName}>
      {t('forgotPassword')}
    </button>
  ) : undefined;
  return (
    <div className="space-y-5">
      <ChosenIdentifier label={experience('signedInAs')} identifier={typed} carried={carried} />
      <form method="post" noValidate className="space-y-5">
        <FormAlert problem={state.formError} />
        <HiddenFields values={carried} />
        <input type="hidden" name="intent" value="password" />
        {/* For password managers: the account this password belongs to. */}
        <input type="text" name="username" autoComplete="username" value={typed} readOnly hidden />
        <PasswordField name="password" label={t('passwordLabel')} autoComplete="current-password" required autoFocus labelAside={forgotWithIdentifier} error={passwordError} />
        <Button type="submit" variant="primary">
          {t('submit')}
        </Button>
      </form>
      {screen.forgotPassword ? (
        <form id="forgot-password" method="post" action={localizedPath(locale, '/forgot-password')} hidden>
          <input type="hidden" name="identifier" value={typed} />
        </form>
      ) : null}
      {method?.code ? (
        <form method="post" className="text-center">
          <HiddenFields values={carried} />
          <Button type="submit" name="intent" value="code" variant="link" className="text-sm">
            {t('useCode')}
          </Button>
        </form>
      ) : null}
    </div>
  );
}
