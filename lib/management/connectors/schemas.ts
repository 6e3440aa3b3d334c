import { z } from 'zod';

const config = z.record(z.string(), z.unknown());

/** POST /api/connectors: which implementation, and its config (checked by that implementation's schema). */
export const createConnectorBody = z.object({ connectorId: z.string().min(1).max(64), config });

/** PATCH /api/connectors/:id: a whole new config (masked secrets sent back mean "keep"). */
export const updateConnectorBody = z.object({ config });

/** POST /api/connectors/:connectorId/test: where to send a test message, with the config to try. */
export const testConnectorBody = z
  .object({
    email: z.string().trim().email().max(320).optional(),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[1-9]\d{4,14}$/, 'must be a phone number in E.164 form')
      .optional(),
    config,
    locale: z.string().max(35).optional(),
  })
  .refine((body) => Boolean(body.email) !== Boolean(body.phone), { message: 'give exactly one of email or phone', path: ['email'] });
