// A commit as Metronome returns it (customerCommits/list, wire.ts `Commit`)
// plus the prior state -> { inputs, outputs }. Used after create, on refresh
// (`read`) and after each update. When nothing drifted, `inputs` equals the
// canonical inputs that were declared, so the engine's diff stays empty.
//
// The read-back differs from what was sent, and this is where that is undone:
// - references come back as objects: product.id, invoice_contract.id,
//   credit_type.id;
// - timestamps come back with milliseconds (`...T00:00:00.000Z`);
// - schedule items gain server ids (kept in outputs, dropped from inputs);
// - invoice items come back with amount, quantity AND unit_price: the form
//   the user declared (amount, or unitPrice + quantity) is taken from the
//   prior item with the same id (else the same timestamp);
// - a recurring schedule comes back expanded into items and is never
//   returned: a declared `recurringSchedule` is kept from the prior state;
// - the customer id is not in the read-back; provider-level fields
//   (uniquenessKey, onDelete, existingCommitId) are the provider's own.
//   These come from the prior state.

import type { AccessScheduleItem, Commit, InvoiceScheduleItem } from "../api/wire";
import { USD_CENTS_CREDIT_TYPE_ID } from "../api/wire";
import {
  canonicalAccessSchedule,
  canonicalId,
  canonicalMap,
  canonicalOnDelete,
  canonicalRecurring,
  canonicalSet,
  canonicalSpecifiers,
  sortScheduleItems,
  upper,
} from "./canonical";
import { type CustomerCommitOutputs, outputsToInputs } from "./outputs";
import type { CustomerCommitInputs } from "./schema";
import { canonicalTimestamp } from "./timestamps";
import { type Obj, isExactJson, isObj } from "./util";

/** Prior state: the previous outputs, or the declared inputs right after a create or adoption. */
export type PriorState = Partial<CustomerCommitOutputs> | Partial<CustomerCommitInputs> | Obj;

export interface CommitState {
  inputs: CustomerCommitInputs;
  outputs: CustomerCommitOutputs;
}

function priorInvoiceItems(prior: Obj): Obj[] {
  const s = prior.invoiceSchedule;
  if (!isObj(s) || !Array.isArray(s.scheduleItems)) return [];
  return s.scheduleItems.filter(isObj);
}

/** Did the user declare this invoice item as unitPrice + quantity? */
function declaredAsUnitPrice(item: InvoiceScheduleItem, priors: Obj[]): boolean | undefined {
  const ts = canonicalTimestamp(item.timestamp);
  const prior =
    priors.find((p) => p.id !== undefined && p.id === item.id) ??
    priors.find((p) => canonicalTimestamp(p.timestamp) === ts);
  if (prior === undefined) return undefined;
  return prior.amount === undefined && prior.unitPrice !== undefined;
}

/**
 * An invoice item in canonical form (keys sorted, timestamp canonical), in
 * the form the user declared: amount, or unitPrice + quantity.
 */
function invoiceItem(item: InvoiceScheduleItem, priors: Obj[]): Obj {
  const hasUnit = typeof item.unit_price === "number" && typeof item.quantity === "number";
  const hasAmount = typeof item.amount === "number";
  const declared = declaredAsUnitPrice(item, priors);
  // Amount form when the user used it (or nothing says otherwise) and the
  // server's split is the trivial one (quantity 1 at the full amount);
  // any other split is shown as it is, so a change made elsewhere is visible.
  const trivialSplit = !hasUnit || (item.quantity === 1 && item.unit_price === item.amount);
  const asUnitPrice = hasUnit && !(hasAmount && declared !== true && trivialSplit);
  const out: Obj = {};
  if (!asUnitPrice) given(out, "amount", item.amount);
  given(out, "id", item.id);
  if (asUnitPrice) given(out, "quantity", item.quantity);
  given(out, "timestamp", canonicalTimestamp(item.timestamp));
  if (asUnitPrice) given(out, "unitPrice", item.unit_price);
  return out;
}

function accessItem(item: AccessScheduleItem): Obj {
  const out: Obj = {};
  given(out, "amount", item.amount);
  given(out, "endingBefore", canonicalTimestamp(item.ending_before));
  given(out, "id", item.id);
  given(out, "startingAt", canonicalTimestamp(item.starting_at));
  return out;
}

/** Sets `out[key]` unless the value is null or undefined ("not given", as in canonical.ts). */
/**
 * The declared `applicableProductIds`, when Metronome answers them as the
 * equivalent `specifiers` (one `{ product_id }` each): no source says which
 * form the read-back of a commit created with `applicable_product_ids`
 * carries. Only the declared set itself is recognized, and only for a
 * declaration without specifiers; anything else is shown as it is.
 */
function productIdsAnsweredAsSpecifiers(commit: Commit, prior: Obj): string[] | undefined {
  const declared = prior.applicableProductIds;
  if (!Array.isArray(declared) || declared.length === 0) return undefined;
  if (Array.isArray(prior.specifiers) && prior.specifiers.length > 0) return undefined;
  if ((commit.applicable_product_ids?.length ?? 0) > 0) return undefined;
  const specifiers = commit.specifiers ?? [];
  const ids = specifiers.map((s) => (Object.keys(s).length === 1 && typeof s.product_id === "string" ? canonicalId(s.product_id) : undefined));
  if (ids.length === 0 || ids.some((id) => id === undefined)) return undefined;
  const mine = new Set(declared.map((id) => canonicalId(id)));
  const theirs = new Set(ids);
  return mine.size === theirs.size && [...mine].every((id) => theirs.has(id)) ? (ids as string[]) : undefined;
}

