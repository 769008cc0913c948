// The list endpoints of commits and credits take the same body and page the
// same way: `customer_id`, one id filter, `covering_date`, `starting_at`,
// `effective_before`, `include_archived` (archived records hidden by
// default), `include_balance`, `include_ledgers`, `limit` 1..25 (default
// 25) and an opaque body cursor `next_page` holding the creation sequence of
// the last record returned, so records created between pages are neither
// skipped nor repeated.

import { badRequest } from "../errors";
import { parseRfc3339 } from "../time";
import { optionalBoolean, optionalUuid, requireUuid, type Body } from "../rules/fields";
import type { AccessItem } from "../model";
import { decodeCursor, encodeCursor } from "./cursor";

export const LIST_LIMIT_MAX = 25;

export interface ListQuery {
  customerId: string;
  id: string | undefined;
  covering: number | undefined;
  startingAt: number | undefined;
  effectiveBefore: number | undefined;
  includeArchived: boolean;
  includeBalance: boolean;
  includeLedgers: boolean;
  limit: number;
  afterSeq: number;
}

/** What every listed record has. */
export interface Listable {
  seq: number;
  id: string;
  customer_id: string;
  archived_at?: string;
  access_schedule: { schedule_items: AccessItem[] };
}

function optionalInstant(value: unknown, field: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  const ms = parseRfc3339(value);
  if (ms === undefined) throw badRequest(`${field} must be an RFC 3339 timestamp`);
  return ms;
}

/**
 * Reads a list body. `idField` is the record filter (`commit_id`,
 * `credit_id`); `acceptedOnly` are flags checked for type and otherwise
 * ignored (the emulator has no contract-level records to add).
 */
export function parseListQuery(body: Body, idField: string, acceptedOnly: string[]): ListQuery {
  const customerId = requireUuid(body.customer_id, "customer_id");
  const id = optionalUuid(body[idField], idField);
  const covering = optionalInstant(body.covering_date, "covering_date");
  const startingAt = optionalInstant(body.starting_at, "starting_at");
  const effectiveBefore = optionalInstant(body.effective_before, "effective_before");
  const includeArchived = optionalBoolean(body.include_archived, "include_archived") ?? false;
  const includeBalance = optionalBoolean(body.include_balance, "include_balance") ?? false;
  const includeLedgers = optionalBoolean(body.include_ledgers, "include_ledgers") ?? false;
  for (const flag of acceptedOnly) optionalBoolean(body[flag], flag);
  let limit = LIST_LIMIT_MAX;
  if (body.limit !== undefined && body.limit !== null) {
    if (typeof body.limit !== "number" || !Number.isInteger(body.limit) || body.limit < 1 || body.limit > LIST_LIMIT_MAX) {
      throw badRequest(`limit must be an integer between 1 and ${LIST_LIMIT_MAX}`);
    }
    limit = body.limit;
  }
  const afterSeq = decodeCursor(body.next_page);
  return { customerId, id, covering, startingAt, effectiveBefore, includeArchived, includeBalance, includeLedgers, limit, afterSeq };
}

/** One page of the customer's records matching the query, in creation order, and the cursor to the next. */
export function pageOf<T extends Listable>(records: Iterable<T>, q: ListQuery): { page: T[]; next_page: string | null } {
  const segments = (r: T) =>
    r.access_schedule.schedule_items.map((i) => [Date.parse(i.starting_at), Date.parse(i.ending_before)] as const);
  const { covering, startingAt, effectiveBefore } = q;
  const matching = [...records]
    .filter((r) => r.customer_id === q.customerId)
    .filter((r) => q.includeArchived || !r.archived_at)
    .filter((r) => q.id === undefined || r.id === q.id)
    .filter((r) => covering === undefined || segments(r).some(([s, e]) => s <= covering && covering < e))
    .filter((r) => startingAt === undefined || segments(r).some(([, e]) => e > startingAt))
    .filter((r) => effectiveBefore === undefined || segments(r).some(([s]) => s < effectiveBefore))
    .sort((a, b) => a.seq - b.seq)
    .filter((r) => r.seq > q.afterSeq);
  const page = matching.slice(0, q.limit);
  const last = page[page.length - 1];
  return { page, next_page: matching.length > q.limit && last ? encodeCursor(last.seq) : null };
}
