/** Shared input look: 16 px text so phones do not zoom, a red border when aria-invalid. */
export const inputClassName =
  'block w-full rounded-lg border border-zinc-300 bg-white px-3.5 py-2.5 text-base text-zinc-900 shadow-xs outline-none transition-colors focus:border-brand focus:ring-2 focus:ring-brand/30 aria-[invalid=true]:border-red-600 aria-[invalid=true]:focus:ring-red-600/30 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100 dark:aria-[invalid=true]:border-red-400';
