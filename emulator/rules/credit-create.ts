// Turns a `customerCredits/create` body into a credit record, or throws the
// 400/404 Metronome would answer. A credit is a commit without money owed:
// the same access schedule, product, filters and uniqueness key, and no
// type, invoice schedule or invoice contract (the spec's
// CreateCustomerCreditPayload has none of them). Unknown body fields are
// ignored, as on Metronome.

import { badRequest } from "../errors";
import { USD_CENTS_CREDIT_TYPE_ID } from "../credit-types";
import {
  type Body,
  isPresent,
  optionalEnum,
  optionalString,
  optionalStringArray,
  optionalStringMap,
  optionalUuid,
  requireArray,
  requireNumber,
  requireObject,
  requireUuid,
} from "./fields";
import { checkCustomFields, requireCreditType, requireCustomer, requireCustomerContract, requireFixedProduct } from "./references";
import { parseAccessItem } from "./schedules";
import { parseSpecifiers } from "./specifiers";
import { checkCreditInvariants } from "./invariants";
import { UNIQUENESS_KEY_MAX } from "./commit-create";
import { RATE_TYPES, type CreditRecord, type State } from "../model";

export type NewCredit = Omit<CreditRecord, "seq" | "id" | "created_at" | "created_by">;

/** Empty arrays are stored as absent: Metronome treats both as "no restriction". */
const nonEmpty = <T>(xs: T[] | undefined): T[] | undefined => (xs && xs.length > 0 ? xs : undefined);

export function parseCreateCredit(state: State, body: Body): NewCredit {
  const customer_id = requireUuid(body.customer_id, "customer_id");
  const priority = requireNumber(body.priority, "priority");
  const product_id = requireUuid(body.product_id, "product_id");
  if (!isPresent(body.access_schedule)) throw badRequest("access_schedule is required");
  const access = requireObject(body.access_schedule, "access_schedule");
  const rate_type = optionalEnum(body.rate_type, "rate_type", RATE_TYPES) ?? "LIST_RATE";
  const name = optionalString(body.name, "name", { min: 1 });
  const description = optionalString(body.description, "description");
  const uniqueness_key = optionalString(body.uniqueness_key, "uniqueness_key", { min: 1, max: UNIQUENESS_KEY_MAX });
  const applicable_contract_ids = optionalStringArray(body.applicable_contract_ids, "applicable_contract_ids");
  const applicable_product_ids = optionalStringArray(body.applicable_product_ids, "applicable_product_ids", true);
  const applicable_product_tags = optionalStringArray(body.applicable_product_tags, "applicable_product_tags");
  const specifiers = parseSpecifiers(state, body.specifiers, "specifiers");
  const custom_fields = optionalStringMap(body.custom_fields, "custom_fields") ?? {};
  const netsuite_sales_order_id = optionalString(body.netsuite_sales_order_id, "netsuite_sales_order_id");
  const salesforce_opportunity_id = optionalString(body.salesforce_opportunity_id, "salesforce_opportunity_id");

  const creditType = optionalUuid(access.credit_type_id, "access_schedule.credit_type_id") ?? USD_CENTS_CREDIT_TYPE_ID;
  const items = requireArray(access.schedule_items, "access_schedule.schedule_items").map((raw, i) =>
    parseAccessItem(raw, `access_schedule.schedule_items[${i}]`),
  );

  // References after the shape, as for commits.
  requireCustomer(state, customer_id);
  requireFixedProduct(state, product_id, "product_id", "credit");
  requireCreditType(state, creditType, "access_schedule.credit_type_id");
  applicable_contract_ids?.forEach((id, i) =>
    requireCustomerContract(state, customer_id, id, `applicable_contract_ids[${i}]`),
  );
  applicable_product_ids?.forEach((id, i) => {
    if (!state.products[id]) throw badRequest(`applicable_product_ids[${i}] ${id}: product not found`, "ProductNotFound");
  });
  checkCustomFields(state, "contract_credit", custom_fields, "custom_fields");

  const credit: NewCredit = {
    customer_id,
    rate_type,
    priority,
    product_id,
    name,
    description,
    access_schedule: { credit_type_id: creditType, schedule_items: items },
    applicable_contract_ids: nonEmpty(applicable_contract_ids),
    applicable_product_ids: nonEmpty(applicable_product_ids),
    applicable_product_tags: nonEmpty(applicable_product_tags),
    specifiers: nonEmpty(specifiers),
    custom_fields,
    netsuite_sales_order_id,
    salesforce_opportunity_id,
    uniqueness_key,
  };
  checkCreditInvariants(credit);
  return credit;
}
