import { describe, expect, it } from "vitest";
import { REPLACE_ONLY, UNKNOWN, canonicalize, replacedProperties } from "../../../provider/core";
import { REPLACE_CASES, postpaidRaw, prepaidTwoHalvesRaw, recurringRaw, tweak, twoHalvesOutputs } from "./fixtures";

const olds = { twoHalves: twoHalvesOutputs, postpaid: () => canonicalize(postpaidRaw()) };
const raws = { twoHalves: prepaidTwoHalvesRaw, postpaid: postpaidRaw };

describe("replacedProperties", () => {
  it.each(REPLACE_CASES)("%s (checked new inputs)", (_label, base, change, expected) => {
    const news = canonicalize(tweak(raws[base](), change));
    expect(replacedProperties(olds[base](), news)).toStrictEqual(expected);
  });

  it.each([
    ["recurring schedule changed", (r: any) => { r.invoiceSchedule.recurringSchedule.frequency = "QUARTERLY"; }, ["invoiceSchedule"]],
    ["recurring schedule amount changed", (r: any) => { r.invoiceSchedule.recurringSchedule.amount = 1; }, ["invoiceSchedule"]],
    ["recurring schedule unchanged", () => {}, []],
  ])("recurring: %s", (_label, change, expected) => {
    const old = canonicalize(recurringRaw());
    expect(replacedProperties(old, canonicalize(tweak(recurringRaw(), change)))).toStrictEqual(expected);
  });

  it("adding an invoice schedule replaces", () => {
    const old = canonicalize(tweak(prepaidTwoHalvesRaw(), (r) => { delete r.invoiceSchedule; }));
    expect(replacedProperties(old, canonicalize(prepaidTwoHalvesRaw()))).toStrictEqual(["invoiceSchedule"]);
  });

  it.each<[string, (r: any) => void, string[]]>([
    ["customerId unknown", (r) => { r.customerId = UNKNOWN; }, ["customerId"]],
    ["type unknown", (r) => { r.type = UNKNOWN; }, ["type"]],
    ["access schedule unknown (its credit type may change)", (r) => { r.accessSchedule = UNKNOWN; }, ["accessSchedule"]],
    ["access credit type unknown", (r) => { r.accessSchedule.creditTypeId = UNKNOWN; }, ["accessSchedule"]],
    ["doNotInvoice unknown", (r) => { r.invoiceSchedule.doNotInvoice = UNKNOWN; }, ["invoiceSchedule"]],
    ["uniqueness key unknown", (r) => { r.uniquenessKey = UNKNOWN; }, ["uniquenessKey"]],
    ["access amounts unknown: in place", (r) => { r.accessSchedule.scheduleItems[0].amount = UNKNOWN; }, []],
    ["invoice items unknown: in place", (r) => { r.invoiceSchedule.scheduleItems = UNKNOWN; }, []],
    ["name and priority unknown: in place", (r) => { r.name = UNKNOWN; r.priority = UNKNOWN; }, []],
    ["PREPAID applicable contracts unknown: in place", (r) => { r.applicableContractIds = UNKNOWN; }, []],
    ["existingCommitId unknown: never replaces", (r) => { r.existingCommitId = UNKNOWN; }, []],
  ])("unknown: %s", (_label, change, expected) => {
    expect(replacedProperties(twoHalvesOutputs(), canonicalize(tweak(prepaidTwoHalvesRaw(), change)))).toStrictEqual(expected);
  });

  it("two unknowns are not equal: unknown in old and new state still may change", () => {
    const old = { ...twoHalvesOutputs(), customerId: UNKNOWN };
    expect(replacedProperties(old, canonicalize(tweak(prepaidTwoHalvesRaw(), (r) => { r.customerId = UNKNOWN; })))).toStrictEqual(["customerId"]);
  });

  it("POSTPAID applicable contracts unknown may change: replace", () => {
    const news = canonicalize(tweak(postpaidRaw(), (r) => { r.applicableContractIds = UNKNOWN; }));
    expect(replacedProperties(canonicalize(postpaidRaw()), news)).toStrictEqual(["applicableContractIds"]);
  });

  it("ignores server fields and item ids in the old outputs", () => {
    const old = { ...twoHalvesOutputs(), archivedAt: "2027-03-01T00:00:00Z", revision: 3 };
    expect(replacedProperties(old, canonicalize(prepaidTwoHalvesRaw()))).toStrictEqual([]);
  });

  it("describes each replace-only property once, with a reason, in the field table's order", () => {
    const names = REPLACE_ONLY.map((f) => f.property);
    expect(names).toStrictEqual([
      "customerId",
      "type",
      "accessSchedule",
      "invoiceSchedule",
      "applicableContractIds",
      "netsuiteSalesOrderId",
      "salesforceOpportunityId",
      "uniquenessKey",
    ]);
    expect(REPLACE_ONLY.every((f) => f.why.length > 0 && f.what.length > 0)).toBe(true);
    expect(names).not.toContain("existingCommitId");
    expect(names).not.toContain("onDelete");
  });
});
