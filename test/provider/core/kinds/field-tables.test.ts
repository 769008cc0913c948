// Each kind's field table is the one description of its fields; this test
// fails when a field is described in one place but missing in another:
//   - the wire types (provider/api/wire): every create-body and edit-body key
//     is a field of the table (or a request id, or listed below as not
//     modelled), and every field the table sends exists in the wire type;
//   - Metronome's SDK (@metronome/sdk, generated from its OpenAPI document):
//     the same, against the SDK's request types, the primary source;
//   - the canonical input types and the resource classes' declared outputs
//     (at compile time: this file is type-checked by the last test).
// The key lists below are `Record<keyof T, true>` objects, so TypeScript
// refuses them when a key of the type is missing or one is added.

import { typeErrorsOf } from "../../../helpers/type-check";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { CreditCreateParams } from "@metronome/sdk/resources/v1/customers/credits";
import type { CommitCreateParams } from "@metronome/sdk/resources/v1/customers/commits";
import type { ContractEditCommitParams, ContractEditCreditParams } from "@metronome/sdk/resources/v2/contracts";
import type { CreateCommitBody, CreateCreditBody, EditCommitBody, EditCreditBody } from "../../../../provider/api/wire";
import type { Field } from "../../../../provider/core/kind/field";
import type { Kind } from "../../../../provider/core/kind/kind";
import { customerCommitKind } from "../../../../provider/core/kinds/commit";
import { customerCreditKind } from "../../../../provider/core/kinds/credit";
import type { CustomerCommitInputs, CustomerCreditInputs } from "../../../../provider/core/inputs";
import type { CustomerCommit } from "../../../../provider/resource/customer-commit";
import type { CustomerCredit } from "../../../../provider/resource/customer-credit";

type Keys<T> = Record<keyof Required<T>, true>;

const COMMIT_CREATE_BODY: Keys<CreateCommitBody> = {
  customer_id: true, type: true, product_id: true, priority: true, access_schedule: true, invoice_schedule: true,
  invoice_contract_id: true, applicable_contract_ids: true, applicable_product_ids: true, applicable_product_tags: true,
  specifiers: true, name: true, description: true, custom_fields: true, netsuite_sales_order_id: true,
  salesforce_opportunity_id: true, rate_type: true, uniqueness_key: true,
};
const SDK_COMMIT_CREATE: Keys<CommitCreateParams> = { ...COMMIT_CREATE_BODY };
const CREDIT_CREATE_BODY: Keys<CreateCreditBody> = {
  customer_id: true, product_id: true, priority: true, access_schedule: true, applicable_contract_ids: true,
  applicable_product_ids: true, applicable_product_tags: true, specifiers: true, name: true, description: true,
  custom_fields: true, netsuite_sales_order_id: true, salesforce_opportunity_id: true, rate_type: true, uniqueness_key: true,
};
const SDK_CREDIT_CREATE: Keys<CreditCreateParams> = { ...CREDIT_CREATE_BODY };
const COMMIT_EDIT_BODY: Keys<EditCommitBody> = {
  customer_id: true, commit_id: true, name: true, description: true, priority: true, product_id: true, rate_type: true,
  invoice_contract_id: true, applicable_contract_ids: true, applicable_product_ids: true, applicable_product_tags: true,
  specifiers: true, access_schedule: true, invoice_schedule: true, hierarchy_configuration: true,
};
const SDK_COMMIT_EDIT: Keys<ContractEditCommitParams> = { ...COMMIT_EDIT_BODY };
const CREDIT_EDIT_BODY: Keys<EditCreditBody> = {
  customer_id: true, credit_id: true, name: true, description: true, priority: true, product_id: true, rate_type: true,
  applicable_contract_ids: true, applicable_product_ids: true, applicable_product_tags: true, specifiers: true,
  access_schedule: true, hierarchy_configuration: true,
};
const SDK_CREDIT_EDIT: Keys<ContractEditCreditParams> = { ...CREDIT_EDIT_BODY };

/**
 * Request keys no field describes, each for a reason: the ids a request names,
 * and `hierarchy_configuration` (set in Metronome, shown as an output, never
 * sent: the provider does not manage it).
 */
