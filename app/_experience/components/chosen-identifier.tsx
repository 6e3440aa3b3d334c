import { useTranslations } from 'next-intl';
import { Button } from '@/app/_components/ui/button';
import { HiddenFields } from './hidden-fields';

/**
 * The identifier chosen in the step before, with "Change" (DESIGN.md: identifier-first). A form
 * of its own, so going back works without JavaScript: it posts `intent=change` to the same page.
 */
export function ChosenIdentifier({ label, identifier, carried }: { label: string; identifier: string; carried: Record<string, string> }) {
  const experience = useTranslations('Experience');
  return (
    <form method="post" className="flex items-center justify-between gap-3 rounded-lg border border-zinc-200 px-3 py-2 dark:border-zinc-700">
      <HiddenFields values={carried} />
      <p className="min-w-0 text-sm">
        <span className="block text-zinc-600 dark:text-zinc-400">{label}</span>
        <span className="block truncate font-medium text-zinc-900 dark:text-zinc-100">{identifier}</span>
      </p>
      <Button type="submit" name="intent" value="change" variant="link" className="text-sm">
        {experience('change')}
      </Button>
    </form>
  );
}
