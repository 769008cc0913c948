// What `onDelete: "endAccess"` would do to a commit or credit if applied at
// a given time. The provider (provider/runtime/delete.ts) ends access (and a
// commit's invoices) at the next whole UTC hour through Metronome's
// updateEndDate, which:
//   - works on PREPAID commits only (and on any credit);
//   - only moves the end earlier (nothing to do when access already ended);
//   - refuses an end at or before the first access start;
//   - removes access items that start at or after the new end (their amount
//     leaves the commit) and shortens the one in progress (its amount stays);
//   - removes a commit's invoice items dated at or after the new end.
// The result is an estimate: the real end is the hour after `pulumi up` runs.

import { formatTimestamp, parseTimestamp } from "../../provider/core/timestamps";
import type { EndAccessEstimate, InvoiceItem, Snapshot } from "./model";
import { sumVals } from "./snapshot";
import { UNKNOWN_VALUE, isOpaque } from "./values";

const HOUR_MS = 3_600_000;

/** The next whole UTC hour strictly after `asOf`, as the provider computes it. */
export function nextWholeHour(asOf: Date): string {
  return formatTimestamp(Math.floor(asOf.getTime() / HOUR_MS) * HOUR_MS + HOUR_MS);
}

const msOf = (v: unknown): number | undefined => (typeof v === "string" ? parseTimestamp(v) : undefined);

export function estimateEndAccess(before: Snapshot, asOf: Date): EndAccessEstimate {
  const endsAt = nextWholeHour(asOf);
  const end = parseTimestamp(endsAt) as number;
  const base = { asOf: formatTimestamp(asOf.getTime()), endsAt };
  if (before.type === "POSTPAID") {
    return { ...base, droppedAccess: [], lostValue: 0, droppedInvoices: [], refusal: "Metronome ends access early only for PREPAID commits" };
  }
  if (isOpaque(before.access)) return { ...base, droppedAccess: [], lostValue: before.access, droppedInvoices: [] };
  const items = before.access;
  const starts = items.map((i) => msOf(i.startingAt));
  const ends = items.map((i) => msOf(i.endingBefore));
  if (starts.some((s) => s === undefined) || ends.some((e) => e === undefined)) {
    return { ...base, droppedAccess: [], lostValue: UNKNOWN_VALUE, droppedInvoices: [] };
  }
  const currentEnd = Math.max(...(ends as number[]));
  const firstStart = Math.min(...(starts as number[]));
  if (currentEnd <= end) return { ...base, droppedAccess: [], lostValue: 0, droppedInvoices: [], alreadyEnded: true };
  if (end <= firstStart) {
    return {
      ...base,
      droppedAccess: [],
      lostValue: 0,
      droppedInvoices: [],
      refusal: `Metronome cannot end access before it starts (${formatTimestamp(firstStart)})`,
    };
  }
  const droppedAccess = items.filter((_, i) => (starts[i] as number) >= end);
  const invoices: InvoiceItem[] = before.invoicing?.kind === "items" ? before.invoicing.items : [];
  const droppedInvoices = invoices.filter((i) => {
    const t = msOf(i.timestamp);
    return t !== undefined && t >= end;
  });
  return { ...base, droppedAccess, lostValue: sumVals(droppedAccess.map((i) => i.amount)), droppedInvoices };
}
