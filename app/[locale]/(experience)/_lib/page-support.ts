import 'server-only';
import { cookies } from 'next/headers';
import { getDb } from '@/db/client';
import { findExperienceScreen, type ExperienceScreen } from '@/lib/experience/screen';
import { interactionCookieName } from '@/lib/oidc/interaction';

/** The screen model of this browser's interaction, or undefined when it has none (the page shows ExpiredView). */
export async function currentScreen(): Promise<ExperienceScreen | undefined> {
  return findExperienceScreen(await getDb(), (await cookies()).get(interactionCookieName())?.value);
}

/** Single-valued search parameters of a page. */
export const param = (query: Record<string, string | string[] | undefined>, name: string) => {
  const value = query[name];
  return typeof value === 'string' ? value : undefined;
};