/** A hierarchy configuration held in Metronome, in canonical form (keys sorted, ids as a sorted set). */
function hierarchyOf(h: Commit["hierarchy_configuration"]): Obj | undefined {
  const access = h?.child_access;
  if (!isObj(access)) return undefined;
  const childAccess: Obj = {};
  given(childAccess, "contractIds", canonicalSet(access.contract_ids, canonicalId));
  childAccess.type = upper(access.type);
  return { childAccess };
}

function given(out: Obj, key: string, value: unknown): void {
  if (value !== null && value !== undefined) out[key] = value;
}

/**
 * Maps a read-back commit and the prior state to canonical inputs and outputs.
 *
 * The outputs are built directly in canonical form (see canonical.ts): keys
 * set in sorted order, each value through the canonical rule for its field.
 * This equals `canonicalize` of the same fields (test/provider/core/from-api
 * checks that the result is canonicalize's fixed point, key order included),
 * without the copies a general canonicalization of arbitrary input makes: it
 * runs after every create and on every read.
 */
export function commitToState(commit: Commit, prior: PriorState): CommitState {
  const p = prior as Obj;
  const out: Obj = {};

  const access = commit.access_schedule;
  if (access !== undefined && access !== null) {
    const schedule: Obj = { creditTypeId: canonicalId(access.credit_type?.id ?? USD_CENTS_CREDIT_TYPE_ID) };
    const items: unknown[] = (access.schedule_items ?? []).map(accessItem);
    sortScheduleItems(items, "startingAt");
    schedule.scheduleItems = items;
    out.accessSchedule = schedule;
  } else {
    given(out, "accessSchedule", canonicalAccessSchedule(p.accessSchedule));
  }
  given(out, "applicableContractIds", canonicalSet(commit.applicable_contract_ids, canonicalId));
  const productIdsAsSpecifiers = productIdsAnsweredAsSpecifiers(commit, p);
  given(out, "applicableProductIds", canonicalSet(productIdsAsSpecifiers ?? commit.applicable_product_ids, canonicalId));
  given(out, "applicableProductTags", canonicalSet(commit.applicable_product_tags));
  if (commit.archived_at) out.archivedAt = canonicalTimestamp(commit.archived_at);
  if (commit.created_at) out.createdAt = canonicalTimestamp(commit.created_at);
  given(out, "customFields", canonicalMap(commit.custom_fields));
  given(out, "customerId", canonicalId(p.customerId));
  if (commit.description !== "") given(out, "description", commit.description);
  given(out, "existingCommitId", canonicalId(p.existingCommitId));
  given(out, "hierarchyConfiguration", hierarchyOf(commit.hierarchy_configuration));
  given(out, "invoiceContractId", canonicalId(commit.invoice_contract?.id));
  given(out, "invoiceSchedule", invoiceScheduleOf(commit, p));
  given(out, "name", commit.name);
  given(out, "netsuiteSalesOrderId", commit.netsuite_sales_order_id);
  given(out, "onDelete", canonicalOnDelete(p.onDelete ?? "archive"));
  given(out, "priority", commit.priority ?? p.priority);
  given(out, "productId", canonicalId(commit.product.id));
  given(out, "rateType", upper(commit.rate_type ?? "LIST_RATE"));
  given(out, "salesforceOpportunityId", commit.salesforce_opportunity_id);
  given(
    out,
    "specifiers",
    canonicalSpecifiers(
      (productIdsAsSpecifiers ? undefined : commit.specifiers)?.map((s) => ({
        productId: s.product_id,
        productTags: s.product_tags,
        pricingGroupValues: s.pricing_group_values,
        presentationGroupValues: s.presentation_group_values,
      })),
    ),
  );
  given(out, "type", upper(commit.type));
  given(out, "uniquenessKey", p.uniquenessKey ?? commit.uniqueness_key);

  // The inputs are the outputs without server ids and fields: dropping
  // schedule-item ids keeps every list in canonical order. (Inputs and
  // outputs share their unchanged nested values; nothing modifies state once
  // it is made.)
  const outputs = out as CustomerCommitOutputs;
  const inputs = outputsToInputs(outputs) as CustomerCommitInputs;
  // Pulumi's state takes JSON values only: anything else from the wire
  // (undefined in a list, NaN, -0, a Date) goes through a JSON round trip, as
  // it always did. Plain JSON values, the usual case, are already exactly
  // what the round trip would give back; the inputs are made of the outputs'
  // values, so one look at the outputs answers for both.
  if (isExactJson(outputs)) return { inputs, outputs };
  return { inputs: roundTrip(inputs), outputs: roundTrip(outputs) };
}

/**
 * The invoice schedule in canonical form: a declared recurring schedule is
 * kept from the prior state (Metronome answers its expanded items); otherwise
 * the items, in the form each was declared. None without items.
 */
function invoiceScheduleOf(commit: Commit, p: Obj): Obj | undefined {
  const inv = commit.invoice_schedule;
  if (inv === undefined || inv === null) return undefined;
  const recurring = isObj(p.invoiceSchedule) ? p.invoiceSchedule.recurringSchedule : undefined;
  const items = inv.schedule_items ?? [];
  if (!isObj(recurring) && items.length === 0) return undefined;
  const schedule: Obj = {
    creditTypeId: canonicalId(inv.credit_type?.id ?? USD_CENTS_CREDIT_TYPE_ID),
    doNotInvoice: inv.do_not_invoice ?? false,
  };
  if (isObj(recurring)) {
    schedule.recurringSchedule = canonicalRecurring(recurring);
  } else {
    const priors = priorInvoiceItems(p);
    const mapped: unknown[] = items.map((i) => invoiceItem(i, priors));
    sortScheduleItems(mapped, "timestamp");
    schedule.scheduleItems = mapped;
  }
  return schedule;
}

const roundTrip = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** Alias under the name the brief uses. */
export const fromApi = commitToState;
