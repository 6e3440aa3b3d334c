import Head from 'next/head';
import { useTranslations } from 'next-intl';

/** An experience page's <title> ("Sign in · Sesame", as the App Router's title template) and no indexing. */
export function ExperienceHead({ title }: { title: string }) {
  const meta = useTranslations('Meta');
  return (
    <Head>
      <title>{`${title} · ${meta('title')}`}</title>
      <meta name="robots" content="noindex" />
    </Head>
  );
}
