import { getDb } from '@/db/client';
import { deleteCustomPhrase, findCustomPhrase, listCustomPhrases, upsertCustomPhrase } from '@/db/queries/custom-phrases';
import type { CustomPhrase } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { checkTranslation } from '@/lib/i18n/custom-phrases';
import { languageTagSchema } from '@/lib/i18n/language-tag';
import { forgetCachedMessages } from '@/lib/i18n/messages';
import { isLocale } from '@/lib/i18n/pick-locale';
import { locales, type Locale } from '@/lib/i18n/routing';
import { generateId } from '@/lib/security/ids';
import { epochMs } from './dates';
import { assertFound, found } from './errors';

function response({ id, languageTag, translation, createdAt, updatedAt }: CustomPhrase) {
  return { id, languageTag, translation, createdAt: epochMs(createdAt), updatedAt: epochMs(updatedAt) };
}

/**
 * The language of `/api/custom-phrases/:languageTag`. Custom phrases change the wording of a
 * language Sesame's pages are written in; adding a language takes a catalog in messages/.
 */
export function phraseLanguage(tag: string): Locale {
  const canonical = languageTagSchema.safeParse(tag);
  if (canonical.success && isLocale(canonical.data)) return canonical.data;
  throw new AppError('guard.invalid_input', 400, `Sesame's pages are written in ${locales.join(', ')}: custom phrases change the wording of one of those languages.`, {
    languageTag: tag,
    supported: [...locales],
  });
}

export async function listPhrases() {
  return (await listCustomPhrases(await getDb())).map(response);
}

export async function getPhrases(tag: string) {
  const languageTag = phraseLanguage(tag);
  return response(found(await findCustomPhrase(await getDb(), languageTag), 'custom phrases', languageTag));
}

/**
 * Replaces the language's phrases with `body` (Logto's PUT: the whole set, not a patch). Every
 * key and message is checked first (lib/i18n/custom-phrases.ts), and nothing is saved when one
 * fails: 422 `localization.invalid_translation_structure`, with each problem by key.
 */
export async function putPhrases(tag: string, body: unknown) {
  const languageTag = phraseLanguage(tag);
  const { translation, problems } = checkTranslation(languageTag, body);
  if (problems.length > 0) {
    const first = problems[0]!;
    throw new AppError('localization.invalid_translation_structure', 422, `\`${first.key}\` ${first.problem}.${problems.length > 1 ? ` (${problems.length} problems in all; see data.problems.)` : ''}`, { problems });
  }
  const saved = await upsertCustomPhrase(await getDb(), { id: generateId(), languageTag, translation });
  forgetCachedMessages(languageTag);
  return response(saved);
}

export async function removePhrases(tag: string): Promise<void> {
  const languageTag = phraseLanguage(tag);
  assertFound(await deleteCustomPhrase(await getDb(), languageTag), 'custom phrases', languageTag);
  forgetCachedMessages(languageTag);
}
