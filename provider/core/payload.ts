// Canonical inputs -> the snake_case body of customerCommits/create
// (docs/metronome-api.md). Provider-level fields (onDelete, existingCommitId)
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
} from "./inputs";
import { compact } from "./util";

export const accessItemToWire = (i: AccessScheduleItemInputs): AccessScheduleItemInput => ({
  amount: i.amount,
  starting_at: i.startingAt,
  ending_before: i.endingBefore,
});

export const invoiceItemToWire = (i: InvoiceScheduleItemInputs): InvoiceScheduleItemInput =>
  compact({ timestamp: i.timestamp, amount: i.amount, quantity: i.quantity, unit_price: i.unitPrice });

const recurringToWire = (r: RecurringScheduleInputs): RecurringScheduleInput =>
  compact({
    amount_distribution: r.amountDistribution,
    frequency: r.frequency,
    starting_at: r.startingAt,
    ending_before: r.endingBefore,
    amount: r.amount,
    quantity: r.quantity,
    unit_price: r.unitPrice,
  });

export const specifierToWire = (s: SpecifierInputs): SpecifierInput =>
  compact({
    product_id: s.productId,
    product_tags: s.productTags,
    pricing_group_values: s.pricingGroupValues,
    presentation_group_values: s.presentationGroupValues,
  });

/** The create body for canonical inputs. */
export function toCreateBody(inputs: CustomerCommitInputs): CreateCommitBody {
  const inv = inputs.invoiceSchedule;
  return compact({
    customer_id: inputs.customerId,
    type: inputs.type,
    product_id: inputs.productId,
    priority: inputs.priority,
    access_schedule: compact({
      credit_type_id: inputs.accessSchedule.creditTypeId,
      schedule_items: inputs.accessSchedule.scheduleItems.map(accessItemToWire),
    }),
    invoice_schedule:
      inv === undefined
        ? undefined
        : compact({
            credit_type_id: inv.creditTypeId,
            do_not_invoice: inv.doNotInvoice,
            schedule_items: inv.scheduleItems?.map(invoiceItemToWire),
            recurring_schedule: inv.recurringSchedule && recurringToWire(inv.recurringSchedule),
          }),
    invoice_contract_id: inputs.invoiceContractId,
    applicable_contract_ids: inputs.applicableContractIds,
    applicable_product_ids: inputs.applicableProductIds,
    applicable_product_tags: inputs.applicableProductTags,
    specifiers: inputs.specifiers?.map(specifierToWire),
    name: inputs.name,
    description: inputs.description,
    custom_fields: inputs.customFields,
    netsuite_sales_order_id: inputs.netsuiteSalesOrderId,
    salesforce_opportunity_id: inputs.salesforceOpportunityId,
    rate_type: inputs.rateType,
    uniqueness_key: inputs.uniquenessKey,
  });
}
