import type { IdentifierType } from '@/lib/experience/identifier';

const labelOrder: readonly IdentifierType[] = ['email', 'phone', 'username'];

/** The `Experience.identifier.*` key naming what a field accepts: the types in label order ("email_username"). */
export const identifierKey = (types: readonly IdentifierType[]) => labelOrder.filter((type) => types.includes(type)).join('_');
