'use client';

import { Alert } from '@/app/_components/ui/alert';
import type { Problem } from '@/app/_experience/form-state';
import { useProblemText } from './problem-text';

/** The error about the whole form, at its top, announced to screen readers (role="alert"). */
export function FormAlert({ problem }: { problem?: Problem }) {
  const text = useProblemText();
  return problem ? <Alert tone="error">{text(problem)}</Alert> : null;
}
