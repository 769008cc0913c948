// The fields of a CustomerCommit, in the order a person reads a commit.
// Shared fields come from ../../fields; the commit's own (type, invoice
// contract, invoice schedule) are described here and in invoice-schedule.ts.

import { canonicalId, upper } from "../../canonical-values";
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
import { caseInsensitiveEnum, id } from "../../fields/values";
import { COMMIT_TYPES } from "../../inputs-constants";
import type { FieldTable } from "../../kind/field";
import { invoiceScheduleField } from "./invoice-schedule";

export const COMMIT_FIELDS = {
  customerId: customerIdField("commit"),
  type: {
    schema: caseInsensitiveEnum(COMMIT_TYPES),
    wire: "type",
    change: "replace",
    canonical: upper,
    replace: { what: "PREPAID/POSTPAID", why: "no API changes a commit's type", review: "the commit type" },
  },
  productId: productIdField,
  priority: priorityField,
  name: nameField,
  description: descriptionField,
  rateType: rateTypeField,
  accessSchedule: accessScheduleField,
  invoiceContractId: {
    schema: id.optional(),
    wire: "invoice_contract_id",
    change: "edit",
    canonical: canonicalId,
    read: (record) => (record.invoice_contract as { id?: string } | undefined)?.id,
    clear: { refuse: () => "Metronome cannot remove a commit's invoice contract; name another contract instead" },
  },
  invoiceSchedule: invoiceScheduleField,
  applicableContractIds: {
    ...applicableContractIdsField,
    replace: {
      what: "applicableContractIds of a POSTPAID commit",
      why: "edit-commit refuses applicable_contract_ids for POSTPAID commits",
      review: "the applicable contracts of a POSTPAID commit",
      when: (o) => o.type === "POSTPAID",
    },
  },
  applicableProductIds: applicableProductIdsField,
  applicableProductTags: applicableProductTagsField,
  specifiers: specifiersField,
  customFields: customFieldsField,
  netsuiteSalesOrderId: netsuiteSalesOrderIdField,
  salesforceOpportunityId: salesforceOpportunityIdField,
  uniquenessKey: uniquenessKeyField("CustomerCommit", "customerCommitProvider", "commit"),
  onDelete: onDeleteField,
  existingCommitId: existingIdField,
} as const satisfies FieldTable;
