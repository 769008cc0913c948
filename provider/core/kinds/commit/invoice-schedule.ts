// A commit's invoice schedule: when and how much the customer is invoiced.
// Commits only (credits are not invoiced). Items of an existing schedule are
// edited in place by schedule-item id; the schedule's presence, credit type,
// doNotInvoice and a recurring schedule are fixed at creation (edit-commit
// only adds, updates and removes items). A recurring schedule comes back
// expanded into items and is never returned, so it is kept from the prior
// state.

import { z } from "zod";
import { USD_CENTS_CREDIT_TYPE_ID } from "../../../api/wire";
import type { InvoiceScheduleItem, InvoiceScheduleItemInput, RecurringScheduleInput } from "../../../api/wire";
import { canonicalId, sortedGiven, sortedItems, upper } from "../../canonical-values";
import { AMOUNT_DISTRIBUTIONS, FREQUENCIES } from "../../inputs-constants";
import type { InvoiceScheduleInputs, InvoiceScheduleItemInputs, RecurringScheduleInputs } from "../../inputs";
import type { Field } from "../../kind/field";
import { canonicalTimestamp } from "../../timestamps";
import { type Obj, compact, deepEqual, isObj } from "../../util";
import { caseInsensitiveEnum, id, timestamp } from "../../fields/values";
import { itemsOf, noItemId, pairItems, scheduleDelta } from "../../fields/schedule-delta";

export const invoiceScheduleItemSchema = z.strictObject({
  timestamp,
  amount: z.number().optional(),
  quantity: z.number().optional(),
  unitPrice: z.number().optional(),
});

export const recurringScheduleSchema = z.strictObject({
  amountDistribution: caseInsensitiveEnum(AMOUNT_DISTRIBUTIONS),
  frequency: caseInsensitiveEnum(FREQUENCIES),
  startingAt: timestamp,
  endingBefore: timestamp,
  amount: z.number().optional(),
  quantity: z.number().optional(),
  unitPrice: z.number().optional(),
});

export const invoiceScheduleSchema = z.strictObject({
  creditTypeId: id.optional(),
  doNotInvoice: z.boolean().optional(),
  scheduleItems: z.array(invoiceScheduleItemSchema).min(1, "must have at least one schedule item").optional(),
  recurringSchedule: recurringScheduleSchema.optional(),
});

// ---- canonical form ------------------------------------------------------------

function canonicalInvoiceItem(item: Obj): Obj {
  return sortedGiven({ ...item, timestamp: canonicalTimestamp(item.timestamp) });
}

export function canonicalRecurring(r: unknown): unknown {
  if (!isObj(r)) return r;
  return sortedGiven({
    ...r,
    amountDistribution: upper(r.amountDistribution),
    frequency: upper(r.frequency),
    startingAt: canonicalTimestamp(r.startingAt),
    endingBefore: canonicalTimestamp(r.endingBefore),
  });
}

function canonicalInvoiceSchedule(s: unknown): unknown {
  if (!isObj(s)) return s;
  return sortedGiven({
    ...s,
    creditTypeId: canonicalId(s.creditTypeId ?? USD_CENTS_CREDIT_TYPE_ID),
    doNotInvoice: s.doNotInvoice ?? false,
    scheduleItems: sortedItems(s.scheduleItems, canonicalInvoiceItem, "timestamp"),
    recurringSchedule: canonicalRecurring(s.recurringSchedule),
  });
}

// ---- create body -----------------------------------------------------------------

export const invoiceItemToWire = (i: InvoiceScheduleItemInputs): InvoiceScheduleItemInput =>
  compact({ timestamp: i.timestamp, amount: i.amount, quantity: i.quantity, unit_price: i.unitPrice });

const recurringToWire = (r: RecurringScheduleInputs): RecurringScheduleInput =>
  compact({
    amount_distribution: r.amountDistribution,
    frequency: r.frequency,
    starting_at: r.startingAt,
    ending_before: r.endingBefore,
    amount: r.amount,
    quantity: r.quantity,
    unit_price: r.unitPrice,
  });

// ---- read-back -------------------------------------------------------------------
// Items come back with amount, quantity AND unit_price: the form the user
// declared (amount, or unitPrice + quantity) is taken from the prior item
// with the same id (else the same timestamp).

function priorInvoiceItems(prior: Obj): Obj[] {
  const s = prior.invoiceSchedule;
  if (!isObj(s) || !Array.isArray(s.scheduleItems)) return [];
  return s.scheduleItems.filter(isObj);
}

/** Did the user declare this invoice item as unitPrice + quantity? */
function declaredAsUnitPrice(item: InvoiceScheduleItem, priors: Obj[]): boolean | undefined {
  const ts = canonicalTimestamp(item.timestamp);
  const prior =
    priors.find((p) => p.id !== undefined && p.id === item.id) ?? priors.find((p) => canonicalTimestamp(p.timestamp) === ts);
  if (prior === undefined) return undefined;
  return prior.amount === undefined && prior.unitPrice !== undefined;
}

