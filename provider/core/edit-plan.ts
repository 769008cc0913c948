// Old outputs + new canonical inputs -> the in-place changes to make:
// one `/v2/contracts/commits/edit` body (without customer_id/commit_id, which
// the runtime adds) and the custom-field writes (edit-commit cannot touch
// custom fields, docs/metronome-api.md). Replace-only fields (replace.ts) are
// never planned: when they change, the engine replaces instead of updating.
//
// Schedules are edited by schedule-item id, as a delta:
//   1. an old item identical to a new one is left untouched;
//   2. remaining items with the same start (access) / timestamp (invoice)
//      become updates of only the sub-fields that changed;
//   3. what remains is paired by position (both lists in canonical order)
//      and likewise updated;
//   4. leftovers are added (new) or removed (old).
// Invoice items compare by value, not by how they were written: `amount: 500`
// and `unitPrice: 500, quantity: 1` are the same item to Metronome; a money
// update sends `unit_price` and `quantity` together.
//
// The plan is deterministic and empty (`{}`) when nothing editable changed,
// which the runtime also uses to confirm a write that may have applied.

import type { EditCommitBody } from "../api/wire";
import { canonicalize } from "./canonical";
import { accessItemToWire, invoiceItemToWire, specifierToWire } from "./payload";
import type { AccessScheduleItemInputs, InvoiceScheduleItemInputs, SpecifierInputs } from "./inputs";
import { type Obj, deepEqual, isObj } from "./util";

/** The edit-commit body without the ids of customer and commit. */
export type EditCommitChanges = Omit<EditCommitBody, "customer_id" | "commit_id">;

export interface UpdatePlan {
  edit?: EditCommitChanges;
  /** Custom fields to set (new keys and changed values). */
  setCustomFields?: Record<string, string>;
  /** Custom field keys to delete. */
  deleteCustomFieldKeys?: string[];
  /** Changes no Metronome endpoint can make in place (e.g. clearing a name); the runtime should refuse them. */
  unsupported?: Array<{ property: string; reason: string }>;
}

type AccessItem = AccessScheduleItemInputs & { id?: string };
type InvoiceItem = InvoiceScheduleItemInputs & { id?: string };

interface Pairing<T> {
  updates: Array<[T & { id?: string }, T]>;
  adds: T[];
  removes: Array<T & { id?: string }>;
}

function pairItems<T extends Obj>(olds: Array<T & { id?: string }>, news: T[], same: (a: T, b: T) => boolean, key: (t: T) => unknown): Pairing<T> {
  const oldLeft = [...olds];
  const newLeft: T[] = [];
  for (const n of news) {
    const i = oldLeft.findIndex((o) => same(o, n));
    if (i >= 0) oldLeft.splice(i, 1);
    else newLeft.push(n);
  }
  const updates: Array<[T & { id?: string }, T]> = [];
  const unmatched: T[] = [];
  for (const n of newLeft) {
    const i = oldLeft.findIndex((o) => deepEqual(key(o), key(n)));
    if (i >= 0) updates.push([oldLeft.splice(i, 1)[0] as T & { id?: string }, n]);
    else unmatched.push(n);
  }
  const adds: T[] = [];
  unmatched.forEach((n) => {
    const o = oldLeft.shift();
    if (o !== undefined) updates.push([o, n]);
    else adds.push(n);
  });
  return { updates, adds, removes: oldLeft };
}

// ---- access schedule --------------------------------------------------------

const sameAccess = (a: AccessItem, b: AccessItem): boolean =>
  a.amount === b.amount && a.startingAt === b.startingAt && a.endingBefore === b.endingBefore;

function planAccess(olds: AccessItem[], news: AccessItem[], unsupported: NonNullable<UpdatePlan["unsupported"]>): EditCommitChanges["access_schedule"] {
  const { updates, adds, removes } = pairItems(olds, news, sameAccess, (i) => i.startingAt);
  const update_schedule_items: NonNullable<NonNullable<EditCommitChanges["access_schedule"]>["update_schedule_items"]> = [];
  const remove_schedule_items: Array<{ id: string }> = [];
  const add_schedule_items = adds.map(accessItemToWire);
  for (const [o, n] of updates) {
    if (o.id === undefined) {
      unsupported.push({ property: "accessSchedule.scheduleItems", reason: "an old access item has no schedule-item id in state; refresh first" });
      continue;
    }
    update_schedule_items.push({
      id: o.id,
      ...(o.amount !== n.amount ? { amount: n.amount } : {}),
      ...(o.startingAt !== n.startingAt ? { starting_at: n.startingAt } : {}),
      ...(o.endingBefore !== n.endingBefore ? { ending_before: n.endingBefore } : {}),
    });
  }
  for (const o of removes) {
    if (o.id === undefined) unsupported.push({ property: "accessSchedule.scheduleItems", reason: "an old access item has no schedule-item id in state; refresh first" });
    else remove_schedule_items.push({ id: o.id });
  }
  return scheduleDelta(add_schedule_items, update_schedule_items, remove_schedule_items);
}

// ---- invoice schedule -------------------------------------------------------

/** What Metronome stores for an invoice item: amount, quantity and unit price. */
function effective(i: InvoiceItem): { amount: number; quantity: number; unitPrice: number } {
  if (i.amount !== undefined) return { amount: i.amount, quantity: 1, unitPrice: i.amount };
  const quantity = i.quantity ?? 0;
  const unitPrice = i.unitPrice ?? 0;
  return { amount: quantity * unitPrice, quantity, unitPrice };
}

const sameInvoice = (a: InvoiceItem, b: InvoiceItem): boolean => a.timestamp === b.timestamp && deepEqual(effective(a), effective(b));

