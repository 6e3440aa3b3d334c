/** Dates go out as epoch milliseconds, as in Logto's API. */
export function epochMs(date: Date): number;
export function epochMs(date: Date | null): number | null;
export function epochMs(date: Date | null): number | null {
  return date ? date.getTime() : null;
}
