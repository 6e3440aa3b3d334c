import { z } from 'zod';

/** A BCP 47 tag, in its canonical case (`EN-us` → `en-US`), so one language is stored under one key. */
export const languageTagSchema = z
  .string()
  .max(16)
  .transform((tag, context) => {
    try {
      return Intl.getCanonicalLocales(tag)[0]!;
    } catch {
      context.addIssue({ code: 'custom', message: 'must be a language tag such as en or ko-KR' });
      return z.NEVER;
    }
  });
