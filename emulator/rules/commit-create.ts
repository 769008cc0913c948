// Turns a `customerCommits/create` body into a commit record, or throws the
// 400/404 Metronome would answer. Unknown body fields are ignored, as on
// Metronome (a typo is not an error there either).

import { badRequest } from "../errors";
import { expandRecurring, DISTRIBUTIONS, FREQUENCIES } from "../recurring";
import { requireTimestamp } from "../time";
import { USD_CENTS_CREDIT_TYPE_ID } from "../credit-types";
import {
  type Body,
  isPresent,
  optionalBoolean,
  optionalEnum,
  optionalString,
  optionalStringArray,
  optionalStringMap,
  optionalUuid,
  requireArray,
  requireEnum,
  requireNumber,
  requireObject,
  requireUuid,
} from "./fields";
import {
  checkCustomFields,
  requireCreditType,
  requireCustomer,
  requireCustomerContract,
  requireFixedProduct,
} from "./references";
import { checkRange, parseAccessItem, parseInvoiceItem, parseMoney } from "./schedules";
import { parseSpecifiers } from "./specifiers";
import { checkCommitInvariants } from "./invariants";
import { COMMIT_TYPES, RATE_TYPES, type CommitRecord, type InvoiceItem, type State } from "../model";

export type NewCommit = Omit<CommitRecord, "seq" | "id" | "created_at" | "created_by">;

export const UNIQUENESS_KEY_MAX = 128;

/** Empty arrays are stored as absent: Metronome treats both as "no restriction". */
const nonEmpty = <T>(xs: T[] | undefined): T[] | undefined => (xs && xs.length > 0 ? xs : undefined);

export function parseCreateCommit(state: State, body: Body): NewCommit {
  const customer_id = requireUuid(body.customer_id, "customer_id");
  const type = requireEnum(body.type, "type", COMMIT_TYPES);
  const priority = requireNumber(body.priority, "priority");
  const product_id = requireUuid(body.product_id, "product_id");
  if (!isPresent(body.access_schedule)) throw badRequest("access_schedule is required");
  const access = requireObject(body.access_schedule, "access_schedule");
  const rate_type = optionalEnum(body.rate_type, "rate_type", RATE_TYPES) ?? "LIST_RATE";
  const name = optionalString(body.name, "name", { min: 1 });
  const description = optionalString(body.description, "description");
  const uniqueness_key = optionalString(body.uniqueness_key, "uniqueness_key", { min: 1, max: UNIQUENESS_KEY_MAX });
  const invoice_contract_id = optionalUuid(body.invoice_contract_id, "invoice_contract_id");
  const applicable_contract_ids = optionalStringArray(body.applicable_contract_ids, "applicable_contract_ids");
  const applicable_product_ids = optionalStringArray(body.applicable_product_ids, "applicable_product_ids", true);
  const applicable_product_tags = optionalStringArray(body.applicable_product_tags, "applicable_product_tags");
  const specifiers = parseSpecifiers(state, body.specifiers, "specifiers");
  const custom_fields = optionalStringMap(body.custom_fields, "custom_fields") ?? {};
  const netsuite_sales_order_id = optionalString(body.netsuite_sales_order_id, "netsuite_sales_order_id");
  const salesforce_opportunity_id = optionalString(body.salesforce_opportunity_id, "salesforce_opportunity_id");

  const accessCreditType = optionalUuid(access.credit_type_id, "access_schedule.credit_type_id") ?? USD_CENTS_CREDIT_TYPE_ID;
  const accessItems = requireArray(access.schedule_items, "access_schedule.schedule_items").map((raw, i) =>
    parseAccessItem(raw, `access_schedule.schedule_items[${i}]`),
  );

  const invoice_schedule = isPresent(body.invoice_schedule)
    ? parseInvoiceSchedule(requireObject(body.invoice_schedule, "invoice_schedule"))
    : undefined;

  // References are checked after the shape, so a malformed body is reported
  // as such even when it also names unknown records.
  requireCustomer(state, customer_id);
  requireFixedProduct(state, product_id, "product_id");
  requireCreditType(state, accessCreditType, "access_schedule.credit_type_id");
  if (invoice_schedule) requireCreditType(state, invoice_schedule.credit_type_id, "invoice_schedule.credit_type_id");
  if (invoice_contract_id) requireCustomerContract(state, customer_id, invoice_contract_id, "invoice_contract_id");
  applicable_contract_ids?.forEach((id, i) =>
    requireCustomerContract(state, customer_id, id, `applicable_contract_ids[${i}]`),
  );
  applicable_product_ids?.forEach((id, i) => {
    if (!state.products[id]) throw badRequest(`applicable_product_ids[${i}] ${id}: product not found`, "ProductNotFound");
  });
  checkCustomFields(state, "commit", custom_fields, "custom_fields");

  const commit: NewCommit = {
    customer_id,
    type,
    rate_type,
    priority,
    product_id,
    name,
    description,
    access_schedule: { credit_type_id: accessCreditType, schedule_items: accessItems },
    invoice_schedule,
    invoice_contract_id,
    applicable_contract_ids: nonEmpty(applicable_contract_ids),
    applicable_product_ids: nonEmpty(applicable_product_ids),
    applicable_product_tags: nonEmpty(applicable_product_tags),
    specifiers: nonEmpty(specifiers),
    custom_fields,
    netsuite_sales_order_id,
    salesforce_opportunity_id,
    uniqueness_key,
  };
  checkCommitInvariants(commit);
  return commit;
}

function parseInvoiceSchedule(raw: Body): NonNullable<NewCommit["invoice_schedule"]> {
  const credit_type_id = optionalUuid(raw.credit_type_id, "invoice_schedule.credit_type_id") ?? USD_CENTS_CREDIT_TYPE_ID;
  const do_not_invoice = optionalBoolean(raw.do_not_invoice, "invoice_schedule.do_not_invoice") ?? false;
  const hasItems = isPresent(raw.schedule_items);
  const hasRecurring = isPresent(raw.recurring_schedule);
  if (hasItems === hasRecurring) {
    throw badRequest("invoice_schedule must have exactly one of schedule_items or recurring_schedule");
  }
  let items: InvoiceItem[];
  if (hasItems) {
    const list = requireArray(raw.schedule_items, "invoice_schedule.schedule_items");
    if (list.length === 0) throw badRequest("invoice_schedule.schedule_items must contain at least one item");
    items = list.map((item, i) => parseInvoiceItem(item, `invoice_schedule.schedule_items[${i}]`));
  } else {
    items = parseRecurring(requireObject(raw.recurring_schedule, "invoice_schedule.recurring_schedule"));
  }
  return { credit_type_id, do_not_invoice, schedule_items: items };
}

function parseRecurring(raw: Body): InvoiceItem[] {
  const field = "invoice_schedule.recurring_schedule";
  const frequency = requireEnum(raw.frequency, `${field}.frequency`, FREQUENCIES);
  const distribution = requireEnum(raw.amount_distribution, `${field}.amount_distribution`, DISTRIBUTIONS);
  const starting_at = requireTimestamp(raw.starting_at, `${field}.starting_at`);
  const ending_before = requireTimestamp(raw.ending_before, `${field}.ending_before`);
  checkRange(starting_at, ending_before, field);
  const money = parseMoney(raw, field);
  const byAmount = isPresent(raw.amount);
  return expandRecurring({
    startMs: Date.parse(starting_at),
    endMs: Date.parse(ending_before),
    frequency,
    distribution,
    ...(byAmount ? { amount: money.amount } : { unitPrice: money.unit_price, quantity: money.quantity }),
  });
}
