import type { IncomingMessage } from 'node:http';
import { AppError } from '@/lib/errors';

/** Far above any experience form (a 1,024-character password and a few short fields). */
const MAX_FORM_BYTES = 32 * 1024;

/**
 * The urlencoded body of an experience form post, as the FormData server actions used to get.
 * The Pages Router leaves page request bodies unread; anything but a small urlencoded form is refused.
 */
export async function readForm(request: IncomingMessage): Promise<FormData> {
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    throw new AppError('request.unsupported_content_type', 415, 'Post the form as application/x-www-form-urlencoded.');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_FORM_BYTES) throw new AppError('request.payload_too_large', 413, 'The form is too large.');
    chunks.push(chunk);
  }
  const formData = new FormData();
  for (const [name, value] of new URLSearchParams(Buffer.concat(chunks).toString('utf8'))) formData.append(name, value);
  return formData;
}
