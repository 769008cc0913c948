// Renders a stored commit as `customerCommits/list` answers it: references as
// objects (`product {id,name}`, `invoice_contract {id}`, `credit_type
// {id,name}`), schedule items sorted by time with their server ids, every
// invoice item with amount, quantity and unit_price, and no
// `recurring_schedule` (it was expanded at create).

import type { CommitRecord, State } from "../model";

function creditType(state: State, id: string): { id: string; name: string } {
  const found = state.creditTypes.find((c) => c.id === id);
  return { id, name: found?.name ?? id };
}

const byTime = <T>(key: (x: T) => string) => (a: T, b: T): number => Date.parse(key(a)) - Date.parse(key(b));

export interface ViewOptions {
  includeBalance: boolean;
  includeLedgers: boolean;
  now: number;
  /** Answer `applicable_product_ids` as the equivalent `specifiers` (no source says which form comes back). */
  productIdsAsSpecifiers: boolean;
}

export function renderCommit(state: State, c: CommitRecord, opts: ViewOptions): Record<string, unknown> {
  const product = state.products[c.product_id];
  const access = c.access_schedule.schedule_items
    .slice()
    .sort(byTime((i) => i.starting_at))
    .map(({ id, amount, starting_at, ending_before }) => ({ id, amount, starting_at, ending_before }));
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

  if (opts.includeBalance) out.balance = balance(c, opts.now);
  if (opts.includeLedgers) out.ledger = c.archived_at ? null : ledger(c, opts.now);
  return out;
}

/**
 * No usage is metered in the emulator, so a commit's balance is what its
 * access segments make available now: the amounts of the segments covering
 * the current instant. An archived commit has balance 0 (Metronome docs).
 */
function balance(c: CommitRecord, now: number): number {
  if (c.archived_at) return 0;
  return c.access_schedule.schedule_items
    .filter((i) => Date.parse(i.starting_at) <= now && now < Date.parse(i.ending_before))
    .reduce((sum, i) => sum + i.amount, 0);
}

/** One opening entry per access segment that has started; nothing else happens without usage. */
function ledger(c: CommitRecord, now: number): Array<Record<string, unknown>> {
  const type = c.type === "PREPAID" ? "PREPAID_COMMIT_SEGMENT_START" : "POSTPAID_COMMIT_INITIAL_BALANCE";
  return c.access_schedule.schedule_items
    .filter((i) => Date.parse(i.starting_at) <= now)
    .sort(byTime((i) => i.starting_at))
    .map((i) => ({ type, amount: i.amount, segment_id: i.id, timestamp: i.starting_at }));
}
