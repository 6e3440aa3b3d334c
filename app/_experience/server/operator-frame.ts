import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { findExperienceFrame, frameOf, type ExperienceFrame } from '@/lib/experience/screen';
import { defaultSignInExperience } from '@/lib/sign-in-exp/schema';
import { favicons } from '../components/favicons';

/**
 * The operator's frame (branding, footer links) for the App Router's pages; the defaults' when
 * the configuration cannot be read, since some of these pages report errors, the database's too.
 */
export function operatorFrame(): Promise<ExperienceFrame> {
  return getDb()
    .then(findExperienceFrame)
    .catch(() => frameOf(defaultSignInExperience));
}

/** The operator's tab icons, as an App Router page's metadata. */
export async function operatorIcons(): Promise<Metadata['icons']> {
  const icons = favicons((await operatorFrame()).branding);
  return icons.length > 0 ? { icon: icons } : undefined;
}
