// A tiny in-memory imitation of what Metronome does to a commit, enough to
// test the pure mappings end to end without the emulator: a create body
// becomes the read-back `Commit` (docs/metronome-api.md: ids on items,
// millisecond timestamps, reference objects, all three invoice amounts,
// recurring schedules expanded), and edit bodies are applied by item id.

import type { Commit, CreateCommitBody, EditCommitBody, InvoiceScheduleItem } from "../../../provider/api/wire";
import { USD_CENTS_CREDIT_TYPE_ID } from "../../../provider/api/wire";
import type { EditCommitChanges, UpdatePlan } from "../../../provider/core";
import { COMMIT_ID } from "./fixtures";

const ms = (t: string): string => new Date(Date.parse(t)).toISOString();
const credit = (id?: string) => ({ id: id ?? USD_CENTS_CREDIT_TYPE_ID, name: "credit" });

function invoiceItem(id: string, i: { timestamp: string; amount?: number; quantity?: number; unit_price?: number }): InvoiceScheduleItem {
  const quantity = i.amount !== undefined ? 1 : (i.quantity ?? 0);
  const unit_price = i.amount !== undefined ? i.amount : (i.unit_price ?? 0);
  return { id, timestamp: ms(i.timestamp), amount: quantity * unit_price, quantity, unit_price, invoice_id: null };
}

/** Monthly expansion of a recurring schedule (the only frequency the fixtures use). */
function expand(r: NonNullable<NonNullable<CreateCommitBody["invoice_schedule"]>["recurring_schedule"]>): InvoiceScheduleItem[] {
  const out: InvoiceScheduleItem[] = [];
  const start = new Date(r.starting_at);
  const end = Date.parse(r.ending_before);
  const months: string[] = [];
  for (let m = 0; ; m++) {
    const t = Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + m, start.getUTCDate(), start.getUTCHours());
    if (t >= end) break;
    months.push(new Date(t).toISOString());
  }
  const total = r.amount ?? (r.quantity ?? 0) * (r.unit_price ?? 0);
  months.forEach((t, n) => out.push(invoiceItem(`rec-${n + 1}`, { timestamp: t, amount: r.amount_distribution === "EACH" ? total : total / months.length })));
  return out;
}

/** What customerCommits/list returns after creating `body`. Items come back in reverse order on purpose. */
export function readBack(body: CreateCommitBody, extra: Partial<Commit> = {}): Commit {
  const inv = body.invoice_schedule;
  return {
    id: COMMIT_ID,
    type: body.type,
    product: { id: body.product_id, name: "product" },
    created_at: "2026-12-15T10:30:00.000Z",
    rate_type: body.rate_type ?? "LIST_RATE",
    priority: body.priority,
    ...(body.name !== undefined ? { name: body.name } : {}),
    ...(body.description !== undefined ? { description: body.description } : {}),
    access_schedule: {
      credit_type: credit(body.access_schedule.credit_type_id),
      schedule_items: body.access_schedule.schedule_items
        .map((i, n) => ({ id: `acc-${n + 1}`, amount: i.amount, starting_at: ms(i.starting_at), ending_before: ms(i.ending_before) }))
        .reverse(),
    },
    ...(inv !== undefined
      ? {
          invoice_schedule: {
            credit_type: credit(inv.credit_type_id),
            do_not_invoice: inv.do_not_invoice ?? false,
            schedule_items: (inv.recurring_schedule
              ? expand(inv.recurring_schedule)
              : (inv.schedule_items ?? []).map((i, n) => invoiceItem(`inv-${n + 1}`, i))
            ).reverse(),
          },
        }
      : {}),
    ...(body.invoice_contract_id !== undefined ? { invoice_contract: { id: body.invoice_contract_id } } : {}),
    ...(body.applicable_contract_ids ? { applicable_contract_ids: [...body.applicable_contract_ids].reverse() } : {}),
    ...(body.applicable_product_ids ? { applicable_product_ids: [...body.applicable_product_ids].reverse() } : {}),
    ...(body.applicable_product_tags ? { applicable_product_tags: [...body.applicable_product_tags].reverse() } : {}),
    ...(body.specifiers ? { specifiers: [...body.specifiers].reverse() } : {}),
    ...(body.custom_fields ? { custom_fields: body.custom_fields } : {}),
    ...(body.netsuite_sales_order_id ? { netsuite_sales_order_id: body.netsuite_sales_order_id } : {}),
    ...(body.salesforce_opportunity_id ? { salesforce_opportunity_id: body.salesforce_opportunity_id } : {}),
    ...(body.uniqueness_key ? { uniqueness_key: body.uniqueness_key } : {}),
    ...extra,
  };
}

