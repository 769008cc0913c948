// The fields of a CustomerCredit, in the order a person reads a credit.
// A credit is what a commit is without the invoicing: no type, no invoice
// schedule, no invoice contract (customerCredits/create,
// docs/metronome-api.md). Every field is shared with commits (../../fields).

import { accessScheduleField } from "../../fields/access-schedule";
import {
  applicableContractIdsField,
  customerIdField,
  descriptionField,
  existingIdField,
  nameField,
  netsuiteSalesOrderIdField,
  onDeleteField,
  priorityField,
  productIdField,
  rateTypeField,
  salesforceOpportunityIdField,
  uniquenessKeyField,
} from "../../fields/common";
import { customFieldsField } from "../../fields/custom-fields";
import { applicableProductIdsField, applicableProductTagsField, specifiersField } from "../../fields/specifiers";
import type { FieldTable } from "../../kind/field";

export const CREDIT_FIELDS = {
  customerId: customerIdField("credit"),
  productId: productIdField,
  priority: priorityField,
  name: nameField,
  description: descriptionField,
  rateType: rateTypeField,
  accessSchedule: accessScheduleField,
  // edit-credit takes applicable_contract_ids (or null) for every credit.
  applicableContractIds: applicableContractIdsField,
  applicableProductIds: applicableProductIdsField,
  applicableProductTags: applicableProductTagsField,
  specifiers: specifiersField,
  customFields: customFieldsField,
  netsuiteSalesOrderId: netsuiteSalesOrderIdField,
  salesforceOpportunityId: salesforceOpportunityIdField,
  uniquenessKey: uniquenessKeyField("CustomerCredit", "customerCreditProvider", "credit"),
  onDelete: onDeleteField,
  existingCreditId: existingIdField,
} as const satisfies FieldTable;
