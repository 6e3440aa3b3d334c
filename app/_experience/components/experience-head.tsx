import Head from 'next/head';
import { useTranslations } from 'next-intl';
import type { Favicon } from './favicons';

/** An experience page's <title> ("Sign in · Sesame", as the App Router's title template), the operator's tab icons, and no indexing. */
export function ExperienceHead({ title, icons = [] }: { title: string; icons?: Favicon[] }) {
  const meta = useTranslations('Meta');
  return (
    <Head>
      <title>{`${title} · ${meta('title')}`}</title>
      <meta name="robots" content="noindex" />
      {icons.map((icon) => (
        <link key={icon.url + (icon.media ?? '')} rel="icon" href={icon.url} media={icon.media} />
      ))}
    </Head>
  );
}
