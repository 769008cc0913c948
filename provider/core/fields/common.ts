// The scalar and list fields that commits and credits share, each described
// once. A kind's field table (kinds/*/fields.ts) picks these and adds its own.

import { z } from "zod";
import { canonicalId, canonicalOnDelete, canonicalSet, upper } from "../canonical-values";
import { RATE_TYPES } from "../inputs-constants";
import type { Field } from "../kind/field";
import { caseInsensitiveEnum, id, onDeleteSchema, text } from "./values";

/** The customer a `noun` belongs to, for life. */
export function customerIdField(noun: string) {
  return {
    schema: id,
    wire: "customer_id",
    change: "replace",
    canonical: canonicalId,
    // The read-back does not carry the customer: it is the one the list was for.
    read: (_record, prior) => prior.customerId,
    replace: { what: "the customer", why: `a ${noun} belongs to one customer for life`, review: "the customer" },
  } satisfies Field;
}

export const productIdField = {
  schema: id,
  wire: "product_id",
  change: "edit",
  canonical: canonicalId,
  read: (record) => (record.product as { id?: string } | undefined)?.id,
} satisfies Field;

export const priorityField = {
  schema: z.number(),
  wire: "priority",
  change: "edit",
  // Some read-backs leave priority out; the declared one stands then.
  read: (record, prior) => record.priority ?? prior.priority,
} satisfies Field;

export const nameField = {
  schema: text.optional(),
  wire: "name",
  change: "edit",
  clear: { refuse: (noun) => `Metronome cannot clear a ${noun}'s name; give a new name instead` },
} satisfies Field;

/** An empty description is no description (clearing one may answer ""). */
const noEmpty = (v: unknown): unknown => (v === "" ? undefined : v);

export const descriptionField = {
  schema: z.string().optional(),
  wire: "description",
  change: "edit",
  canonical: noEmpty,
  read: (record) => noEmpty(record.description),
  clear: { send: "" },
} satisfies Field;

export const rateTypeField = {
  schema: caseInsensitiveEnum(RATE_TYPES).optional(),
  wire: "rate_type",
  change: "edit",
  default: "LIST_RATE",
  canonical: upper,
} satisfies Field;

export const applicableContractIdsField = {
  schema: z.array(id).optional(),
  wire: "applicable_contract_ids",
  change: "edit",
  canonical: (v) => canonicalSet(v, canonicalId),
  clear: { send: null },
} satisfies Field;

export const netsuiteSalesOrderIdField = {
  schema: text.optional(),
  wire: "netsuite_sales_order_id",
  change: "replace",
  replace: { what: "the NetSuite sales order id", why: "the edit endpoint has no such field", review: "the NetSuite sales order id" },
} satisfies Field;

export const salesforceOpportunityIdField = {
  schema: text.optional(),
  wire: "salesforce_opportunity_id",
  change: "replace",
  replace: { what: "the Salesforce opportunity id", why: "the edit endpoint has no such field", review: "the Salesforce opportunity id" },
} satisfies Field;

/**
 * The uniqueness key: sent on create, never released by Metronome. Required
 * in canonical inputs; the resource class derives one when none is declared,
 * and a direct caller of the provider must give it.
 */
export const missingUniquenessKey = (typeName: string, providerName: string, noun: string): string =>
  `is required: the ${typeName} class derives one from project, stack, resource name and ` +
  `the replace-only fields; direct users of ${providerName} must set it (1 to 128 characters) so that ` +
  `a retried create never makes a second ${noun}`;

export function uniquenessKeyField(typeName: string, providerName: string, noun: string) {
  const missing = missingUniquenessKey(typeName, providerName, noun);
  return {
    schema: z.string({ error: (iss) => (iss.input === undefined ? missing : "expected a string of 1 to 128 characters") }),
    wire: "uniqueness_key",
    change: "replace",
    // The key in state is the one the resource was created with; Metronome may not echo it.
    read: (record, prior) => prior.uniquenessKey ?? record.uniqueness_key,
    replace: { what: "the uniqueness key", why: "set at creation and never released", review: "the uniqueness key" },
  } satisfies Field;
}

/** What removing the resource does (runtime/delete.ts). */
export const onDeleteField = {
  schema: onDeleteSchema.optional(),
  change: "provider",
  default: "archive",
  canonical: canonicalOnDelete,
} satisfies Field;

/** Adoption of a resource that already exists in Metronome, by its id. */
export const existingIdField = {
  schema: id.optional(),
  change: "provider",
  canonical: canonicalId,
} satisfies Field;
