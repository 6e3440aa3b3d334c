import { readJson } from '@/lib/http/handle-route';
import { getPhrases, putPhrases, removePhrases } from '@/lib/management/custom-phrases';
import { json, managementRoute, noContent } from '@/lib/management/route';
import { z } from 'zod';

type Context = RouteContext<'/api/custom-phrases/[languageTag]'>;

export const GET = managementRoute<Context>(async (_request, { params }) => json(await getPhrases((await params).languageTag)));

/** PUT /api/custom-phrases/:languageTag — the language's phrases, shaped like messages/<locale>.json (checked in lib). */
export const PUT = managementRoute<Context>(async (request, { params }) => json(await putPhrases((await params).languageTag, await readJson(request, z.unknown())), 201));

export const DELETE = managementRoute<Context>(async (_request, { params }) => {
  await removePhrases((await params).languageTag);
  return noContent();
});
