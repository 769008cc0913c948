// The CustomerCredit kind: a customer-level credit
// (`/v1/contracts/customerCredits/*`, edited through `/v2/contracts/credits/*`).
// Metronome's Credit carries no `created_at` and no `archived_at`, so a
// credit's outputs have neither; whether a credit is archived is told by the
// listings (runtime/kind-source.ts).

import { hierarchyOf } from "../../fields/hierarchy";
import { defineKind } from "../../kind/kind";
import { CREDIT_RULES } from "../../rules";
import { CREDIT_FIELDS } from "./fields";

export const customerCreditKind = defineKind({
  typeName: "CustomerCredit",
  noun: "credit",
  providerName: "customerCreditProvider",
  existingIdField: "existingCreditId",
  fields: CREDIT_FIELDS,
  rules: CREDIT_RULES,
  serverOutputs: {
    hierarchyConfiguration: (record) => hierarchyOf(record.hierarchy_configuration),
  },
  api: { resource: "credits", idField: "credit_id", customFieldEntity: "contract_credit" },
  keyScope: "credit",
});
