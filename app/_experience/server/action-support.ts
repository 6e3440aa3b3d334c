import type { z } from 'zod';
import { getDb } from '@/db/client';
import { loadExperience } from '@/lib/experience/interaction';
import type { Experience } from '@/lib/experience/state';
import { AppError } from '@/lib/errors';
import { localizedPath } from '@/lib/i18n/localized-path';
import type { FormState, Problem } from '../form-state';
import { Redirect, requestScope } from './scope';

/** The experience of this browser's interaction, for a form handler (throws `session.interaction_not_found`). */
export async function currentExperience(): Promise<Experience> {
  return loadExperience(await getDb(), requestScope().interactionCookie);
}

/** An engine error as the page shows it: the code, the values its message needs, the broken password rules. */
export function problemOf(error: AppError): Problem {
  const data = error.data ?? {};
  const values: Record<string, number> = {};
  if (typeof data.retryAfterSeconds === 'number') {
    values.minutes = Math.max(1, Math.ceil(data.retryAfterSeconds / 60));
    values.seconds = Math.max(1, Math.ceil(data.retryAfterSeconds));
  }
  const issues = Array.isArray(data.issues) ? (data.issues as Problem['issues']) : undefined;
  return { code: error.code, ...(Object.keys(values).length > 0 ? { values } : {}), ...(issues ? { issues } : {}) };
}

/**
 * Runs the engine steps of one form, which end in a redirect (the next page, or back to the
 * app). An `AppError` becomes a problem shown on the form, next to `fieldOf(code)` when it
 * names one field, at the top of the form otherwise; anything else (and the `Redirect`) goes on up.
 */
export async function attempt(values: Record<string, string>, fieldOf: (code: string) => string | undefined, run: () => Promise<unknown>): Promise<FormState> {
  try {
    await run();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const problem = problemOf(error);
    const field = fieldOf(error.code);
    return field ? { values, fieldErrors: { [field]: problem } } : { values, formError: problem };
  }
  throw new Error('The steps of a form ended without moving on: each must end in a redirect.');
}

/** A refusal of the identifier itself (taken, or an email the operator blocks): shown beside its field. */
export const isIdentifierProblem = (code: string) => code.endsWith('_already_in_use') || code.startsWith('session.email_blocklist.');

/** The first issue per field of a failed schema parse; issue messages are `Errors.*` codes. */
export function fieldProblems(error: z.ZodError): Record<string, Problem> {
  const problems: Record<string, Problem> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    problems[field] ??= { code: issue.message };
  }
  return problems;
}

export const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
};

/** Moves on to one of our pages in the current language (the default one has no prefix). */
export function goTo(href: string): never {
  throw new Redirect(localizedPath(requestScope().locale, href));
}

/** A code page's address: the record it verifies. */
export const codePage = (path: string, verificationId: string) => `${path}?v=${encodeURIComponent(verificationId)}`;
