/** The message every unknown code falls back to. */
export const fallbackErrorKey = 'internal_server_error';

/**
 * The key under the `Errors` namespace for an AppError code. Codes are dotted
 * (`session.invalid_credentials`) and next-intl reads dots as nesting, so a known
 * code is its own key. A code without a message (new on the server, or a namespace
 * like `session`) maps to the generic message instead of showing a raw key.
 *
 *   const t = useTranslations('Errors');
 *   t(errorMessageKey(code, useMessages().Errors));
 */
export function errorMessageKey(code: string, errors: unknown): string {
  let node = errors;
  for (const part of code.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return fallbackErrorKey;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? code : fallbackErrorKey;
}
