import { getDb } from '@/db/client';
import { findExperienceFrame, findExperienceScreen, type ExperienceFrame, type ExperienceScreen } from '@/lib/experience/screen';
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

/** The page every experience screen shows when this browser has no live sign-in (see ExpiredView). */
export async function expiredPage(): Promise<{ props: { expired: ExperienceFrame } }> {
  return { props: { expired: await findExperienceFrame(await getDb()) } };
}
