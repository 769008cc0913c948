// The cross-field rules a commit or credit must satisfy as a whole. Create
// runs them on the parsed body; edit and updateEndDate run them again on the
// record as it would be after the change, so no sequence of edits can reach
// a record that create would have refused.

import { badRequest } from "../errors";
import type { CommitRecord, CreditRecord } from "../model";

const EPSILON = 1e-9;
const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

type Unsaved<T> = Omit<T, "seq" | "id" | "created_at" | "created_by">;

/** The rules commits and credits share: at least one access item, specifiers exclusive with product filters. */
export function checkCreditInvariants(
  c: Pick<Unsaved<CreditRecord>, "access_schedule" | "applicable_product_ids" | "applicable_product_tags" | "specifiers">,
): void {
  if (c.access_schedule.schedule_items.length === 0) {
    throw badRequest("access_schedule.schedule_items must contain at least one item");
  }

  const hasProductFilters = (c.applicable_product_ids?.length ?? 0) > 0 || (c.applicable_product_tags?.length ?? 0) > 0;
  if ((c.specifiers?.length ?? 0) > 0 && hasProductFilters) {
    throw badRequest("specifiers cannot be used together with applicable_product_ids or applicable_product_tags");
  }
}

export function checkCommitInvariants(c: Unsaved<CommitRecord>): void {
  checkCreditInvariants(c);

  if (c.type === "POSTPAID") {
    if (!c.invoice_schedule) throw badRequest("invoice_schedule is required for POSTPAID commits");
    if (c.access_schedule.schedule_items.length !== 1) {
      throw badRequest("access_schedule.schedule_items must contain exactly one item for POSTPAID commits");
    }
    if (c.invoice_schedule.schedule_items.length !== 1) {
      throw badRequest("invoice_schedule.schedule_items must contain exactly one item for POSTPAID commits");
    }
    const access = sum(c.access_schedule.schedule_items.map((i) => i.amount));
    const invoiced = sum(c.invoice_schedule.schedule_items.map((i) => i.amount));
    if (Math.abs(access - invoiced) > EPSILON) {
      throw badRequest(
        `invoice_schedule total (${invoiced}) must equal the access_schedule amount (${access}) for POSTPAID commits`,
      );
    }
  }

  // The contract an invoice is issued on: needed whenever invoices will be made.
  if (c.invoice_schedule && !c.invoice_schedule.do_not_invoice && !c.invoice_contract_id) {
    throw badRequest(
      c.type === "POSTPAID"
        ? "invoice_contract_id is required for POSTPAID commits"
        : "invoice_contract_id is required for PREPAID commits with an invoice_schedule (unless invoice_schedule.do_not_invoice is true)",
    );
  }
}
