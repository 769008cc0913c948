// Renders a stored credit as `customerCredits/list` answers it: the spec's
// `Credit` with `type: "CREDIT"`, `product {id,name}`, `access_schedule
// {credit_type {id,name}, schedule_items}` sorted by start with server ids.
// That schema has no `archived_at` and no `created_at`, so neither is
// answered (an archived credit looks like any other once listed), and
// `created_by`, which it says is omitted for some credits, is never
// answered either: a client cannot count on any of the three.

import type { CreditRecord, State } from "../model";
import type { ViewOptions } from "./commit-view";
import { accessBalance, creditTypeRef, openingLedger, renderAccessItems } from "./schedule-view";

export function renderCredit(state: State, c: CreditRecord, opts: ViewOptions): Record<string, unknown> {
  const product = state.products[c.product_id];
  const out: Record<string, unknown> = {
    id: c.id,
    type: "CREDIT",
    rate_type: c.rate_type,
    priority: c.priority,
    product: { id: c.product_id, name: product?.name ?? "" },
    access_schedule: {
      credit_type: creditTypeRef(state, c.access_schedule.credit_type_id),
      schedule_items: renderAccessItems(c.access_schedule.schedule_items),
    },
  };
  if (c.name !== undefined) out.name = c.name;
  if (c.description !== undefined) out.description = c.description;
  if (c.applicable_contract_ids) out.applicable_contract_ids = c.applicable_contract_ids;
  if (c.applicable_product_ids && opts.productIdsAsSpecifiers) {
    out.specifiers = c.applicable_product_ids.map((product_id) => ({ product_id }));
  } else if (c.applicable_product_ids) out.applicable_product_ids = c.applicable_product_ids;
  if (c.applicable_product_tags) out.applicable_product_tags = c.applicable_product_tags;
  if (c.specifiers) out.specifiers = c.specifiers;
  if (c.hierarchy_configuration) out.hierarchy_configuration = c.hierarchy_configuration;
  out.custom_fields = { ...c.custom_fields };
  if (c.netsuite_sales_order_id !== undefined) out.netsuite_sales_order_id = c.netsuite_sales_order_id;
  if (c.salesforce_opportunity_id !== undefined) out.salesforce_opportunity_id = c.salesforce_opportunity_id;
  if (c.uniqueness_key !== undefined) out.uniqueness_key = c.uniqueness_key;

  const items = c.access_schedule.schedule_items;
  if (opts.includeBalance) out.balance = accessBalance(items, Boolean(c.archived_at), opts.now);
  // The archive description: an archived credit "has a null ledger".
  if (opts.includeLedgers) out.ledger = c.archived_at ? null : openingLedger(items, "CREDIT_SEGMENT_START", opts.now);
  return out;
}
