// `v2/contracts/commits/edit` applied to a copy of a commit. Schedule edits
// are deltas by schedule-item id (add / update / remove). After applying,
// the commit's invariants are checked again on the copy; only a copy that
// passes replaces the stored commit, so a refused edit changes nothing.

import { badRequest } from "../errors";
import { requireTimestamp } from "../time";
import { USD_CENTS_CREDIT_TYPE_ID } from "../credit-types";
import { type Body, isPresent, optionalUuid, requireNumber, requireObject } from "./fields";
import { requireCustomerContract } from "./references";
import { parseInvoiceItem } from "./schedules";
import { checkCommitInvariants } from "./invariants";
import { editOwnFields, editTargets, has, type EditMode } from "./edit-fields";
import { editAccessItems, readDelta } from "./schedule-delta";
import type { CommitRecord, State } from "../model";

export type { EditMode } from "./edit-fields";

export function applyEdit(state: State, original: CommitRecord, body: Body, mode: EditMode): CommitRecord {
  const c = structuredClone(original);

  editOwnFields(state, c, body, mode, "commit");
  const invoiceContract = optionalUuid(body.invoice_contract_id, "invoice_contract_id");
  if (invoiceContract) {
    requireCustomerContract(state, c.customer_id, invoiceContract, "invoice_contract_id");
    c.invoice_contract_id = invoiceContract;
  }
  if (has(body, "applicable_contract_ids") && c.type === "POSTPAID") {
    throw badRequest("applicable_contract_ids cannot be edited on POSTPAID commits");
  }
  editTargets(state, c, body);

  if (isPresent(body.access_schedule)) {
    c.access_schedule.schedule_items = editAccessItems(
      c.access_schedule.schedule_items,
      requireObject(body.access_schedule, "access_schedule"),
      "commit",
    );
  }
  if (isPresent(body.invoice_schedule)) editInvoices(c, requireObject(body.invoice_schedule, "invoice_schedule"), mode);

  checkCommitInvariants(c);
  return c;
}

function editInvoices(c: CommitRecord, raw: Body, mode: EditMode): void {
  const s = "invoice_schedule";
  const delta = readDelta(raw, s);
  const schedule = (c.invoice_schedule ??= {
    credit_type_id: USD_CENTS_CREDIT_TYPE_ID,
    do_not_invoice: false,
    schedule_items: [],
  });
  const items = schedule.schedule_items;
  delta.update.forEach((u, i) => {
    const f = `${s}.update_schedule_items[${i}]`;
    const item = items.find((it) => it.id === u.id);
    if (!item) throw badRequest(`${f}.id ${String(u.id)}: schedule item not found on this commit`);
    if (item.invoice_id) throw badRequest(`${f}.id ${item.id}: this invoice schedule item is on a finalized invoice and cannot be updated`);
    if (isPresent(u.timestamp)) item.timestamp = requireTimestamp(u.timestamp, `${f}.timestamp`);
    const hasAmount = isPresent(u.amount);
    const hasUnit = isPresent(u.unit_price);
    const hasQty = isPresent(u.quantity);
    if (hasAmount && (hasUnit || hasQty)) throw badRequest(`${f}: give either amount or unit_price/quantity, not both`);
    // What `amount` alone, or one of unit_price/quantity, does to an item's
    // other money fields is said nowhere; both together fix every field.
    if (mode.ignoreUnsourced && !(hasUnit && hasQty)) return;
    if (hasAmount) {
      item.amount = requireNumber(u.amount, `${f}.amount`, { min: 0 });
      item.quantity = 1;
      item.unit_price = item.amount;
    } else if (hasUnit || hasQty) {
      if (hasUnit) item.unit_price = requireNumber(u.unit_price, `${f}.unit_price`, { min: 0 });
      if (hasQty) item.quantity = requireNumber(u.quantity, `${f}.quantity`, { min: 0 });
      item.amount = item.unit_price * item.quantity;
    }
  });
  delta.remove.forEach((id, i) => {
    const f = `${s}.remove_schedule_items[${i}].id`;
    const item = items.find((it) => it.id === id);
    if (!item) throw badRequest(`${f} ${id}: schedule item not found on this commit`);
    if (item.invoice_id) throw badRequest(`${f} ${id}: this invoice schedule item is on a finalized invoice and cannot be removed`);
  });
  const added = delta.add.map((a, i) => parseInvoiceItem(a, `${s}.add_schedule_items[${i}]`));
  schedule.schedule_items = items.filter((it) => !delta.remove.includes(it.id)).concat(added);
}
