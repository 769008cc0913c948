// Expanding a recurring invoice schedule into concrete items. Metronome never
// answers `recurring_schedule` on read: it answers the items it generated,
// each with amount, quantity and unit_price. The split rules here are the
// emulator's reading of the three distributions (see README "Deliberate
// choices"):
//   - one item per period start in [starting_at, ending_before), periods
//     counted in calendar months from starting_at (1, 3, 6 or 12);
//   - EACH: every item carries the full amount (or unit_price x quantity);
//   - DIVIDED: the total is split evenly (fractions kept); with
//     unit_price + quantity the quantity is divided, the unit price kept;
//   - DIVIDED_ROUNDED: the total is split into whole units, each item but
//     the last rounded to the nearest unit and the last taking the
//     remainder, so the items always add up to the total exactly.

import { randomUUID } from "node:crypto";
import { addMonthsUtc, toIso } from "./time";
import type { InvoiceItem } from "./model";

export type Frequency = "MONTHLY" | "QUARTERLY" | "SEMI_ANNUAL" | "ANNUAL";
export type Distribution = "DIVIDED" | "DIVIDED_ROUNDED" | "EACH";
export const FREQUENCIES: readonly Frequency[] = ["MONTHLY", "QUARTERLY", "SEMI_ANNUAL", "ANNUAL"];
export const DISTRIBUTIONS: readonly Distribution[] = ["DIVIDED", "DIVIDED_ROUNDED", "EACH"];

const MONTHS: Record<Frequency, number> = { MONTHLY: 1, QUARTERLY: 3, SEMI_ANNUAL: 6, ANNUAL: 12 };

export interface RecurringInput {
  startMs: number;
  endMs: number;
  frequency: Frequency;
  distribution: Distribution;
  /** Either amount, or unit_price and quantity. */
  amount?: number;
  unitPrice?: number;
  quantity?: number;
}

/** Period starts in [start, end), at most `cap` of them. */
export function periodStarts(startMs: number, endMs: number, frequency: Frequency, cap = 1200): number[] {
  const out: number[] = [];
  for (let k = 0; k < cap; k++) {
    const at = addMonthsUtc(startMs, k * MONTHS[frequency]);
    if (at >= endMs) break;
    out.push(at);
  }
  return out;
}

export function expandRecurring(input: RecurringInput): InvoiceItem[] {
  const starts = periodStarts(input.startMs, input.endMs, input.frequency);
  const n = starts.length;
  const byAmount = input.amount !== undefined;
  const unitPrice = input.unitPrice ?? 0;
  const quantity = input.quantity ?? 0;
  const total = byAmount ? (input.amount as number) : unitPrice * quantity;

  const shares: Array<{ amount: number; quantity: number; unit_price: number }> = starts.map((_, i) => {
    switch (input.distribution) {
      case "EACH":
        return byAmount
          ? { amount: total, quantity: 1, unit_price: total }
          : { amount: total, quantity, unit_price: unitPrice };
      case "DIVIDED":
        return byAmount
          ? { amount: total / n, quantity: 1, unit_price: total / n }
          : { amount: (unitPrice * quantity) / n, quantity: quantity / n, unit_price: unitPrice };
      case "DIVIDED_ROUNDED": {
        const each = Math.round(total / n);
        const amount = i < n - 1 ? each : total - each * (n - 1);
        return { amount, quantity: 1, unit_price: amount };
      }
    }
  });

  return starts.map((at, i) => ({
    id: randomUUID(),
    timestamp: toIso(at),
    ...(shares[i] as { amount: number; quantity: number; unit_price: number }),
    invoice_id: null,
  }));
}
