import { rotateSigningKey } from '@/lib/management/hooks';
import { json, managementRoute } from '@/lib/management/route';

type Context = RouteContext<'/api/hooks/[id]/signing-key'>;

/** PATCH /api/hooks/:id/signing-key — a new signing key; the old one stops at once. */
export const PATCH = managementRoute<Context>(async (_request, { params }) => json(await rotateSigningKey((await params).id)));