let newIds = 0;

/** Applies an edit-commit body and custom-field writes the way Metronome does. */
export function applyPlan(commit: Commit, plan: UpdatePlan): Commit {
  const c: Commit = structuredClone(commit);
  const e: EditCommitChanges | Omit<EditCommitBody, "customer_id" | "commit_id"> = plan.edit ?? {};
  if (e.name !== undefined) c.name = e.name;
  if (e.description !== undefined) c.description = e.description;
  if (e.priority !== undefined && e.priority !== null) c.priority = e.priority;
  if (e.product_id !== undefined) c.product = { id: e.product_id, name: "product" };
  if (e.rate_type !== undefined) c.rate_type = e.rate_type;
  if (e.invoice_contract_id !== undefined) c.invoice_contract = { id: e.invoice_contract_id };
  const setList = (k: "applicable_contract_ids" | "applicable_product_ids" | "applicable_product_tags", v: string[] | null | undefined) => {
    if (v === undefined) return;
    if (v === null) delete c[k];
    else c[k] = v;
  };
  setList("applicable_contract_ids", e.applicable_contract_ids);
  setList("applicable_product_ids", e.applicable_product_ids);
  setList("applicable_product_tags", e.applicable_product_tags);
  if (e.specifiers === null) delete c.specifiers;
  else if (e.specifiers !== undefined) c.specifiers = e.specifiers;

  const a = e.access_schedule;
  if (a && c.access_schedule) {
    let items = c.access_schedule.schedule_items.filter((i) => !a.remove_schedule_items?.some((r) => r.id === i.id));
    items = items.map((i) => {
      const u = a.update_schedule_items?.find((x) => x.id === i.id);
      return u ? { ...i, ...(u.amount !== undefined ? { amount: u.amount } : {}), ...(u.starting_at ? { starting_at: ms(u.starting_at) } : {}), ...(u.ending_before ? { ending_before: ms(u.ending_before) } : {}) } : i;
    });
    for (const add of a.add_schedule_items ?? []) items.push({ id: `new-${++newIds}`, amount: add.amount, starting_at: ms(add.starting_at), ending_before: ms(add.ending_before) });
    c.access_schedule.schedule_items = items;
  }
  const inv = e.invoice_schedule;
  if (inv && c.invoice_schedule) {
    let items = (c.invoice_schedule.schedule_items ?? []).filter((i) => !inv.remove_schedule_items?.some((r) => r.id === i.id));
    items = items.map((i) => {
      const u = inv.update_schedule_items?.find((x) => x.id === i.id);
      if (!u) return i;
      // As Metronome: an amount alone means quantity 1 at that amount.
      const quantity = u.amount !== undefined ? 1 : (u.quantity ?? i.quantity);
      const unit_price = u.amount !== undefined ? u.amount : (u.unit_price ?? i.unit_price);
      const amount = quantity * unit_price;
      return { ...i, timestamp: u.timestamp ? ms(u.timestamp) : i.timestamp, quantity, unit_price, amount };
    });
    for (const add of inv.add_schedule_items ?? []) items.push(invoiceItem(`new-${++newIds}`, add));
    c.invoice_schedule.schedule_items = items;
  }
  if (plan.setCustomFields) c.custom_fields = { ...(c.custom_fields ?? {}), ...plan.setCustomFields };
  if (plan.deleteCustomFieldKeys) {
    const next = { ...(c.custom_fields ?? {}) };
    for (const k of plan.deleteCustomFieldKeys) delete next[k];
    c.custom_fields = next;
  }
  return c;
}
