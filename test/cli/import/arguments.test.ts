// A declaration's arguments are derived from the kind: the order from its
// field table (the existing-id line first), the dropped values from its
// canonical defaults, the accounted-for record keys from its wire names. A
// kind with one more editable field (defined here, not in the provider) goes
// through the whole generator with no change in cli/import.

import { z } from "zod";
import { describe, expect, it } from "vitest";
import { argOrder, withoutDefaults } from "../../../cli/import/arguments";
import { buildModel } from "../../../cli/import/model";
import { mappedKeys, unmodelledFields } from "../../../cli/import/notes";
import { renderModule } from "../../../cli/import/render";
import type { Credit } from "../../../provider/api/wire";
import type { Field, FieldTable } from "../../../provider/core/kind/field";
import { type Kind, defineKind } from "../../../provider/core/kind/kind";
import { customerCommitKind } from "../../../provider/core/kinds/commit";
import { customerCreditKind } from "../../../provider/core/kinds/credit";
import { CREDIT_FIELDS } from "../../../provider/core/kinds/credit/fields";
import { declaredResources } from "./support";

const USD = "2714e483-4ff1-48e4-9e25-ac732e8f24f2";
const EUR = "4f7e0f0a-5a16-4f4b-8f55-2f2c7b0d9e13";
const CUSTOMER = "11111111-1111-4111-8111-111111111111";
const PRODUCT = "33333333-3333-4333-8333-333333333333";
const ITEM = { amount: 100, startingAt: "2027-01-01T00:00:00Z", endingBefore: "2028-01-01T00:00:00Z" };

/** The credit kind with one more editable field after `description`: `region` (wire `region_code`, default "us"). */
const regionField: Field = { schema: z.string().optional(), wire: "region_code", change: "edit", default: "us" };
const withRegion: FieldTable = Object.fromEntries(
  Object.entries(CREDIT_FIELDS).flatMap(([name, field]) => (name === "description" ? [[name, field], ["region", regionField]] : [[name, field]])),
);
const regionalCreditKind: Kind = defineKind({ ...customerCreditKind, typeName: "CustomerCredit", fields: withRegion });

describe("argOrder", () => {
  it.each<[string, Kind, string[]]>([
    [
      "commit",
      customerCommitKind,
      [
        "existingCommitId", "customerId", "type", "productId", "priority", "name", "description", "rateType", "accessSchedule",
        "invoiceContractId", "invoiceSchedule", "applicableContractIds", "applicableProductIds", "applicableProductTags",
        "specifiers", "customFields", "netsuiteSalesOrderId", "salesforceOpportunityId", "uniquenessKey", "onDelete",
      ],
    ],
    [
      "credit",
      customerCreditKind,
      [
        "existingCreditId", "customerId", "productId", "priority", "name", "description", "rateType", "accessSchedule",
        "applicableContractIds", "applicableProductIds", "applicableProductTags", "specifiers", "customFields",
        "netsuiteSalesOrderId", "salesforceOpportunityId", "uniquenessKey", "onDelete",
      ],
    ],
    ["a credit with one more field", regionalCreditKind, ["existingCreditId", "customerId", "productId", "priority", "name", "description", "region"]],
  ])("%s: the existing id first, then the field table's order", (_label, kind, expected) => {
    expect(argOrder(kind).slice(0, expected.length)).toEqual(expected);
    expect(new Set(argOrder(kind))).toEqual(new Set(kind.fieldNames));
  });
});

