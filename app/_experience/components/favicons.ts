import type { Branding } from '@/lib/experience/screen';

export type Favicon = { url: string; media?: string };

/**
 * The operator's tab icons (`branding.favicon`, `darkFavicon`): with both, each for its colour
 * scheme; with one, that one. For the Pages Router's <Head> and the App Router's metadata alike.
 */
export function favicons({ favicon, darkFavicon }: Pick<Branding, 'favicon' | 'darkFavicon'>): Favicon[] {
  if (favicon && darkFavicon) {
    return [
      { url: favicon, media: '(prefers-color-scheme: light)' },
      { url: darkFavicon, media: '(prefers-color-scheme: dark)' },
    ];
  }
  const only = favicon ?? darkFavicon;
  return only ? [{ url: only }] : [];
}
