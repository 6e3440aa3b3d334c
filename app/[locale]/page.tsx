import { getTranslations, setRequestLocale } from 'next-intl/server';

export default async function LandingPage({ params }: PageProps<'/[locale]'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('Landing');
  return (
    <main className="mx-auto max-w-2xl p-8">
      <h1 className="text-3xl font-semibold">{t('title')}</h1>
    </main>
  );
}
