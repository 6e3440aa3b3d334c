import { getDb } from '@/db/client';
import { handleRoute } from '@/lib/http/handle-route';
import { experienceLocale } from '@/lib/i18n/experience-locale';
import { loadMessages } from '@/lib/i18n/messages';
import { getSignInExperience } from '@/lib/sign-in-exp/store';

/**
 * GET /api/.well-known/phrases[?lng=] — every message of the sign-in experience in one language,
 * the operator's custom phrases included, for custom sign-in UIs (as Logto). The language is
 * chosen as the pages choose it, with `lng` in the place of `ui_locales`; `Content-Language` names it.
 */
export const GET = handleRoute(async (request) => {
  const db = await getDb();
  const { languageInfo } = await getSignInExperience(db);
  const lng = new URL(request.url).searchParams.get('lng') ?? '';
  const locale = experienceLocale({ ui_locales: lng }, request, languageInfo);
  return Response.json(await loadMessages(locale, db), {
    headers: {
      'content-language': locale,
      'cache-control': 'public, max-age=60',
      vary: 'Accept-Language, Cookie',
      'access-control-allow-origin': '*',
    },
  });
});
