// `v2/contracts/commits/edit` applied to a copy of a commit. Schedule edits
// are deltas by schedule-item id (add / update / remove). After applying,
// the commit's invariants are checked again on the copy; only a copy that
// passes replaces the stored commit, so a refused edit changes nothing.

import { badRequest } from "../errors";
import { requireTimestamp } from "../time";
import { USD_CENTS_CREDIT_TYPE_ID } from "../credit-types";
import {
  type Body,
  isPresent,
  optionalEnum,
  optionalStringArray,
  optionalUuid,
  requireArray,
  requireEnum,
  requireNumber,
  requireObject,
  requireString,
  requireUuid,
} from "./fields";
import { requireCustomerContract, requireFixedProduct } from "./references";
import { checkRange, parseAccessItem, parseInvoiceItem } from "./schedules";
import { parseSpecifiers } from "./specifiers";
import { checkCommitInvariants } from "./invariants";
import { RATE_TYPES, type CommitRecord, type HierarchyConfiguration, type State } from "../model";

const has = (body: Body, key: string): boolean => Object.prototype.hasOwnProperty.call(body, key);
const nonEmpty = <T>(xs: T[] | undefined): T[] | undefined => (xs && xs.length > 0 ? xs : undefined);

export interface EditMode {
  /** Skip what no source says the edit does (see EmulatorOptions.ignoreUnsourced). */
  ignoreUnsourced: boolean;
}

export function applyEdit(state: State, original: CommitRecord, body: Body, mode: EditMode): CommitRecord {
  const c = structuredClone(original);

  // The edit spec sets no minimum length on name (create's is 1).
  if (isPresent(body.name)) c.name = requireString(body.name, "name");
  if (isPresent(body.description)) {
    const description = requireString(body.description, "description");
    // That "" clears a description is said nowhere.
    if (description !== "" || !mode.ignoreUnsourced) c.description = description;
  }
  // `priority` is nullable in the edit spec, which says nothing of what null
  // does; a customer commit always has one, so null leaves it as it is.
  if (isPresent(body.priority)) c.priority = requireNumber(body.priority, "priority");
  if (isPresent(body.product_id)) {
    c.product_id = requireUuid(body.product_id, "product_id");
    requireFixedProduct(state, c.product_id, "product_id");
  }
  const rateType = optionalEnum(body.rate_type, "rate_type", RATE_TYPES);
  if (rateType) c.rate_type = rateType;
  const invoiceContract = optionalUuid(body.invoice_contract_id, "invoice_contract_id");
  if (invoiceContract) {
    requireCustomerContract(state, c.customer_id, invoiceContract, "invoice_contract_id");
    c.invoice_contract_id = invoiceContract;
  }

  if (has(body, "applicable_contract_ids")) {
    if (c.type === "POSTPAID") throw badRequest("applicable_contract_ids cannot be edited on POSTPAID commits");
    const ids = optionalStringArray(body.applicable_contract_ids, "applicable_contract_ids");
    ids?.forEach((id, i) => requireCustomerContract(state, c.customer_id, id, `applicable_contract_ids[${i}]`));
    c.applicable_contract_ids = nonEmpty(ids);
  }
  // `null` clears each of these; an array replaces the whole list.
  if (has(body, "applicable_product_ids")) {
    const ids = optionalStringArray(body.applicable_product_ids, "applicable_product_ids", true);
    ids?.forEach((id, i) => {
      if (!state.products[id]) throw badRequest(`applicable_product_ids[${i}] ${id}: product not found`, "ProductNotFound");
    });
    c.applicable_product_ids = nonEmpty(ids);
  }
  if (has(body, "applicable_product_tags")) {
    c.applicable_product_tags = nonEmpty(optionalStringArray(body.applicable_product_tags, "applicable_product_tags"));
  }
  if (has(body, "specifiers")) c.specifiers = nonEmpty(parseSpecifiers(state, body.specifiers, "specifiers"));
  if (isPresent(body.hierarchy_configuration)) {
    c.hierarchy_configuration = parseHierarchy(body.hierarchy_configuration);
  }

  if (isPresent(body.access_schedule)) editAccess(c, requireObject(body.access_schedule, "access_schedule"));
  if (isPresent(body.invoice_schedule)) editInvoices(c, requireObject(body.invoice_schedule, "invoice_schedule"), mode);

  checkCommitInvariants(c);
  return c;
}

function parseHierarchy(raw: unknown): HierarchyConfiguration {
  const f = "hierarchy_configuration.child_access";
  const access = requireObject(requireObject(raw, "hierarchy_configuration").child_access, f);
  const type = requireEnum(access.type, `${f}.type`, ["ALL", "NONE", "CONTRACT_IDS"] as const);
  if (type !== "CONTRACT_IDS") return { child_access: { type } };
  const ids = requireArray(access.contract_ids, `${f}.contract_ids`).map((id, i) =>
    requireUuid(id, `${f}.contract_ids[${i}]`),
  );
  if (ids.length === 0) throw badRequest(`${f}.contract_ids must contain at least one contract id`);
  return { child_access: { type, contract_ids: ids } };
}

interface Delta {
  add: unknown[];
  update: Body[];
  remove: string[];
}

function readDelta(raw: Body, schedule: string): Delta {
  const list = (key: string): unknown[] => (isPresent(raw[key]) ? requireArray(raw[key], `${schedule}.${key}`) : []);
  const update = list("update_schedule_items").map((u, i) => {
    const obj = requireObject(u, `${schedule}.update_schedule_items[${i}]`);
    requireString(obj.id, `${schedule}.update_schedule_items[${i}].id`);
    return obj;
  });
  const remove = list("remove_schedule_items").map((r, i) => {
    const f = `${schedule}.remove_schedule_items[${i}]`;
    return requireString(requireObject(r, f).id, `${f}.id`);
  });
  for (const u of update) {
    if (remove.includes(u.id as string)) {
      throw badRequest(`${schedule}: schedule item ${String(u.id)} cannot be both updated and removed`);
    }
  }
  return { add: list("add_schedule_items"), update, remove };
}

function editAccess(c: CommitRecord, raw: Body): void {
  const s = "access_schedule";
  const delta = readDelta(raw, s);
  const items = c.access_schedule.schedule_items;
  delta.update.forEach((u, i) => {
    const f = `${s}.update_schedule_items[${i}]`;
    const item = items.find((it) => it.id === u.id);
    if (!item) throw badRequest(`${f}.id ${String(u.id)}: schedule item not found on this commit`);
    if (isPresent(u.amount)) item.amount = requireNumber(u.amount, `${f}.amount`, { min: 0 });
    if (isPresent(u.starting_at)) item.starting_at = requireTimestamp(u.starting_at, `${f}.starting_at`);
    if (isPresent(u.ending_before)) item.ending_before = requireTimestamp(u.ending_before, `${f}.ending_before`);
    checkRange(item.starting_at, item.ending_before, f);
  });
  delta.remove.forEach((id, i) => {
    const f = `${s}.remove_schedule_items[${i}].id`;
    const item = items.find((it) => it.id === id);
    if (!item) throw badRequest(`${f} ${id}: schedule item not found on this commit`);
    if (item.on_finalized_invoice) {
      throw badRequest(`${f} ${id}: this access schedule item was applied to a finalized invoice; void the invoice first`);
    }
  });
  const added = delta.add.map((a, i) => parseAccessItem(a, `${s}.add_schedule_items[${i}]`));
  c.access_schedule.schedule_items = items.filter((it) => !delta.remove.includes(it.id)).concat(added);
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
