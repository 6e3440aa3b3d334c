import { z } from 'zod';
import { paginationQuery } from '@/lib/management/pagination';
import { ONE_TIME_TOKEN_STATUSES } from './status';

const email = z.email().max(254);
const status = z.enum(ONE_TIME_TOKEN_STATUSES);

/** Logto's `OneTimeTokenContext`: organizations to join just in time, and the flow the link opens. */
const context = z.object({
  jitOrganizationIds: z.array(z.string().min(1).max(128)).max(100).optional(),
  interactionEvent: z.enum(['SignIn', 'Register', 'ForgotPassword']).optional(),
});

/** Logto's default lifetime is 10 minutes; a year at most keeps `expiresAt` a sane date. */
export const DEFAULT_EXPIRES_IN_SECONDS = 600;

export const createOneTimeTokenBody = z.object({
  email,
  expiresIn: z.number().int().min(1).max(365 * 24 * 3600).default(DEFAULT_EXPIRES_IN_SECONDS),
  context: context.default({}),
});

export const listOneTimeTokensQuery = paginationQuery.extend({ email: email.optional(), status: status.optional() });

export const updateOneTimeTokenStatusBody = z.object({ status });

export const verifyOneTimeTokenBody = z.object({ token: z.string().min(1).max(256), email });
