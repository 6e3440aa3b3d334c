'use client';

import { useTranslations } from 'next-intl';
import type { Problem } from '@/app/_experience/form-state';

/**
 * Localizes a problem from a server action: `Errors.<code>` with its values, the broken
 * password rules after `password.rejected`, and the generic message for a code without one.
 */
export function useProblemText(): (problem: Problem | undefined, extra?: Record<string, string | number>) => string | undefined {
  const t = useTranslations('Errors');
  const one = (code: string, values?: Record<string, string | number>) => {
    if (!t.has(code)) return t('unexpected');
    try {
      return t(code, values);
    } catch {
      // A message whose values the server did not send still reads better than a raw key.
      return t('unexpected');
    }
  };
  return (problem, extra) => {
    if (!problem) return undefined;
    const main = one(problem.code, { ...problem.values, ...extra });
    const issues = problem.issues?.map((issue) => one(issue.code, issue.interpolation)) ?? [];
    return [main, ...issues].join(' ');
  };
}
