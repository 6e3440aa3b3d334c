import { z } from 'zod';

/** Logto's `InteractionIdentifier`: what a person types to say who they are. */
export const identifierTypes = ['username', 'email', 'phone'] as const;
export type IdentifierType = (typeof identifierTypes)[number];

export const interactionIdentifierSchema = z.object({
  type: z.enum(identifierTypes),
  value: z.string().trim().min(1).max(256),
});
export type InteractionIdentifier = z.infer<typeof interactionIdentifierSchema>;

/**
 * The identifier behind one "Email or username" field. An `@` means email: usernames
 * follow Logto's pattern (`^[A-Z_a-z]\w*$`), which has no `@`, so the guess is never ambiguous.
 */
export function identifierFromInput(text: string): InteractionIdentifier {
  const value = text.trim();
  return { type: value.includes('@') ? 'email' : 'username', value };
}

/**
 * One spelling per identifier, for counters and comparisons: usernames and emails are
 * unique regardless of case (db/schema/users.ts), so "Alice" and "alice" are one target.
 */
export function normalizedIdentifier({ type, value }: InteractionIdentifier): string {
  return `${type}:${type === 'phone' ? value.trim() : value.trim().toLowerCase()}`;
}
