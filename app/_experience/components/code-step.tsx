import { useTranslations } from 'next-intl';
import { Alert } from '@/app/_components/ui/alert';
import { Button } from '@/app/_components/ui/button';
import { TextField } from '@/app/_components/ui/text-field';
import type { FormState } from '../form-state';
import { FormAlert } from './form-alert';
import { HiddenFields } from './hidden-fields';
import { useProblemText } from './problem-text';

export type CodeStepProps = {
  /** The answer to the last post (a wrong code, a refused resend), or nothing yet. */
  state?: FormState;
  /** Sent with both forms: which verification this is. */
  hidden: Record<string, string>;
  /** Where the code went, masked. */
  sentTo: string;
  expiresInMinutes: number;
  /** How long until the server sends another code to this address (0: now); experience.js counts it down on the button. */
  resendInSeconds: number;
  /** A new code was just sent: say so (announced politely). */
  resent?: boolean;
};

/**
 * The verification-code screen's forms: one input that phones fill from the message
 * (`autocomplete="one-time-code"`), and "Send a new code" in its own form (`intent=resend`).
 * The server holds a resend back until the recipient's send limit allows it and says how long to
 * wait; with JavaScript, the button counts that time down (`data-resend-in`, the label to count
 * with in `data-countdown-label`) and stays inert until then.
 */
export function CodeStep({ state, hidden, sentTo, expiresInMinutes, resendInSeconds, resent }: CodeStepProps) {
  const t = useTranslations('VerificationCode');
  const problemText = useProblemText();
  const codeError = problemText(state?.fieldErrors?.code);
  return (
    <div className="space-y-6">
      {resent && !state ? <Alert tone="success">{t('sentAgain')}</Alert> : null}
      <p className="text-sm text-zinc-700 dark:text-zinc-300">{t('sentTo', { address: sentTo, minutes: expiresInMinutes })}</p>
      <form method="post" noValidate className="space-y-5">
        <FormAlert problem={state?.formError} />
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
          error={codeError}
        />
        <Button type="submit" name="intent" value="verify" variant="primary">
          {t('submit')}
        </Button>
      </form>
      <form method="post" className="flex flex-wrap items-center justify-center gap-x-2 text-sm text-zinc-600 dark:text-zinc-400">
        <HiddenFields values={hidden} />
        <span>{t('noCode')}</span>
        <Button
          type="submit"
          name="intent"
          value="resend"
          variant="link"
          className="tabular-nums aria-disabled:data-counting:cursor-not-allowed data-counting:text-zinc-600 data-counting:no-underline dark:data-counting:text-zinc-400"
          data-resend-in={resendInSeconds > 0 ? resendInSeconds : undefined}
          data-countdown-label={resendInSeconds > 0 ? t('resendIn', { time: '{time}' }) : undefined}
        >
          {t('resend')}
        </Button>
      </form>
    </div>
  );
}
