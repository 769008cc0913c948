// Schedule items that change, matched by Metronome's schedule-item id. The
// provider's own edit planner (provider/core/edit-plan.ts) decides which old
// item each new item updates, exactly as `pulumi up` will; this file only
// turns its wire-form delta back into before/after items for display.

import { planUpdate, type UpdatePlan } from "../../provider/core/edit-plan";
import type { Kind } from "../../provider/core/kind/kind";
import type { AccessItem, InvoiceItem, ItemChange } from "./model";
import { accessItemOf, canonicalProps, invoiceAmountOf, invoiceItemOf } from "./snapshot";
import { type Val, isNumber, isString, normalizeOpaque, toVal } from "./values";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const itemsAt = (props: Obj, schedule: string): Obj[] => {
  const s = props[schedule];
  return isObj(s) && Array.isArray(s.scheduleItems) ? s.scheduleItems.filter(isObj) : [];
};
const num = (raw: unknown, fallback: Val<number>): Val<number> => (raw === undefined ? fallback : (toVal(raw, isNumber) ?? fallback));
const str = (raw: unknown, fallback: Val<string>): Val<string> => (raw === undefined ? fallback : (toVal(raw, isString) ?? fallback));

export interface ScheduleChanges {
  items: ItemChange[];
  /** Changes no Metronome endpoint can make in place: `pulumi up` will refuse them. */
  unsupported: NonNullable<UpdatePlan["unsupported"]>;
}

/**
 * `oldOutputs`: the old side's outputs (with item ids); `newInputs`: the new
 * side's inputs; `__` keys removed. A kind without an invoice schedule (a
 * credit) plans no invoice items.
 */
export function scheduleChanges(oldOutputs: Obj, newInputs: Obj, kind: Kind): ScheduleChanges {
  const plan = planUpdate(normalizeOpaque(oldOutputs) as Obj, normalizeOpaque(newInputs) as Obj, kind);
  const old = canonicalProps(oldOutputs, kind);
  const oldAccess = new Map(itemsAt(old, "accessSchedule").map((raw) => [String(raw.id), raw]));
  const oldInvoice = new Map(itemsAt(old, "invoiceSchedule").map((raw) => [String(raw.id), raw]));
  const items: ItemChange[] = [];

  const access = plan.edit?.access_schedule;
  for (const u of access?.update_schedule_items ?? []) {
    // planUpdate only names ids it found among the old items.
    const before: AccessItem = accessItemOf(oldAccess.get(u.id) ?? { id: u.id });
    const after: AccessItem = {
      id: u.id,
      amount: num(u.amount, before.amount),
      startingAt: str(u.starting_at, before.startingAt),
      endingBefore: str(u.ending_before, before.endingBefore),
    };
    items.push({ schedule: "access", kind: "update", id: u.id, before, after });
  }
  for (const a of access?.add_schedule_items ?? []) {
    items.push({ schedule: "access", kind: "add", after: accessItemOf({ amount: a.amount, startingAt: a.starting_at, endingBefore: a.ending_before }) });
  }
  for (const r of access?.remove_schedule_items ?? []) {
    const raw = oldAccess.get(r.id);
    if (raw) items.push({ schedule: "access", kind: "remove", id: r.id, before: accessItemOf(raw) });
  }

  const invoice = plan.edit?.invoice_schedule;
  for (const u of invoice?.update_schedule_items ?? []) {
    const raw = oldInvoice.get(u.id) ?? { id: u.id };
    const before: InvoiceItem = invoiceItemOf(raw);
    const amount =
      u.amount !== undefined
        ? num(u.amount, before.amount)
        : u.quantity !== undefined || u.unit_price !== undefined
          ? invoiceAmountOf({
              quantity: u.quantity ?? raw.quantity ?? 1,
              unitPrice: u.unit_price ?? raw.unitPrice ?? raw.amount,
            })
          : before.amount;
    items.push({ schedule: "invoice", kind: "update", id: u.id, before, after: { id: u.id, timestamp: str(u.timestamp, before.timestamp), amount } });
  }
  for (const a of invoice?.add_schedule_items ?? []) {
    items.push({
      schedule: "invoice",
      kind: "add",
      after: invoiceItemOf({ timestamp: a.timestamp, amount: a.amount, quantity: a.quantity, unitPrice: a.unit_price }),
    });
  }
  for (const r of invoice?.remove_schedule_items ?? []) {
    const raw = oldInvoice.get(r.id);
    if (raw) items.push({ schedule: "invoice", kind: "remove", id: r.id, before: invoiceItemOf(raw) });
  }
  return { items, unsupported: plan.unsupported ?? [] };
}
