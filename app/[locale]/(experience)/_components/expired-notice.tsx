import { getTranslations } from 'next-intl/server';

/** Shown instead of a form when this browser has no live sign-in: say what happened and what to do. */
export async function ExpiredNotice() {
  const t = await getTranslations('Experience');
  return (
    <div className="text-center">
      <div aria-hidden="true" className="mx-auto mb-6 flex size-12 items-center justify-center rounded-full bg-amber-100 text-amber-700 dark:bg-amber-950 dark:text-amber-300">
        <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" className="size-6">
          <circle cx="12" cy="12" r="9" />
          <path d="M12 7v5l3 2" />
        </svg>
      </div>
      <h1 className="text-2xl font-semibold tracking-tight text-balance">{t('expiredTitle')}</h1>
      <p className="mt-3 text-zinc-600 text-pretty dark:text-zinc-400">{t('expiredBody')}</p>
    </div>
  );
}
