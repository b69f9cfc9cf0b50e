import * as v from 'valibot';
import { Limit } from './common';

export const ListCustomersQuery = v.object({
  q: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200, 'Search is at most 200 characters.'))),
  limit: Limit,
  /** Opaque keyset cursor from the previous page's `nextCursor`. */
  cursor: v.optional(v.pipe(v.string(), v.maxLength(200))),
});
export type ListCustomersQuery = v.InferOutput<typeof ListCustomersQuery>;

export interface CustomerView {
  id: string;
  externalId: string | null;
  email: string | null;
  name: string | null;
  locale: string;
  ticketCount: number;
  createdAt: string;
  erased: boolean;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
