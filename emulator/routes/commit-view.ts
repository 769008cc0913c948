// Renders a stored commit as `customerCommits/list` answers it: references as
// objects (`product {id,name}`, `invoice_contract {id}`, `credit_type
// {id,name}`), schedule items sorted by time with their server ids, every
// invoice item with amount, quantity and unit_price, and no
// `recurring_schedule` (it was expanded at create).

import type { CommitRecord, State } from "../model";
import { accessBalance, byTime, creditTypeRef as creditType, openingLedger, renderAccessItems } from "./schedule-view";

export interface ViewOptions {
  includeBalance: boolean;
  includeLedgers: boolean;
  now: number;
  /** Answer `applicable_product_ids` as the equivalent `specifiers` (no source says which form comes back). */
  productIdsAsSpecifiers: boolean;
}

export function renderCommit(state: State, c: CommitRecord, opts: ViewOptions): Record<string, unknown> {
  const product = state.products[c.product_id];
  const access = renderAccessItems(c.access_schedule.schedule_items);
  const out: Record<string, unknown> = {
    id: c.id,
    type: c.type,
    rate_type: c.rate_type,
    priority: c.priority,
    product: { id: c.product_id, name: product?.name ?? "" },
    access_schedule: { credit_type: creditType(state, c.access_schedule.credit_type_id), schedule_items: access },
  };
  if (c.name !== undefined) out.name = c.name;
  if (c.description !== undefined) out.description = c.description;
  if (c.invoice_schedule) {
    out.invoice_schedule = {
      credit_type: creditType(state, c.invoice_schedule.credit_type_id),
      do_not_invoice: c.invoice_schedule.do_not_invoice,
      schedule_items: c.invoice_schedule.schedule_items
        .slice()
        .sort(byTime((i) => i.timestamp))
        .map(({ id, timestamp, amount, quantity, unit_price, invoice_id }) => ({
          id, timestamp, amount, quantity, unit_price, invoice_id,
        })),
    };
  }
  if (c.invoice_contract_id) out.invoice_contract = { id: c.invoice_contract_id };
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
  if (c.archived_at) out.archived_at = c.archived_at;
  out.created_at = c.created_at;
  out.created_by = c.created_by;

  if (opts.includeBalance) out.balance = accessBalance(c.access_schedule.schedule_items, Boolean(c.archived_at), opts.now);
  if (opts.includeLedgers) {
    const type = c.type === "PREPAID" ? "PREPAID_COMMIT_SEGMENT_START" : "POSTPAID_COMMIT_INITIAL_BALANCE";
    out.ledger = c.archived_at ? null : openingLedger(c.access_schedule.schedule_items, type, opts.now);
  }
  return out;
}
