// Checks that a commit's references name real records, as Metronome does.
// Status choice (README "Deliberate choices"): an unknown customer is the
// resource the request is about, so it answers 404 (the create path
// declares 404); an unknown product, contract or credit type named inside
// the body is a bad parameter and answers 400 naming the field.

import { badRequest, notFound } from "../errors";
import type { CustomerRecord, State } from "../model";

export function requireCustomer(state: State, id: string): CustomerRecord {
  const customer = state.customers[id];
  if (!customer) throw notFound(`customer_id ${id}: customer not found`, "CustomerNotFound");
  return customer;
}

/** A commit's or credit's own product must exist and be FIXED (`what` names the record in the message). */
export function requireFixedProduct(state: State, id: string, field: string, what: "commit" | "credit" = "commit"): void {
  const product = state.products[id];
  if (!product) throw badRequest(`${field} ${id}: product not found`, "ProductNotFound");
  if (product.type !== "FIXED") {
    throw badRequest(`${field} ${id}: a ${what}'s product must be a FIXED product (this one is ${product.type})`);
  }
}

/** A contract named by a commit or credit must exist and belong to the commit's customer. */
export function requireCustomerContract(state: State, customerId: string, id: string, field: string): void {
  const contract = state.contracts[id];
  if (!contract || contract.customer_id !== customerId) {
    throw badRequest(`${field} ${id}: contract not found for customer ${customerId}`, "ContractNotFound");
  }
}

export function requireCreditType(state: State, id: string, field: string): void {
  if (!state.creditTypes.some((c) => c.id === id)) {
    throw badRequest(`${field} ${id}: credit type not found`, "CreditTypeNotFound");
  }
}

export const CUSTOM_FIELD_VALUE_MAX = 200;

/** The custom-field entities whose values the emulator stores. */
export type ValueEntity = "commit" | "contract_credit";

/**
 * Custom fields of a commit (entity `commit`) or a credit (entity
 * `contract_credit`, as the spec tags the credit's `custom_fields`): keys
 * must be on that entity's allow-list, values at most 200 characters.
 */
export function checkCustomFields(state: State, entity: ValueEntity, fields: Record<string, string>, field: string): void {
  for (const [key, value] of Object.entries(fields)) {
    const allowed = state.customFieldKeys.some((k) => k.entity === entity && k.key === key);
    if (!allowed) {
      throw badRequest(
        `${field}.${key}: custom field key "${key}" is not defined for entity ${entity}; add it with /v1/customFields/addKey first`,
      );
    }
    if (value.length > CUSTOM_FIELD_VALUE_MAX) {
      throw badRequest(`${field}.${key} must be at most ${CUSTOM_FIELD_VALUE_MAX} characters long`);
    }
  }
}
