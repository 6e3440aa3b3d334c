import type { Executor } from '@/db/client';
import { findApplicationById } from '@/db/queries/applications';
import { findInteraction } from '@/lib/oidc/interaction';

export type ExperienceScreen = { applicationName: string; loginHint?: string };

/**
 * What an experience page shows about the interaction it serves: the app being signed in
 * to, and the OIDC `login_hint` to pre-fill. Undefined when this browser has no live
 * interaction (the page was opened directly, or it expired): the page says so instead of a form.
 */
export async function findExperienceScreen(db: Executor, interactionCookie: string | undefined): Promise<ExperienceScreen | undefined> {
  const interaction = await findInteraction(db, interactionCookie);
  if (!interaction) return undefined;
  const application = await findApplicationById(db, interaction.applicationId);
  if (!application) return undefined;
  const loginHint = interaction.params.login_hint?.trim();
  return { applicationName: application.name, ...(loginHint ? { loginHint } : {}) };
}
