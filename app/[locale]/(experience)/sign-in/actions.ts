'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { identifierFromInput } from '@/lib/experience/identifier';
import { loadExperience } from '@/lib/experience/interaction';
import { signInWithPassword } from '@/lib/experience/password-sign-in';
import { AppError } from '@/lib/errors';
import { interactionCookieName } from '@/lib/oidc/interaction';

/** What the action hands back to the form: codes to localize, never English sentences. */
export type SignInFormState = {
  identifier: string;
  fieldErrors?: Partial<Record<'identifier' | 'password', string>>;
  formError?: { code: string; values?: Record<string, number> };
};

// Issue messages are error codes, localized by the form as `Errors.<code>`.
const formSchema = z.object({
  identifier: z.string().trim().min(1, 'form.identifier_required').max(256, 'form.too_long'),
  password: z.string().min(1, 'form.password_required').max(1024, 'form.too_long'),
});

/**
 * The sign-in form's server action: works as a plain form post without JavaScript, and
 * under `useActionState` with it. Next checks the request's Origin against its Host (CSRF).
 */
export async function signInAction(_previous: SignInFormState, formData: FormData): Promise<SignInFormState> {
  const identifier = String(formData.get('identifier') ?? '');
  const parsed = formSchema.safeParse({ identifier, password: formData.get('password') ?? '' });
  // Whatever happens, the identifier is kept for the next try; the password never is.
  if (!parsed.success) return { identifier, fieldErrors: fieldErrorsOf(parsed.error) };

  let redirectTo: string;
  try {
    const experience = await loadExperience(await getDb(), (await cookies()).get(interactionCookieName())?.value);
    ({ redirectTo } = await signInWithPassword(experience, { identifier: identifierFromInput(parsed.data.identifier), password: parsed.data.password }));
  } catch (error) {
    if (error instanceof AppError) return { identifier, formError: { code: error.code, values: messageValuesOf(error) } };
    throw error;
  }
  // An absolute URL on our own origin: /oidc/auth/resume carries the authorization on.
  redirect(redirectTo);
}

function fieldErrorsOf(error: z.ZodError): SignInFormState['fieldErrors'] {
  const errors: NonNullable<SignInFormState['fieldErrors']> = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if ((field === 'identifier' || field === 'password') && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}

/** The values a localized message interpolates (the lockout's remaining minutes). */
function messageValuesOf(error: AppError): Record<string, number> | undefined {
  const seconds = error.data?.retryAfterSeconds;
  return typeof seconds === 'number' ? { minutes: Math.ceil(seconds / 60) } : undefined;
}
