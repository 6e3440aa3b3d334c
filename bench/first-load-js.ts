import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The JavaScript a browser downloads on its first visit to a page, from the production
 * build's manifests: the root main files every page loads (Next's runtime and React) plus
 * every client chunk the route's segments reference — its layouts, the page, and the error
 * and not-found boundaries rendered around it. Each file is gzipped (zlib's default level)
 * and the sizes summed, as Next's own "First Load JS" figure does. Polyfills are left out:
 * they load only in browsers without ES modules.
 */
export async function firstLoadJsKb(buildDir: string, appPage: string): Promise<{ kb: number; files: number }> {
  const buildManifest = JSON.parse(await readFile(path.join(buildDir, 'build-manifest.json'), 'utf8')) as { rootMainFiles: string[] };
  const manifestFile = path.join(buildDir, 'server', 'app', appPage, 'page_client-reference-manifest.js');
  const source = await readFile(manifestFile, 'utf8');
  const entries = [...source.matchAll(/"entryJSFiles":(\{[^}]*\})/g)].map((match) => JSON.parse(match[1]!) as Record<string, string[]>);
  if (entries.length === 0) throw new Error(`no entryJSFiles in ${manifestFile}: has the build's manifest format changed?`);
  const files = new Set(buildManifest.rootMainFiles);
  for (const entry of entries) for (const chunks of Object.values(entry)) for (const chunk of chunks) files.add(chunk);
  let bytes = 0;
  for (const file of files) bytes += gzipSync(await readFile(path.join(buildDir, file))).length;
  return { kb: Math.round((bytes / 1024) * 10) / 10, files: files.size };
}
