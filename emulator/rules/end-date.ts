// Moving the end of an access schedule earlier (`updateEndDate` of commits
// and credits). The end may only move earlier; access items starting at or
// after the new end are removed and the one spanning it is cut there; an
// item applied to a finalized invoice cannot be removed.

import { badRequest } from "../errors";
import type { AccessItem } from "../model";

/**
 * The access items once access ends at `accessEnd` (answer form), or
 * undefined when the request is to change nothing: ending access at or
 * before it starts, under `ignoreUnsourced` (no source says what that does;
 * otherwise it is refused).
 */
export function endAccessBefore(
  items: AccessItem[],
  accessEnd: string,
  what: "commit" | "credit",
  ignoreUnsourced: boolean,
): AccessItem[] | undefined {
  const end = Date.parse(accessEnd);
  const currentEnd = Math.max(...items.map((i) => Date.parse(i.ending_before)));
  const firstStart = Math.min(...items.map((i) => Date.parse(i.starting_at)));
  if (end >= currentEnd) {
    throw badRequest(
      `access_ending_before must be earlier than the ${what}'s current end (${new Date(currentEnd).toISOString()}); the end can only move earlier`,
    );
  }
  if (end <= firstStart) {
    if (ignoreUnsourced) return undefined;
    throw badRequest(`access_ending_before must be after the ${what}'s first access starting_at`);
  }
  const dropped = items.filter((i) => Date.parse(i.starting_at) >= end);
  if (dropped.some((i) => i.on_finalized_invoice)) {
    throw badRequest("access_ending_before would remove an access schedule item applied to a finalized invoice");
  }
  return items
    .filter((i) => Date.parse(i.starting_at) < end)
    .map((i) => (Date.parse(i.ending_before) > end ? { ...i, ending_before: accessEnd } : i));
}