function invoiceItem(item: InvoiceScheduleItem, priors: Obj[]): Obj {
  const base = { id: item.id, timestamp: item.timestamp };
  const hasUnit = typeof item.unit_price === "number" && typeof item.quantity === "number";
  const hasAmount = typeof item.amount === "number";
  const declared = declaredAsUnitPrice(item, priors);
  // Amount form when the user used it (or nothing says otherwise) and the
  // server's split is the trivial one (quantity 1 at the full amount);
  // any other split is shown as it is, so a change made elsewhere is visible.
  const trivialSplit = !hasUnit || (item.quantity === 1 && item.unit_price === item.amount);
  if (hasAmount && declared !== true && trivialSplit) return { ...base, amount: item.amount };
  if (hasUnit) return { ...base, quantity: item.quantity, unitPrice: item.unit_price };
  return { ...base, amount: item.amount };
}

interface WireInvoiceSchedule {
  credit_type?: { id: string };
  do_not_invoice?: boolean;
  schedule_items?: InvoiceScheduleItem[];
}

function readInvoiceSchedule(record: Obj, prior: Obj): unknown {
  const inv = record.invoice_schedule as WireInvoiceSchedule | undefined;
  if (inv === undefined) return undefined;
  const recurring = isObj(prior.invoiceSchedule) ? prior.invoiceSchedule.recurringSchedule : undefined;
  const items = (inv.schedule_items ?? []).map((i) => invoiceItem(i, priorInvoiceItems(prior)));
  const head = { creditTypeId: inv.credit_type?.id ?? USD_CENTS_CREDIT_TYPE_ID, doNotInvoice: inv.do_not_invoice ?? false };
  if (isObj(recurring)) return { ...head, recurringSchedule: recurring };
  if (items.length > 0) return { ...head, scheduleItems: items };
  return undefined;
}

// ---- edit ------------------------------------------------------------------------
// Items compare by value, not by how they were written: `amount: 500` and
// `unitPrice: 500, quantity: 1` are the same item to Metronome.

type InvoiceItem = InvoiceScheduleItemInputs & { id?: string };

/** What Metronome stores for an invoice item: amount, quantity and unit price. */
function effective(i: InvoiceItem): { amount: number; quantity: number; unitPrice: number } {
  if (i.amount !== undefined) return { amount: i.amount, quantity: 1, unitPrice: i.amount };
  const quantity = i.quantity ?? 0;
  const unitPrice = i.unitPrice ?? 0;
  return { amount: quantity * unitPrice, quantity, unitPrice };
}

const sameInvoice = (a: InvoiceItem, b: InvoiceItem): boolean => a.timestamp === b.timestamp && deepEqual(effective(a), effective(b));

type InvoiceUpdate = { id: string; timestamp?: string; amount?: number; quantity?: number; unit_price?: number };

export const invoiceScheduleField = {
  schema: invoiceScheduleSchema.optional(),
  wire: "invoice_schedule",
  change: "edit",
  canonical: canonicalInvoiceSchedule,
  toWire: (s: InvoiceScheduleInputs) =>
    compact({
      credit_type_id: s.creditTypeId,
      do_not_invoice: s.doNotInvoice,
      schedule_items: s.scheduleItems?.map(invoiceItemToWire),
      recurring_schedule: s.recurringSchedule && recurringToWire(s.recurringSchedule),
    }),
  read: readInvoiceSchedule,
  // Only an existing list of items is edited; a schedule appearing,
  // disappearing or recurring is a replacement (the fixed part below).
  edit: (old, next, ctx) => {
    const olds = itemsOf<InvoiceItem>(old);
    const news = itemsOf<InvoiceItem>(next);
    if (olds === undefined || news === undefined) return;
    const { updates, adds, removes } = pairItems(olds, news, sameInvoice, (i) => i.timestamp);
    const update: InvoiceUpdate[] = [];
    const remove: Array<{ id: string }> = [];
    for (const [o, n] of updates) {
      if (o.id === undefined) {
        ctx.unsupported.push({ property: "invoiceSchedule.scheduleItems", reason: noItemId("invoice") });
        continue;
      }
      const was = effective(o);
      const now = effective(n);
      const u: InvoiceUpdate = { id: o.id };
      if (o.timestamp !== n.timestamp) u.timestamp = n.timestamp;
      // A money change always sends unit_price and quantity together, which
      // fixes all three of the item's fields (amount = unit_price x quantity;
      // an amount-form item is unit_price = amount, quantity 1, as create
      // documents). No source says what `amount` alone, or one of the two
      // alone, does to the other fields of an existing item.
      if (was.quantity !== now.quantity || was.unitPrice !== now.unitPrice) {
        u.unit_price = now.unitPrice;
        u.quantity = now.quantity;
      }
      update.push(u);
    }
    for (const o of removes) {
      if (o.id === undefined) ctx.unsupported.push({ property: "invoiceSchedule.scheduleItems", reason: noItemId("invoice") });
      else remove.push({ id: o.id });
    }
    const delta = scheduleDelta(adds.map(invoiceItemToWire), update, remove);
    if (delta) ctx.edit.invoice_schedule = delta;
  },
  fixed: ["creditTypeId", "doNotInvoice", "recurringSchedule"],
  replace: {
    what: "invoiceSchedule presence, creditTypeId, doNotInvoice, recurringSchedule",
    why: "fixed at creation; edit-commit only adds, updates and removes invoice items",
    review: "the invoice schedule's fixed part (credit type, doNotInvoice, recurring schedule, or whether there is one)",
  },
} satisfies Field;
