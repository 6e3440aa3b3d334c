import { gzipSync } from 'node:zlib';

/**
 * The JavaScript a browser downloads on its first visit to the sign-in page, read off the page
 * the running app really serves (so it holds whichever router renders it): /oidc/auth starts an
 * interaction and redirects to the page; every external script and script preload in its HTML
 * is fetched and gzipped (zlib's default level), inline scripts are gzipped as they stand, and
 * the sizes summed, as Next's own "First Load JS" figure does. `noModule` polyfills are left
 * out: they load only in browsers without ES modules.
 */
export async function signInPageJsKb(baseUrl: string, authorizationPath: string): Promise<{ kb: number; files: number; url: string }> {
  const start = await fetch(`${baseUrl}${authorizationPath}`, { redirect: 'manual' });
  const location = start.headers.get('location');
  if (start.status !== 303 || !location) throw new Error(`GET /oidc/auth: ${start.status}, expected a redirect to the sign-in page`);
  const cookie = start.headers.getSetCookie().map((value) => value.split(';')[0]).join('; ');
  const pageUrl = new URL(location, baseUrl);
  const page = await fetch(pageUrl, { headers: { cookie } });
  if (!page.ok) throw new Error(`GET ${pageUrl.pathname}: ${page.status}`);
  const html = await page.text();
  if (!/<form[\s>]/.test(html)) throw new Error(`${pageUrl.pathname} served no form: not the sign-in page`);

  const sources = new Set<string>();
  let bytes = 0;
  let files = 0;
  for (const tag of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attributes = tag[1]!;
    if (/\bnomodule\b/i.test(attributes)) continue;
    const src = /\bsrc="([^"]+)"/i.exec(attributes)?.[1];
    if (src) sources.add(src);
    else if (tag[2]!.trim() && !/type="application\/(ld\+)?json"/i.test(attributes)) {
      bytes += gzipSync(tag[2]!).length;
      files++;
    }
  }
  for (const link of html.matchAll(/<link\b([^>]*)>/gi)) {
    const attributes = link[1]!;
    const href = /\bhref="([^"]+)"/i.exec(attributes)?.[1];
    if (href && (/\brel="modulepreload"/i.test(attributes) || (/\brel="preload"/i.test(attributes) && /\bas="script"/i.test(attributes)))) sources.add(href);
  }
  for (const src of sources) {
    const script = await fetch(new URL(src.replaceAll('&amp;', '&'), pageUrl));
    if (!script.ok) throw new Error(`GET ${src}: ${script.status}`);
    bytes += gzipSync(Buffer.from(await script.arrayBuffer())).length;
    files++;
  }
  return { kb: Math.round((bytes / 1024) * 10) / 10, files, url: pageUrl.pathname };
}
