// Canonical inputs -> the snake_case body of customerCommits/create
// (metronome-api.md §1). Provider-level fields (onDelete, existingCommitId)
// and the engine's `__` keys never reach the API, and no key is ever
// undefined: JSON.stringify would drop it, but the request log and the
// idempotency hash should see exactly what is sent.

import type {
  AccessScheduleItemInput,
  CreateCommitBody,
  InvoiceScheduleItemInput,
  RecurringScheduleInput,
  SpecifierInput,
} from "../api/wire";
import type {
  AccessScheduleItemInputs,
  CustomerCommitInputs,
  InvoiceScheduleItemInputs,
  RecurringScheduleInputs,
  SpecifierInputs,
} from "./schema";
import type { Obj } from "./util";

export const accessItemToWire = (i: AccessScheduleItemInputs): AccessScheduleItemInput => ({
  amount: i.amount,
  starting_at: i.startingAt,
  ending_before: i.endingBefore,
});

export function invoiceItemToWire(i: InvoiceScheduleItemInputs): InvoiceScheduleItemInput {
  const out: Obj = { timestamp: i.timestamp };
  defined(out, "amount", i.amount);
  defined(out, "quantity", i.quantity);
  defined(out, "unit_price", i.unitPrice);
  return out as unknown as InvoiceScheduleItemInput;
}

function recurringToWire(r: RecurringScheduleInputs): RecurringScheduleInput {
  const out: Obj = {};
  defined(out, "amount_distribution", r.amountDistribution);
  defined(out, "frequency", r.frequency);
  defined(out, "starting_at", r.startingAt);
  defined(out, "ending_before", r.endingBefore);
  defined(out, "amount", r.amount);
  defined(out, "quantity", r.quantity);
  defined(out, "unit_price", r.unitPrice);
  return out as unknown as RecurringScheduleInput;
}

export function specifierToWire(s: SpecifierInputs): SpecifierInput {
  const out: Obj = {};
  defined(out, "product_id", s.productId);
  defined(out, "product_tags", s.productTags);
  defined(out, "pricing_group_values", s.pricingGroupValues);
  defined(out, "presentation_group_values", s.presentationGroupValues);
  return out as SpecifierInput;
}

/**
 * The create body for canonical inputs. Built field by field (rather than as
 * a literal then compacted): it is made for every create.
 */
export function toCreateBody(inputs: CustomerCommitInputs): CreateCommitBody {
  const body: Obj = {};
  defined(body, "customer_id", inputs.customerId);
  defined(body, "type", inputs.type);
  defined(body, "product_id", inputs.productId);
  defined(body, "priority", inputs.priority);
  const access: Obj = {};
  defined(access, "credit_type_id", inputs.accessSchedule.creditTypeId);
  access.schedule_items = inputs.accessSchedule.scheduleItems.map(accessItemToWire);
  body.access_schedule = access;
  const inv = inputs.invoiceSchedule;
  if (inv !== undefined) {
    const invoice: Obj = {};
    defined(invoice, "credit_type_id", inv.creditTypeId);
    defined(invoice, "do_not_invoice", inv.doNotInvoice);
    defined(invoice, "schedule_items", inv.scheduleItems?.map(invoiceItemToWire));
    defined(invoice, "recurring_schedule", inv.recurringSchedule && recurringToWire(inv.recurringSchedule));
    body.invoice_schedule = invoice;
  }
  defined(body, "invoice_contract_id", inputs.invoiceContractId);
  defined(body, "applicable_contract_ids", inputs.applicableContractIds);
  defined(body, "applicable_product_ids", inputs.applicableProductIds);
  defined(body, "applicable_product_tags", inputs.applicableProductTags);
  defined(body, "specifiers", inputs.specifiers?.map(specifierToWire));
  defined(body, "name", inputs.name);
  defined(body, "description", inputs.description);
  defined(body, "custom_fields", inputs.customFields);
  defined(body, "netsuite_sales_order_id", inputs.netsuiteSalesOrderId);
  defined(body, "salesforce_opportunity_id", inputs.salesforceOpportunityId);
  defined(body, "rate_type", inputs.rateType);
  defined(body, "uniqueness_key", inputs.uniquenessKey);
  return body as unknown as CreateCommitBody;
}

/** Sets `out[key]` unless the value is undefined (no key is ever sent undefined). */
function defined(out: Obj, key: string, value: unknown): void {
  if (value !== undefined) out[key] = value;
}
