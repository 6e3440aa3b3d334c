import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { findExperienceFrame, frameOf, type ExperienceFrame } from '@/lib/experience/screen';
import { defaultSignInExperience } from '@/lib/sign-in-exp/schema';
import { favicons } from '../components/favicons';

/**
 * The operator's frame (branding, footer links) for the App Router's pages; the defaults' when
 * the configuration cannot be read, since some of these pages report errors, the database's too.
 */
export function operatorFrame(applicationId?: string): Promise<ExperienceFrame> {
  return getDb()
    .then((db) => findExperienceFrame(db, applicationId))
    .catch(() => frameOf(defaultSignInExperience));
}

/** The operator's tab icons (or those of `applicationId`'s own sign-in experience), as an App Router page's metadata. */
export async function operatorIcons(applicationId?: string): Promise<Metadata['icons']> {
  const icons = favicons((await operatorFrame(applicationId)).branding);
  return icons.length > 0 ? { icon: icons } : undefined;
}
