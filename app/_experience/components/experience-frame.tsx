import type { ReactNode } from 'react';
import { Logo } from '@/app/_components/ui/logo';
import { PageFrame, type PageFrameProps } from '@/app/_components/ui/page-frame';
import type { ExperienceFrame as Frame } from '@/lib/experience/screen';
import { ExperienceHead } from './experience-head';
import { favicons } from './favicons';

/**
 * An experience page: its <title> on Pages Router pages (`metaTitle`; App Router pages set it through
 * their metadata), and PageFrame in the operator's branding: their
 * logo (with its dark-mode variant), their colours for buttons, links and focus rings, their
 * terms, privacy and support links in the footer, "Powered by Sesame" unless they hide it, and
 * their stylesheet (`customCss`) last, so it wins over Sesame's.
 */
export function ExperienceFrame({
  metaTitle,
  frame,
  title,
  description,
  logoAlt,
  children,
}: {
  metaTitle?: string;
  frame: Frame;
  title: ReactNode;
  description?: ReactNode;
  /** Names the logo for people who cannot see it (the app's name). */
  logoAlt: string;
  children?: ReactNode;
}) {
  const { branding } = frame;
  return (
    <>
      {metaTitle === undefined ? null : <ExperienceHead title={metaTitle} icons={favicons(branding)} />}
      {frame.customCss ? (
        // React hoists a <style> with `href` and `precedence` into <head>, in either router; the schema refused any '<'.
        <style href="sesame-custom-css" precedence="sesame-operator">
          {frame.customCss}
        </style>
      ) : null}
      <PageFrame
        title={title}
        description={description}
        {...operatorChrome(frame)}
        logo={branding.logoUrl ? <Logo src={branding.logoUrl} darkSrc={branding.darkLogoUrl} alt={logoAlt} /> : undefined}
      >
        {children}
      </PageFrame>
    </>
  );
}

/** The operator's part of PageFrame's props: colours, footer links, "Powered by" (pages with a logo of their own use it directly). */
export function operatorChrome({ branding, legal, help, poweredBy }: Frame): Pick<PageFrameProps, 'brandColor' | 'darkBrandColor' | 'legal' | 'help' | 'poweredBy'> {
  return { brandColor: branding.primaryColor, darkBrandColor: branding.darkPrimaryColor, legal, help, poweredBy };
}