describe("withoutDefaults", () => {
  const credit = { existingCreditId: "c", customerId: CUSTOMER, productId: PRODUCT, priority: 1, uniquenessKey: "k" };
  const commit = { ...credit, existingCommitId: "c", existingCreditId: undefined, type: "PREPAID" };

  it.each<[string, Kind, Record<string, unknown>, Record<string, unknown>]>([
    [
      "USD access credit type, LIST_RATE and onDelete archive are dropped",
      customerCreditKind,
      { ...credit, rateType: "LIST_RATE", onDelete: "archive", accessSchedule: { creditTypeId: USD, scheduleItems: [ITEM] } },
      { ...credit, accessSchedule: { scheduleItems: [ITEM] } },
    ],
    [
      "other values are kept",
      customerCreditKind,
      { ...credit, rateType: "COMMIT_RATE", onDelete: "forget", accessSchedule: { creditTypeId: EUR, scheduleItems: [ITEM] } },
      { ...credit, rateType: "COMMIT_RATE", onDelete: "forget", accessSchedule: { creditTypeId: EUR, scheduleItems: [ITEM] } },
    ],
    [
      "a commit's invoice credit type USD and doNotInvoice false are dropped, the schedule kept",
      customerCommitKind,
      {
        ...commit,
        accessSchedule: { creditTypeId: USD, scheduleItems: [ITEM] },
        invoiceSchedule: { creditTypeId: USD, doNotInvoice: false, scheduleItems: [{ timestamp: "2027-01-01T00:00:00Z", amount: 100 }] },
      },
      { ...commit, accessSchedule: { scheduleItems: [ITEM] }, invoiceSchedule: { scheduleItems: [{ timestamp: "2027-01-01T00:00:00Z", amount: 100 }] } },
    ],
    [
      "doNotInvoice true is kept",
      customerCommitKind,
      { ...commit, accessSchedule: { scheduleItems: [ITEM] }, invoiceSchedule: { doNotInvoice: true, scheduleItems: [{ timestamp: "2027-01-01T00:00:00Z", amount: 1 }] } },
      { ...commit, accessSchedule: { scheduleItems: [ITEM] }, invoiceSchedule: { doNotInvoice: true, scheduleItems: [{ timestamp: "2027-01-01T00:00:00Z", amount: 1 }] } },
    ],
    ["a new field's default is dropped", regionalCreditKind, { ...credit, region: "us", accessSchedule: { scheduleItems: [ITEM] } }, { ...credit, accessSchedule: { scheduleItems: [ITEM] } }],
    ["a new field's other value is kept", regionalCreditKind, { ...credit, region: "eu", accessSchedule: { scheduleItems: [ITEM] } }, { ...credit, region: "eu", accessSchedule: { scheduleItems: [ITEM] } }],
  ])("%s", (_label, kind, inputs, expected) => {
    const defined = (o: Record<string, unknown>) => JSON.parse(JSON.stringify(o));
    const args = withoutDefaults(defined(inputs), kind);
    expect(args).toEqual(defined(expected));
    // Written in argument order.
    expect(Object.keys(args)).toEqual(argOrder(kind).filter((k) => k in args));
  });

  it("writes schedules with the credit type first and items as `amount, from, until`", () => {
    const args = withoutDefaults(
      { ...credit, accessSchedule: { scheduleItems: [{ endingBefore: ITEM.endingBefore, startingAt: ITEM.startingAt, amount: 1 }], creditTypeId: EUR } },
      customerCreditKind,
    );
    expect(JSON.stringify(args.accessSchedule)).toBe(
      JSON.stringify({ creditTypeId: EUR, scheduleItems: [{ amount: 1, startingAt: ITEM.startingAt, endingBefore: ITEM.endingBefore }] }),
    );
  });
});

describe("record keys accounted for, from the kind", () => {
  it.each<[string, Kind, string[], string[]]>([
    ["commit", customerCommitKind, ["type", "invoice_schedule", "invoice_contract", "product", "created_at", "archived_at"], ["region_code"]],
    ["credit", customerCreditKind, ["type", "product", "access_schedule", "uniqueness_key", "balance", "ledger"], ["invoice_schedule", "region_code"]],
    ["a credit with one more field", regionalCreditKind, ["region_code", "product"], ["invoice_schedule"]],
  ])("%s", (_label, kind, mapped, unmapped) => {
    const keys = mappedKeys(kind);
    for (const k of mapped) expect(keys.has(k), k).toBe(true);
    for (const k of unmapped) expect(keys.has(k), k).toBe(false);
  });

  it("notes a credit's field the kind has no place for, not one it has", () => {
    const record = { id: "c", type: "CREDIT", product: { id: PRODUCT, name: "Fixed" }, region_code: "eu", extra_flag: true };
    expect(unmodelledFields(record, customerCreditKind).map((f) => f.path)).toEqual(["extra_flag", "region_code"]);
    expect(unmodelledFields(record, regionalCreditKind).map((f) => f.path)).toEqual(["extra_flag"]);
  });
});

describe("a kind with one more field, through list -> model -> render", () => {
  const record = (region: string): Credit =>
    ({
      id: "44444444-4444-4444-8444-444444444444",
      type: "CREDIT",
      product: { id: PRODUCT, name: "Fixed" },
      priority: 1,
      rate_type: "LIST_RATE",
      name: "Regional",
      access_schedule: {
        credit_type: { id: USD, name: "USD (cents)" },
        schedule_items: [{ id: "a1", amount: 100, starting_at: "2027-01-01T00:00:00.000Z", ending_before: "2028-01-01T00:00:00.000Z" }],
      },
      custom_fields: {},
      region_code: region,
    }) as Credit;

  it.each<[string, Record<string, unknown>]>([
    ["us", {}],
    ["eu", { region: "eu" }],
  ])("region %s", (region, written) => {
    const model = buildModel([{ customerId: CUSTOMER, kinds: [{ kind: regionalCreditKind, live: [record(region)], archived: 0 }] }], { onDelete: "archive" });
    const declaration = model[0]?.sections[0]?.declarations[0];
    expect(declaration?.warnings).toEqual([]);
    expect(declaration?.notes).toEqual([]);
    const [declared] = declaredResources(renderModule(model));
    expect(declared?.args).toEqual({
      existingCreditId: "44444444-4444-4444-8444-444444444444",
      customerId: CUSTOMER,
      productId: PRODUCT,
      priority: 1,
      name: "Regional",
      ...written,
      accessSchedule: { scheduleItems: [{ amount: 100, startingAt: "2027-01-01T00:00:00Z", endingBefore: "2028-01-01T00:00:00Z" }] },
    });
  });
});
