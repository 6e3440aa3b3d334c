import { z } from 'zod';
import type { PageSlice } from '@/db/queries/page';

/** `page` (from 1) and `page_size` (1-100, default 20), Logto's pagination parameters. */
export const paginationQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  page_size: z.coerce.number().int().min(1).max(100).default(20),
});

export type Pagination = z.infer<typeof paginationQuery>;
export type Paged<T> = { items: T[]; total: number };

/** Loads one page and the total with the same filter, and shapes each row for the response. */
export async function paginate<Row, Item>(
  { page, page_size }: Pagination,
  load: { list: (slice: PageSlice) => Promise<Row[]>; count: () => Promise<number> },
  toItem: (row: Row) => Item,
): Promise<Paged<Item>> {
  const [rows, total] = await Promise.all([load.list({ limit: page_size, offset: (page - 1) * page_size }), load.count()]);
  return { items: rows.map(toItem), total };
}
