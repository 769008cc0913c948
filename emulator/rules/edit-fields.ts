// The part of a v2 edit that commits and credits share: the record's own
// fields (name, description, priority, product, rate type) and what it
// applies to (contracts, products, tags, specifiers, hierarchy). Each step
// changes the copy it is given in place; the caller checks the invariants
// on the result and stores it only if they hold.

import {
  type Body,
  isPresent,
  optionalEnum,
  optionalStringArray,
  requireArray,
  requireEnum,
  requireNumber,
  requireObject,
  requireString,
  requireUuid,
} from "./fields";
import { badRequest } from "../errors";
import { requireCustomerContract, requireFixedProduct } from "./references";
import { parseSpecifiers } from "./specifiers";
import { RATE_TYPES, type CommitRecord, type CreditRecord, type HierarchyConfiguration, type State } from "../model";

export type EditableRecord = CommitRecord | CreditRecord;

export interface EditMode {
  /** Skip what no source says the edit does (see EmulatorOptions.ignoreUnsourced). */
  ignoreUnsourced: boolean;
}

export const has = (body: Body, key: string): boolean => Object.prototype.hasOwnProperty.call(body, key);
const nonEmpty = <T>(xs: T[] | undefined): T[] | undefined => (xs && xs.length > 0 ? xs : undefined);

/** name, description, priority, product_id (FIXED), rate_type. */
export function editOwnFields(state: State, c: EditableRecord, body: Body, mode: EditMode, what: "commit" | "credit"): void {
  // The edit spec sets no minimum length on name (create's is 1).
  if (isPresent(body.name)) c.name = requireString(body.name, "name");
  if (isPresent(body.description)) {
    const description = requireString(body.description, "description");
    // That "" clears a description is said nowhere.
    if (description !== "" || !mode.ignoreUnsourced) c.description = description;
  }
  // `priority` is nullable in the edit spec, which says nothing of what null
  // does; a customer commit or credit always has one, so null leaves it as it is.
  if (isPresent(body.priority)) c.priority = requireNumber(body.priority, "priority");
  if (isPresent(body.product_id)) {
    c.product_id = requireUuid(body.product_id, "product_id");
    requireFixedProduct(state, c.product_id, "product_id", what);
  }
  const rateType = optionalEnum(body.rate_type, "rate_type", RATE_TYPES);
  if (rateType) c.rate_type = rateType;
}

/** applicable_contract_ids, applicable_product_ids / _tags, specifiers (`null` clears each), hierarchy_configuration. */
export function editTargets(state: State, c: EditableRecord, body: Body): void {
  if (has(body, "applicable_contract_ids")) {
    const ids = optionalStringArray(body.applicable_contract_ids, "applicable_contract_ids");
    ids?.forEach((id, i) => requireCustomerContract(state, c.customer_id, id, `applicable_contract_ids[${i}]`));
    c.applicable_contract_ids = nonEmpty(ids);
  }
  // An array replaces the whole list.
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
