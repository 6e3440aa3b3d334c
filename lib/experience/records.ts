import { AppError } from '@/lib/errors';
import { INTERACTION_NOT_FOUND } from './interaction';
import { findVerificationRecord, type Experience } from './state';
import type { InteractionEvent } from './types';
import type { VerificationRecord } from './verifications';

export const VERIFICATION_NOT_FOUND = 'session.verification_session_not_found';

export function requireInteractionEvent(experience: Experience): InteractionEvent {
  const event = experience.state.interactionEvent;
  if (!event) throw new AppError(INTERACTION_NOT_FOUND, 404, 'Start with PUT /api/experience and an interactionEvent.');
  return event;
}

export function requireVerificationRecord(experience: Experience, verificationId: string | undefined): VerificationRecord {
  if (!verificationId) throw new AppError('guard.invalid_input', 400, 'verificationId is required for this interaction event.');
  const record = findVerificationRecord(experience, verificationId);
  if (!record) throw new AppError(VERIFICATION_NOT_FOUND, 404, 'No verification with this id in this interaction.');
  return record;
}

