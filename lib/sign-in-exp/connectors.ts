import type { Executor } from '@/db/client';
import { findEmailConnector, findSmsConnector } from '@/lib/connectors/registry';
import { ConnectorError } from '@/lib/connectors/types';
import { AppError } from '@/lib/errors';
import type { SignInExperience } from './schema';

export type Channels = { email: boolean; phone: boolean };

async function available(find: () => Promise<unknown>): Promise<boolean> {
  try {
    await find();
    return true;
  } catch (error) {
    if (error instanceof ConnectorError && error.code === 'connector.not_found') return false;
    throw error;
  }
}

/** Which channels can deliver a code now (an email or SMS connector, or the development mailbox). */
export async function availableChannels(db: Executor): Promise<Channels> {
  const [email, phone] = await Promise.all([available(() => findEmailConnector(db)), available(() => findSmsConnector(db))]);
  return { email, phone };
}

/** The channels a part of the configuration relies on to send codes. */
function channelsUsedBySignUp({ identifiers, secondaryIdentifiers }: SignInExperience['signUp']): Channels {
  const all = [...identifiers, ...secondaryIdentifiers.map(({ identifier }) => identifier)];
  return {
    email: all.includes('email') || all.includes('emailOrPhone'),
    phone: all.includes('phone') || all.includes('emailOrPhone'),
  };
}

function channelsUsedBySignIn({ methods }: SignInExperience['signIn']): Channels {
  const byCode = methods.filter((method) => method.verificationCode).map((method) => method.identifier);
  return { email: byCode.includes('email'), phone: byCode.includes('phone') };
}

/**
 * As Logto, the parts a PATCH changes must be deliverable: a sign-up or code sign-in by email
 * needs an email connector (`enabled_connector_not_found`, type Email|Sms), a reset method its
 * channel (`forgot_password_method_requires_connector`, method email|sms). Parts left untouched are
 * not re-checked, so removing a connector never blocks an unrelated change such as a colour.
 */
export async function assertChannelsFor(db: Executor, experience: SignInExperience, changed: ReadonlySet<string>): Promise<void> {
  const channels = await availableChannels(db);
  const needs: Channels[] = [];
  if (changed.has('signUp')) needs.push(channelsUsedBySignUp(experience.signUp));
  if (changed.has('signIn')) needs.push(channelsUsedBySignIn(experience.signIn));
  for (const need of needs) {
    if (need.email && !channels.email) throw connectorNotFound('Email');
    if (need.phone && !channels.phone) throw connectorNotFound('Sms');
  }
  if (changed.has('forgotPasswordMethods')) {
    for (const method of experience.forgotPasswordMethods) {
      if (method === 'EmailVerificationCode' && !channels.email) throw resetNeedsConnector('email');
      if (method === 'PhoneVerificationCode' && !channels.phone) throw resetNeedsConnector('sms');
    }
  }
}

function connectorNotFound(type: 'Email' | 'Sms'): AppError {
  return new AppError('sign_in_experiences.enabled_connector_not_found', 400, `No ${type} connector is configured.`, { type });
}

function resetNeedsConnector(method: 'email' | 'sms'): AppError {
  return new AppError('sign_in_experiences.forgot_password_method_requires_connector', 400, `Password reset by ${method} needs a ${method} connector.`, {
    method,
  });
}
