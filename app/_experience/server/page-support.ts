import { getDb } from '@/db/client';
import { findExperienceFrame, findExperienceScreen, type ExperienceFrame, type ExperienceScreen } from '@/lib/experience/screen';
import type { PageOutcome } from './experience-page';
import { requestScope } from './scope';

/** The screen model as pages receive it: without a magic link's token. */
export type PageScreen = Omit<ExperienceScreen, 'magicLink'>;

/** The screen model of this browser's interaction with a magic link's token, for the magic-link page alone. */
export async function currentScreenWithMagicLink(): Promise<ExperienceScreen | undefined> {
  return findExperienceScreen(await getDb(), requestScope().interactionCookie);
}

/**
 * The screen model of this browser's interaction, or undefined when it has none (the page shows
 * ExpiredView). Without a magic link's token: screens become page props, and a token has no
 * business near a page (`next dev` writes props into the HTML).
 */
export async function currentScreen(): Promise<PageScreen | undefined> {
  const screen = await currentScreenWithMagicLink();
  if (!screen) return undefined;
  const { magicLink: _token, ...rest } = screen;
  return rest;
}

/** Single-valued search parameters of a page. */
export const param = (query: Record<string, string | string[] | undefined>, name: string) => {
  const value = query[name];
  return typeof value === 'string' ? value : undefined;
};

/**
 * What every experience screen does when this browser has no live sign-in: sends it to the
 * operator's `unknownSessionRedirectUrl` (a bookmarked or long-open sign-in page leads back to
 * the app, which starts a new sign-in), or shows ExpiredView.
 */
export async function expiredPage(): Promise<PageOutcome<{ expired: ExperienceFrame }>> {
  const frame = await findExperienceFrame(await getDb());
  return frame.unknownSessionRedirectUrl ? { redirect: frame.unknownSessionRedirectUrl } : { props: { expired: frame } };
}
