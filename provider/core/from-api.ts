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

import type { Commit, InvoiceScheduleItem } from "../api/wire";
import { USD_CENTS_CREDIT_TYPE_ID } from "../api/wire";
import { canonicalId, canonicalSet, canonicalize, upper } from "./canonical";
import { type CustomerCommitOutputs, outputsToInputs } from "./outputs";
import type { CustomerCommitInputs } from "./inputs";
import { canonicalTimestamp } from "./timestamps";
import { type Obj, compact, isObj } from "./util";

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

/** A hierarchy configuration held in Metronome, in canonical form (ids as a sorted set). */
function hierarchyOf(h: Commit["hierarchy_configuration"]): Obj | undefined {
  const access = h?.child_access;
  if (!isObj(access)) return undefined;
  return { childAccess: compact({ contractIds: canonicalSet(access.contract_ids, canonicalId), type: upper(access.type) }) };
}

/** Maps a read-back commit and the prior state to canonical inputs and outputs. */
export function commitToState(commit: Commit, prior: PriorState): CommitState {
  const p = prior as Obj;
  const priorInvoice = isObj(p.invoiceSchedule) ? p.invoiceSchedule : undefined;
  const recurring = priorInvoice?.recurringSchedule;

  const access = commit.access_schedule
    ? {
        creditTypeId: commit.access_schedule.credit_type?.id ?? USD_CENTS_CREDIT_TYPE_ID,
        scheduleItems: commit.access_schedule.schedule_items.map((i) => ({
          id: i.id,
          amount: i.amount,
          startingAt: i.starting_at,
          endingBefore: i.ending_before,
        })),
      }
    : p.accessSchedule;

  let invoice: Obj | undefined;
  const inv = commit.invoice_schedule;
  if (inv !== undefined) {
    const priors = priorInvoiceItems(p);
    const items = (inv.schedule_items ?? []).map((i) => invoiceItem(i, priors));
    const head = { creditTypeId: inv.credit_type?.id ?? USD_CENTS_CREDIT_TYPE_ID, doNotInvoice: inv.do_not_invoice ?? false };
    if (isObj(recurring)) invoice = { ...head, recurringSchedule: recurring };
    else if (items.length > 0) invoice = { ...head, scheduleItems: items };
  }

  const productIdsAsSpecifiers = productIdsAnsweredAsSpecifiers(commit, p);
  // Undefined values are dropped by canonicalize.
  const raw: Obj = {
    customerId: p.customerId,
    type: commit.type,
    productId: commit.product.id,
    priority: commit.priority ?? p.priority,
    accessSchedule: access,
    invoiceSchedule: invoice,
    invoiceContractId: commit.invoice_contract?.id,
    applicableContractIds: commit.applicable_contract_ids,
    applicableProductIds: productIdsAsSpecifiers ?? commit.applicable_product_ids,
    applicableProductTags: commit.applicable_product_tags,
    specifiers: (productIdsAsSpecifiers ? undefined : commit.specifiers)?.map((s) =>
      compact({
        productId: s.product_id,
        productTags: s.product_tags,
        pricingGroupValues: s.pricing_group_values,
        presentationGroupValues: s.presentation_group_values,
      }),
    ),
    name: commit.name,
    // An empty description is no description (clearing one may answer "").
    description: commit.description === "" ? undefined : commit.description,
    customFields: commit.custom_fields,
    netsuiteSalesOrderId: commit.netsuite_sales_order_id,
    salesforceOpportunityId: commit.salesforce_opportunity_id,
    rateType: commit.rate_type,
    uniquenessKey: p.uniquenessKey ?? commit.uniqueness_key,
    onDelete: p.onDelete,
    existingCommitId: p.existingCommitId,
    // Server fields: canonicalize keeps keys it does not know as they are.
    createdAt: commit.created_at ? canonicalTimestamp(commit.created_at) : undefined,
    archivedAt: commit.archived_at ? canonicalTimestamp(commit.archived_at) : undefined,
    hierarchyConfiguration: hierarchyOf(commit.hierarchy_configuration),
  };

  // One canonical pass gives the outputs. The inputs are the outputs without
  // server ids and fields: canonicalize is idempotent and dropping
  // schedule-item ids keeps every list in canonical order, so they need no
  // second pass. Pulumi's state takes JSON values only: anything else from
  // the wire (undefined in a list, NaN, -0, a Date) goes through a JSON round
  // trip, which also gives inputs and outputs values of their own.
  const outputs = canonicalize(raw) as CustomerCommitOutputs;
  const inputs = outputsToInputs(outputs) as CustomerCommitInputs;
  return { inputs: roundTrip(inputs), outputs: roundTrip(outputs) };
}

const roundTrip = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