function planInvoice(olds: InvoiceItem[], news: InvoiceItem[], unsupported: NonNullable<UpdatePlan["unsupported"]>): EditCommitChanges["invoice_schedule"] {
  const { updates, adds, removes } = pairItems(olds, news, sameInvoice, (i) => i.timestamp);
  type Update = NonNullable<NonNullable<EditCommitChanges["invoice_schedule"]>["update_schedule_items"]>[number];
  const update_schedule_items: Update[] = [];
  const remove_schedule_items: Array<{ id: string }> = [];
  const add_schedule_items = adds.map(invoiceItemToWire);
  for (const [o, n] of updates) {
    if (o.id === undefined) {
      unsupported.push({ property: "invoiceSchedule.scheduleItems", reason: "an old invoice item has no schedule-item id in state; refresh first" });
      continue;
    }
    const was = effective(o);
    const now = effective(n);
    const u: Update = { id: o.id };
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
    update_schedule_items.push(u);
  }
  for (const o of removes) {
    if (o.id === undefined) unsupported.push({ property: "invoiceSchedule.scheduleItems", reason: "an old invoice item has no schedule-item id in state; refresh first" });
    else remove_schedule_items.push({ id: o.id });
  }
  return scheduleDelta(add_schedule_items, update_schedule_items, remove_schedule_items);
}

function scheduleDelta<A, U, R>(add: A[], update: U[], remove: R[]) {
  if (add.length + update.length + remove.length === 0) return undefined;
  return {
    ...(add.length ? { add_schedule_items: add } : {}),
    ...(update.length ? { update_schedule_items: update } : {}),
    ...(remove.length ? { remove_schedule_items: remove } : {}),
  };
}

// ---- the plan -----------------------------------------------------------------

const itemsOf = <T>(schedule: unknown): T[] | undefined =>
  isObj(schedule) && Array.isArray(schedule.scheduleItems) ? (schedule.scheduleItems as T[]) : undefined;

const stringMap = (v: unknown): Record<string, string> => (isObj(v) ? (v as Record<string, string>) : {});

/** Plans the in-place update from old outputs to new canonical inputs. */
export function planUpdate(oldOutputs: Obj, newInputs: Obj): UpdatePlan {
  const o = canonicalize(oldOutputs);
  const n = canonicalize(newInputs);
  const edit: EditCommitChanges = {};
  const unsupported: NonNullable<UpdatePlan["unsupported"]> = [];
  const changed = (k: string): boolean => !deepEqual(o[k], n[k]);

  if (changed("name")) {
    if (typeof n.name === "string") edit.name = n.name;
    else unsupported.push({ property: "name", reason: "Metronome cannot clear a commit's name; give a new name instead" });
  }
  if (changed("description")) edit.description = typeof n.description === "string" ? n.description : "";
  if (changed("priority") && typeof n.priority === "number") edit.priority = n.priority;
  if (changed("productId") && typeof n.productId === "string") edit.product_id = n.productId;
  if (changed("rateType") && (n.rateType === "LIST_RATE" || n.rateType === "COMMIT_RATE")) edit.rate_type = n.rateType;
  if (changed("invoiceContractId")) {
    if (typeof n.invoiceContractId === "string") edit.invoice_contract_id = n.invoiceContractId;
    else unsupported.push({ property: "invoiceContractId", reason: "Metronome cannot remove a commit's invoice contract; name another contract instead" });
  }
  // POSTPAID applicableContractIds are replace-only (replace.ts).
  if (n.type !== "POSTPAID" && changed("applicableContractIds")) edit.applicable_contract_ids = (n.applicableContractIds as string[] | undefined) ?? null;
  if (changed("applicableProductIds")) edit.applicable_product_ids = (n.applicableProductIds as string[] | undefined) ?? null;
  if (changed("applicableProductTags")) edit.applicable_product_tags = (n.applicableProductTags as string[] | undefined) ?? null;
  if (changed("specifiers")) edit.specifiers = (n.specifiers as SpecifierInputs[] | undefined)?.map(specifierToWire) ?? null;

  const oldAccess = itemsOf<AccessItem>(o.accessSchedule);
  const newAccess = itemsOf<AccessItem>(n.accessSchedule);
  if (oldAccess && newAccess) {
    const delta = planAccess(oldAccess, newAccess, unsupported);
    if (delta) edit.access_schedule = delta;
  }
  // Only an existing list of invoice items is edited; a schedule appearing,
  // disappearing or recurring is a replacement (replace.ts).
  const oldInvoice = itemsOf<InvoiceItem>(o.invoiceSchedule);
  const newInvoice = itemsOf<InvoiceItem>(n.invoiceSchedule);
  if (oldInvoice && newInvoice) {
    const delta = planInvoice(oldInvoice, newInvoice, unsupported);
    if (delta) edit.invoice_schedule = delta;
  }

  const plan: UpdatePlan = {};
  if (Object.keys(edit).length > 0) plan.edit = edit;

  const oldFields = stringMap(o.customFields);
  const newFields = stringMap(n.customFields);
  const set: Record<string, string> = {};
  for (const k of Object.keys(newFields).sort()) if (oldFields[k] !== newFields[k]) set[k] = newFields[k] as string;
  const del = Object.keys(oldFields)
    .filter((k) => !(k in newFields))
    .sort();
  if (Object.keys(set).length > 0) plan.setCustomFields = set;
  if (del.length > 0) plan.deleteCustomFieldKeys = del;
  if (unsupported.length > 0) plan.unsupported = unsupported;
  return plan;
}
