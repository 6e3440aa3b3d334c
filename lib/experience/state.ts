import type { Executor } from '@/db/client';
import type { AttemptKey } from '@/db/queries/attempt-counters';
import { updateInteractionState, updateInteractionStateClearingAttempts, updateInteractionStateWhileUserActive } from '@/db/queries/interactions';
import type { Interaction, User } from '@/db/schema';
import type { PendingProfile } from './profile-state';
import type { InteractionEvent } from './types';
import type { VerificationRecord } from './verifications';

/**
 * The sign-in experience's part of an interaction, stored in `interaction.state`
 * (Logto keeps the same data in the oidc-provider interaction result).
 */
export type ExperienceState = {
  /** Unset until `PUT /api/experience` (or the page's action) says what the person is doing. */
  interactionEvent?: InteractionEvent;
  /** At most one record per verification type: a newer one replaces the older, as in Logto. */
  verificationRecords: VerificationRecord[];
  identifiedUserId?: string;
  /** Profile collected by `addProfile` / `resetPassword`, written at identification (Register) or submit. */
  profile?: PendingProfile;
};

/**
 * One interaction being worked on: the row, its parsed state, and where to save it.
 * `loadedUser`: the account `state.identifiedUserId` named when the interaction was read, read
 * in the same statement (null if it is gone) by a step that needs it (loadExperience's
 * `withIdentifiedUser`); `requireIdentifiedUser` takes it instead of reading the account again.
 */
export type Experience = { db: Executor; interaction: Interaction; state: ExperienceState; loadedUser?: { id: string; user: User | null } };

export async function saveExperience(experience: Experience): Promise<void> {
  const state = experience.state as Record<string, unknown>;
  await updateInteractionState(experience.db, experience.interaction.id, state);
  experience.interaction = { ...experience.interaction, state };
}

/**
 * Runs `writes` and saves `next` as the interaction's state in one transaction, so the account
 * and the interaction never disagree; the in-memory experience takes `next` once it committed.
 */
export async function saveExperienceWith<T>(experience: Experience, next: ExperienceState, writes: (tx: Executor) => Promise<T>): Promise<T> {
  const result = await experience.db.transaction(async (tx) => {
    const value = await writes(tx);
    await saveExperience({ ...experience, db: tx, state: next });
    return value;
  });
  experience.state = next;
  experience.interaction = { ...experience.interaction, state: next as Record<string, unknown> };
  return result;
}

/**
 * Moves to `next` only while `userId` is an existing, unsuspended user (checked in the same
 * statement); false, with nothing changed, otherwise.
 */
export async function saveExperienceWhileUserActive(experience: Experience, next: ExperienceState, userId: string): Promise<boolean> {
  const state = next as Record<string, unknown>;
  if (!(await updateInteractionStateWhileUserActive(experience.db, experience.interaction.id, state, userId))) return false;
  experience.state = next;
  experience.interaction = { ...experience.interaction, state };
  return true;
}

/**
 * Stores `record`, replacing one of its type. `clearingAttempts`: the attempt counter of the
 * guarded check that produced it (`runGuardedAttempt`), deleted in the same statement.
 */
export async function addVerificationRecord(experience: Experience, record: VerificationRecord, options: { clearingAttempts?: AttemptKey } = {}): Promise<void> {
  const others = experience.state.verificationRecords.filter((existing) => existing.type !== record.type);
  experience.state = { ...experience.state, verificationRecords: [...others, record] };
  if (!options.clearingAttempts) return saveExperience(experience);
  const state = experience.state as Record<string, unknown>;
  await updateInteractionStateClearingAttempts(experience.db, experience.interaction.id, state, options.clearingAttempts);
  experience.interaction = { ...experience.interaction, state };
}

export function findVerificationRecord(experience: Experience, verificationId: string): VerificationRecord | undefined {
  return experience.state.verificationRecords.find((record) => record.id === verificationId);
}
