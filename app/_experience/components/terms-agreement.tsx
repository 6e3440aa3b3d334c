import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { Checkbox } from '@/app/_components/ui/checkbox';
import type { Legal, TermsAgreement as Agreement } from '@/lib/experience/screen';

const linkClass = 'font-medium text-brand-link underline underline-offset-2';

/**
 * The agreement to the operator's terms (Logto's `agreeToTermsPolicy`): a checkbox the action
 * requires (`agreeToTerms`) for Manual, a notice with the links for Automatic, nothing when
 * there are no terms. The links open in a new tab so the form keeps what was typed.
 */
export function TermsAgreement({ mode, legal, error }: { mode: Agreement; legal: Legal; error?: string }) {
  const t = useTranslations('Terms');
  if (mode === 'none' || (!legal.termsUrl && !legal.privacyUrl)) return null;
  const which = legal.termsUrl && legal.privacyUrl ? 'Both' : legal.termsUrl ? 'Terms' : 'Privacy';
  const link = (href: string | undefined) =>
    function LegalLink(chunks: ReactNode) {
      return (
        <a href={href} target="_blank" rel="noopener noreferrer" className={linkClass}>
          {chunks}
          <span className="sr-only"> {t('opensInNewTab')}</span>
        </a>
      );
    };
  const tags = { terms: link(legal.termsUrl), privacy: link(legal.privacyUrl) };
  if (mode === 'notice') return <p className="text-sm text-zinc-600 dark:text-zinc-400">{t.rich(`notice${which}`, tags)}</p>;
  return <Checkbox name="agreeToTerms" value="on" label={t.rich(`agree${which}`, tags)} error={error} required />;
}

/** Whether the form carried the agreement a checkbox asks for. */
export const agreedToTerms = (mode: Agreement, formData: FormData) => mode !== 'checkbox' || formData.get('agreeToTerms') === 'on';
