'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useState, useSyncExternalStore } from 'react';
import { Alert } from '@/app/_components/ui/alert';
import { Button } from '@/app/_components/ui/button';
import { SubmitButton } from '@/app/_components/ui/submit-button';
import { TextField } from '@/app/_components/ui/text-field';
import { initialFormState, type FormState } from '../_lib/form-state';
import { FormAlert } from './form-alert';
import { HiddenFields } from './hidden-fields';
import { useProblemText } from './problem-text';
import { useFocusAfterAnswer } from './use-focus-after-answer';

const subscribeNever = () => () => {};

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

export type CodeStepProps = {
  verify: Action;
  resend: Action;
  /** Sent with both forms: which verification this is (and whatever else the flow needs back). */
  hidden: Record<string, string>;
  /** Where the code went, masked. */
  sentTo: string;
  expiresInMinutes: number;
  /** Seconds until the server accepts another send (CODE_RESEND_INTERVAL_SECONDS since it left). */
  resendInSeconds: number;
  /** A new code was just sent: say so (announced politely). */
  resent?: boolean;
};

/**
 * The verification-code screen's forms: one input that phones fill from the message
 * (`autocomplete="one-time-code"`), and "Send a new code" in its own form, held back by a
 * countdown with JavaScript. The server enforces the same interval without it.
 */
export function CodeStep({ verify, resend, hidden, sentTo, expiresInMinutes, resendInSeconds, resent }: CodeStepProps) {
  const t = useTranslations('VerificationCode');
  const problemText = useProblemText();
  const [state, verifyAction] = useActionState(verify, initialFormState());
  const [resendState, resendAction] = useActionState(resend, initialFormState());
  const formError = state.formError ?? resendState.formError;
  const focusRoot = useFocusAfterAnswer(state);
  return (
    <div ref={focusRoot} className="space-y-6">
      {resent ? <Alert tone="success">{t('sentAgain')}</Alert> : null}
      <p className="text-sm text-zinc-700 dark:text-zinc-300">{t('sentTo', { address: sentTo, minutes: expiresInMinutes })}</p>
      <form action={verifyAction} noValidate className="space-y-5">
        <FormAlert problem={formError} />
        <HiddenFields values={hidden} />
        <TextField
          name="code"
          label={t('label')}
          autoComplete="one-time-code"
          inputMode="numeric"
          pattern="[0-9]*"
          maxLength={6}
          required
          autoFocus
          className="[&_input]:text-center [&_input]:font-mono [&_input]:text-xl [&_input]:tracking-[0.5em]"
          error={problemText(state.fieldErrors?.code)}
        />
        <SubmitButton variant="primary" pendingLabel={t('submitting')}>
          {t('submit')}
        </SubmitButton>
      </form>
      <form action={resendAction} className="flex flex-wrap items-center justify-center gap-x-2 text-sm text-zinc-600 dark:text-zinc-400">
        <HiddenFields values={hidden} />
        <span>{t('noCode')}</span>
        <ResendButton initialSeconds={resendInSeconds} />
      </form>
    </div>
  );
}

/** "Send a new code", or its countdown while the server would refuse (JavaScript only: the button works without it). */
function ResendButton({ initialSeconds }: { initialSeconds: number }) {
  const t = useTranslations('VerificationCode');
  const [left, setLeft] = useState(initialSeconds);
  // false in the server render (a plain working button without JavaScript), true once hydrated.
  const interactive = useSyncExternalStore(subscribeNever, () => true, () => false);
  useEffect(() => {
    if (left <= 0) return;
    const timer = setTimeout(() => setLeft((seconds) => seconds - 1), 1000);
    return () => clearTimeout(timer);
  }, [left]);
  if (interactive && left > 0) {
    return (
      <Button variant="link" type="button" aria-disabled="true" className="cursor-not-allowed text-zinc-500 no-underline dark:text-zinc-400">
        {t('resendIn', { seconds: left })}
      </Button>
    );
  }
  return (
    <SubmitButton variant="link" fullWidth={false}>
      {t('resend')}
    </SubmitButton>
  );
}