const NOT_FIELDS = ["customer_id", "commit_id", "credit_id", "hierarchy_configuration"];

const sentOnCreate = (kind: Kind): string[] =>
  kind.fieldNames.flatMap((n) => {
    const f = kind.fields[n] as Field;
    return f.wire !== undefined && f.change !== "provider" ? [f.wire] : [];
  });
/** Editable fields sent in the edit body (custom fields have their own endpoints). */
const sentOnEdit = (kind: Kind): string[] =>
  kind.fieldNames.flatMap((n) => {
    const f = kind.fields[n] as Field;
    return f.change === "edit" && f.wire !== undefined && f.wire !== "custom_fields" ? [f.wire] : [];
  });
const sorted = (keys: Iterable<string>): string[] => [...keys].sort();
const withoutIds = (keys: object): string[] => sorted(Object.keys(keys).filter((k) => !NOT_FIELDS.includes(k)));
const createFields = (kind: Kind): string[] => sorted(sentOnCreate(kind).filter((k) => !NOT_FIELDS.includes(k)));

describe.each<[string, Kind, object, object, object, object]>([
  ["CustomerCommit", customerCommitKind, COMMIT_CREATE_BODY, SDK_COMMIT_CREATE, COMMIT_EDIT_BODY, SDK_COMMIT_EDIT],
  ["CustomerCredit", customerCreditKind, CREDIT_CREATE_BODY, SDK_CREDIT_CREATE, CREDIT_EDIT_BODY, SDK_CREDIT_EDIT],
])("%s: the field table, the wire types and the SDK agree", (_name, kind, createBody, sdkCreate, editBody, sdkEdit) => {
  it("the table sends on create exactly the create body's fields (ours and the SDK's)", () => {
    expect(createFields(kind)).toEqual(withoutIds(createBody));
    expect(createFields(kind)).toEqual(withoutIds(sdkCreate));
    expect(sentOnCreate(kind)).toContain("customer_id");
  });

  it("every editable field is in the edit body, and every edit-body field is an editable field", () => {
    expect(sorted(sentOnEdit(kind))).toEqual(withoutIds(editBody));
    expect(sorted(sentOnEdit(kind))).toEqual(withoutIds(sdkEdit));
  });

  it("every field says how it changes, and replace-only ones say what and why", () => {
    for (const name of kind.fieldNames) {
      const f = kind.fields[name] as Field;
      expect(["edit", "replace", "provider"]).toContain(f.change);
      if (f.change === "replace") expect(f.replace, name).toEqual(expect.objectContaining({ what: expect.any(String), why: expect.any(String), review: expect.any(String) }));
      if (f.change !== "provider") expect(f.wire, name).toMatch(/^[a-z_]+$/);
    }
  });
});

// Compile time: the canonical input types name exactly the table's fields, and
// each resource class declares an output for each of them.
type FieldsOf<K extends { fields: object }> = keyof K["fields"];
expectTypeOf<keyof CustomerCommitInputs>().toEqualTypeOf<FieldsOf<typeof customerCommitKind>>();
expectTypeOf<keyof CustomerCreditInputs>().toEqualTypeOf<FieldsOf<typeof customerCreditKind>>();
expectTypeOf<Exclude<FieldsOf<typeof customerCommitKind>, keyof CustomerCommit>>().toEqualTypeOf<never>();
expectTypeOf<Exclude<FieldsOf<typeof customerCreditKind>, keyof CustomerCredit>>().toEqualTypeOf<never>();
expectTypeOf<Exclude<keyof (typeof customerCommitKind)["serverOutputs"], keyof CustomerCommit>>().toEqualTypeOf<never>();
expectTypeOf<Exclude<keyof (typeof customerCreditKind)["serverOutputs"], keyof CustomerCredit>>().toEqualTypeOf<never>();

describe("the compile-time half", () => {
  it("type-checks: input types and resource outputs name every field of the tables", () => {
    expect(typeErrorsOf(expect.getState().testPath as string, "tsconfig.test.json")).toEqual([]);
  }, 60_000);
});
