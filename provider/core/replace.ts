// What the API cannot change in place (docs/metronome-api.md). `diff` names
// these properties in `replaces`; everything else is left to the engine's own
// diff of canonical inputs and applied by `update` (docs/pulumi-dynamic.md).
// The same extractors feed the default uniqueness key (uniqueness-key.ts):
// every change that replaces the commit must also change the derived key,
// because Metronome never releases a commit's key.

import { USD_CENTS_CREDIT_TYPE_ID } from "../api/wire";
import { canonicalize } from "./canonical";
import { containsUnknown, isUnknown } from "./unknown";
import { type Obj, compact, deepEqual, isObj } from "./util";

export interface ReplaceOnlyField {
  /** Top-level input property named in `replaces`. */
  property: string;
  /** Which part of it cannot be edited. */
  what: string;
  /** Why (the API fact behind it). */
  why: string;
  /** The replace-only part of canonical inputs (or outputs); equal values mean no replacement. */
  value: (canonical: Obj) => unknown;
}

const part = <T>(v: unknown, pick: (o: Obj) => T): T | unknown => (isUnknown(v) ? v : isObj(v) ? pick(v) : v);

/**
 * Replace-only fields. Decisions that the reference leaves open:
 * - `invoiceSchedule` appearing or disappearing replaces the commit: its
 *   creditTypeId and doNotInvoice are fixed at creation and edit-commit has
 *   no way to set them (or to drop the schedule itself); items of an existing
 *   schedule are edited in place.
 * - a recurring schedule is create-only: Metronome expands it into items and
 *   never returns it, so any change to it (or switching to/from it) replaces.
 */
export const REPLACE_ONLY: readonly ReplaceOnlyField[] = [
  { property: "customerId", what: "the customer", why: "a commit belongs to one customer for life", value: (o) => o.customerId },
  { property: "type", what: "PREPAID/POSTPAID", why: "no API changes a commit's type", value: (o) => o.type },
  {
    property: "accessSchedule",
    what: "accessSchedule.creditTypeId",
    why: "edit-commit cannot change a schedule's credit type",
    value: (o) => part(o.accessSchedule, (s) => s.creditTypeId ?? USD_CENTS_CREDIT_TYPE_ID),
  },
  {
    property: "invoiceSchedule",
    what: "invoiceSchedule presence, creditTypeId, doNotInvoice, recurringSchedule",
    why: "fixed at creation; edit-commit only adds, updates and removes invoice items",
    value: (o) =>
      o.invoiceSchedule === undefined
        ? undefined
        : part(o.invoiceSchedule, (s) =>
            compact({
              creditTypeId: s.creditTypeId ?? USD_CENTS_CREDIT_TYPE_ID,
              doNotInvoice: s.doNotInvoice ?? false,
              recurringSchedule: s.recurringSchedule,
            }),
          ),
  },
  { property: "uniquenessKey", what: "the uniqueness key", why: "set at creation and never released", value: (o) => o.uniquenessKey },
  { property: "netsuiteSalesOrderId", what: "the NetSuite sales order id", why: "edit-commit has no such field", value: (o) => o.netsuiteSalesOrderId },
  { property: "salesforceOpportunityId", what: "the Salesforce opportunity id", why: "edit-commit has no such field", value: (o) => o.salesforceOpportunityId },
  {
    property: "applicableContractIds",
    what: "applicableContractIds of a POSTPAID commit",
    why: "edit-commit refuses applicable_contract_ids for POSTPAID commits",
    value: (o) => (o.type === "POSTPAID" ? o.applicableContractIds : undefined),
  },
];

/**
 * Top-level properties whose change Metronome cannot apply in place, comparing
 * the old outputs with the new (checked) inputs. An unknown new value counts
 * as "may change" for these fields only.
 */
export function replacedProperties(oldOutputs: Obj, newInputs: Obj): string[] {
  const olds = canonicalize(oldOutputs);
  const news = canonicalize(newInputs);
  return REPLACE_ONLY.filter((f) => {
    const next = f.value(news);
    if (containsUnknown(next)) return true;
    return !deepEqual(f.value(olds), next);
  }).map((f) => f.property);
}

/**
 * The replace-only values of canonical inputs, keyed by property, without the
 * uniqueness key itself (it is what gets derived from them). JSON-safe.
 */
export function replaceOnlyFields(inputs: Obj): Record<string, unknown> {
  const canonical = canonicalize(inputs);
  const out: Record<string, unknown> = {};
  for (const f of REPLACE_ONLY) {
    if (f.property === "uniquenessKey") continue;
    const v = f.value(canonical);
    if (v !== undefined) out[f.property] = v;
  }
  return out;
}
