import { z } from 'zod';
import type { Executor } from '@/db/client';
import { AppError } from '@/lib/errors';
import { readCookie } from '@/lib/http/cookies';
import { findInteraction, findInteractionWithIdentifiedUser, interactionCookieName } from '@/lib/oidc/interaction';
import { guardInteractionEvent } from './policy';
import { pendingProfileSchema, publicProfile } from './profile-state';
import { saveExperience, type Experience } from './state';
import { interactionEvents, type InteractionEvent } from './types';
import { publicVerificationRecord, verificationRecordSchema } from './verifications';

const experienceStateSchema = z.object({
  interactionEvent: z.enum(interactionEvents).optional(),
  verificationRecords: z.array(verificationRecordSchema).default([]),
  identifiedUserId: z.string().optional(),
  profile: pendingProfileSchema.optional(),
});

export const INTERACTION_NOT_FOUND = 'session.interaction_not_found';

type LoadOptions = {
  /** Also read the account the state identified, in the same statement (a step that will check it). */
  withIdentifiedUser?: boolean;
};

/**
 * The browser's live interaction with its experience state: the first step of every
 * Experience API route and of the pages' actions. Both faces pass the cookie's value
 * (route handlers read it from the Request, server actions from `cookies()`).
 */
export async function loadExperience(db: Executor, interactionCookie: string | undefined, options: LoadOptions = {}): Promise<Experience> {
  const found = options.withIdentifiedUser
    ? await findInteractionWithIdentifiedUser(db, interactionCookie)
    : await findInteraction(db, interactionCookie).then((interaction) => interaction && { interaction, user: undefined });
  const parsed = experienceStateSchema.safeParse(found?.interaction.state);
  // As in Logto, a state this code cannot read (an older release wrote it) counts as no interaction.
  if (!found || !parsed.success) {
    throw new AppError(INTERACTION_NOT_FOUND, 404, 'No sign-in is in progress in this browser, or it expired. Start again from the app.');
  }
  const state = parsed.data;
  const experience: Experience = { db, interaction: found.interaction, state };
  if (found.user !== undefined && state.identifiedUserId) experience.loadedUser = { id: state.identifiedUserId, user: found.user };
  return experience;
}

export function loadExperienceForRequest(db: Executor, request: Request, options: LoadOptions = {}): Promise<Experience> {
  return loadExperience(db, readCookie(request, interactionCookieName()), options);
}

/** The body of `PUT /api/experience` and `PUT /api/experience/interaction-event`. */
export const interactionEventInputSchema = z.object({ interactionEvent: z.enum(interactionEvents) });

/**
 * `PUT /api/experience`: begins `event` afresh, dropping earlier verifications and any
 * identified user, as Logto's PUT overwrites the interaction.
 */
export async function startInteractionEvent(experience: Experience, event: InteractionEvent): Promise<void> {
  await guardInteractionEvent(experience, event);
  experience.state = { interactionEvent: event, verificationRecords: [] };
  await saveExperience(experience);
}

/**
 * `PUT /api/experience/interaction-event`: SignIn ⇄ Register keeping the verifications (a
 * proven email with no account goes on to register), dropping the pending profile and any
 * identified user. A password reset is its own flow: it cannot be switched to or from.
 */
export async function switchInteractionEvent(experience: Experience, event: InteractionEvent): Promise<void> {
  const current = experience.state.interactionEvent;
  if (!current) throw new AppError(INTERACTION_NOT_FOUND, 404, 'Start with PUT /api/experience and an interactionEvent.');
  if (current !== event && (current === 'ForgotPassword' || event === 'ForgotPassword')) {
    throw new AppError('session.not_supported_for_forgot_password', 400, 'A password reset cannot be switched to or from another flow.');
  }
  await guardInteractionEvent(experience, event);
  if (current === event) return;
  const { identifiedUserId: _identified, profile: _profile, ...rest } = experience.state;
  experience.state = { ...rest, interactionEvent: event };
  await saveExperience(experience);
}

/** `GET /api/experience/interaction`: Logto's sanitized view (no hashes, no internal fields). */
export function publicExperience({ state }: Experience) {
  return {
    interactionEvent: state.interactionEvent ?? null,
    userId: state.identifiedUserId ?? null,
    profile: publicProfile(state.profile),
    verificationRecords: state.verificationRecords.map(publicVerificationRecord),
  };
}
