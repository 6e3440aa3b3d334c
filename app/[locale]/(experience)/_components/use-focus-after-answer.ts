'use client';

import { useCallback, useEffect, useRef } from 'react';

/**
 * After each answer of a server action (not on the first render), puts the cursor where the
 * person acts next: the first field marked invalid, else the first field to type in. The
 * form-level error itself is announced by its role="alert". Returns a ref for the form (or
 * the element around the step's forms).
 */
export function useFocusAfterAnswer(state: unknown): (node: HTMLElement | null) => void {
  const container = useRef<HTMLElement | null>(null);
  const first = useRef(state);
  useEffect(() => {
    if (state === first.current) return;
    const root = container.current;
    const target =
      root?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      root?.querySelector<HTMLElement>('input:not([type="hidden"]):not([hidden]):not([readonly])');
    target?.focus();
  }, [state]);
  return useCallback((node: HTMLElement | null) => {
    container.current = node;
  }, []);
}
