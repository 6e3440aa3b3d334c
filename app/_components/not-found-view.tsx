import { useTranslations } from 'next-intl';
import { buttonClassName } from '@/app/_components/ui/button';
import { PageFrame } from '@/app/_components/ui/page-frame';
import { Link } from '@/lib/i18n/navigation';

/** The localized "page not found" card, for unmatched URLs and for notFound() in pages. */
export function NotFoundView() {
  const t = useTranslations('NotFound');
  const common = useTranslations('Common');
  return (
    <PageFrame title={t('title')} description={t('description')}>
      <Link href="/" className={buttonClassName('primary')}>
        {common('goHome')}
      </Link>
    </PageFrame>
  );
}
