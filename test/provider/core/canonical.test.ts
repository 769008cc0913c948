import { describe, expect, it } from "vitest";
import { UNKNOWN, canonicalize, canonicalTimestamp, parseTimestamp } from "../../../provider/core";
import { CONTRACT, OTHER_CONTRACT, PRODUCT_A, PRODUCT_B, USD, prepaidCanonical, prepaidRaw, prepaidTwoHalvesRaw, postpaidRaw, recurringRaw, tweak } from "./fixtures";

const c = (raw: Record<string, unknown>) => canonicalize(raw);

describe("canonicalize", () => {
  it("fills defaults and sorts keys (the fixture's canonical form, key order included)", () => {
    expect(JSON.stringify(c(prepaidRaw()))).toBe(JSON.stringify(prepaidCanonical()));
  });

  it.each([
    ["Z", "2027-01-01T00:00:00Z", "2027-01-01T00:00:00Z"],
    ["milliseconds", "2027-01-01T00:00:00.000Z", "2027-01-01T00:00:00Z"],
    ["lower-case t and z", "2027-01-01t00:00:00z", "2027-01-01T00:00:00Z"],
    ["+00:00", "2027-01-01T00:00:00+00:00", "2027-01-01T00:00:00Z"],
    ["+01:00 offset", "2027-01-01T01:00:00+01:00", "2027-01-01T00:00:00Z"],
    ["-05:00 offset crossing a day", "2026-12-31T19:00:00-05:00", "2027-01-01T00:00:00Z"],
    ["non-zero fraction kept (never valid: not a whole hour)", "2027-01-01T00:00:00.250Z", "2027-01-01T00:00:00.250Z"],
    ["not a timestamp: untouched", "next tuesday", "next tuesday"],
    ["no offset: untouched (would be local time)", "2027-01-01T00:00:00", "2027-01-01T00:00:00"],
    ["impossible date: untouched", "2027-02-30T00:00:00Z", "2027-02-30T00:00:00Z"],
    ["unknown: untouched", UNKNOWN, UNKNOWN],
  ])("timestamp %s", (_label, input, expected) => {
    expect(canonicalTimestamp(input)).toBe(expected);
  });

  it.each([
    ["2027-01-01T00:00:00Z", Date.UTC(2027, 0, 1)],
    ["2027-13-01T00:00:00Z", undefined],
    ["2027-01-01T24:00:00Z", undefined],
    ["2027-01-01T00:00:00+24:00", undefined],
    ["2027-01-01", undefined],
    [20270101, undefined],
  ])("parseTimestamp(%j)", (input, expected) => {
    expect(parseTimestamp(input)).toBe(expected);
  });

  const at = (start: string, end: string) => tweak(prepaidRaw(), (r) => {
    r.accessSchedule.scheduleItems[0].startingAt = start;
    r.accessSchedule.scheduleItems[0].endingBefore = end;
    r.invoiceSchedule.scheduleItems[0].timestamp = start;
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ["enum case: prepaid / PREPAID", tweak(prepaidRaw(), (r) => { r.type = "prepaid"; }), prepaidRaw()],
    ["rateType case and default: list_rate / absent", tweak(prepaidRaw(), (r) => { r.rateType = "list_rate"; }), prepaidRaw()],
    ["onDelete case and default: ARCHIVE / absent", tweak(prepaidRaw(), (r) => { r.onDelete = "ARCHIVE"; }), prepaidRaw()],
    ["onDelete spelling: ENDACCESS / endAccess", tweak(prepaidRaw(), (r) => { r.onDelete = "ENDACCESS"; }), tweak(prepaidRaw(), (r) => { r.onDelete = "endAccess"; })],
    ["timestamps: .000Z / Z", at("2027-01-01T00:00:00.000Z", "2028-01-01T00:00:00.000Z"), prepaidRaw()],
    ["timestamps: +00:00 / Z", at("2027-01-01T00:00:00+00:00", "2028-01-01T00:00:00+00:00"), prepaidRaw()],
    ["timestamps: +01:00 offset / Z", at("2027-01-01T01:00:00+01:00", "2028-01-01T01:00:00+01:00"), prepaidRaw()],
    ["credit types: explicit USD / default", tweak(prepaidRaw(), (r) => { r.accessSchedule.creditTypeId = USD; r.invoiceSchedule.creditTypeId = USD; }), prepaidRaw()],
    ["doNotInvoice: false / default", tweak(prepaidRaw(), (r) => { r.invoiceSchedule.doNotInvoice = false; }), prepaidRaw()],
    ["uuid case: upper / lower", tweak(prepaidRaw(), (r) => { r.invoiceContractId = CONTRACT.toUpperCase(); }), prepaidRaw()],
    ["reordered and duplicated ids", tweak(prepaidRaw(), (r) => { r.applicableProductIds = [PRODUCT_B, PRODUCT_A, PRODUCT_B]; r.applicableContractIds = [OTHER_CONTRACT, CONTRACT]; }),
      tweak(prepaidRaw(), (r) => { r.applicableProductIds = [PRODUCT_A, PRODUCT_B]; r.applicableContractIds = [CONTRACT, OTHER_CONTRACT]; })],
    ["reordered tags", tweak(prepaidRaw(), (r) => { r.applicableProductTags = ["gpu", "compute", "gpu"]; }), tweak(prepaidRaw(), (r) => { r.applicableProductTags = ["compute", "gpu"]; })],
    ["reordered schedule items", tweak(prepaidTwoHalvesRaw(), (r) => { r.accessSchedule.scheduleItems.reverse(); r.invoiceSchedule.scheduleItems.reverse(); }), prepaidTwoHalvesRaw()],
    ["reordered specifiers and their tags",
      tweak(prepaidRaw(), (r) => { r.specifiers = [{ productTags: ["b", "a"] }, { productId: PRODUCT_A, pricingGroupValues: { region: "eu", tier: "1" } }]; }),
      tweak(prepaidRaw(), (r) => { r.specifiers = [{ pricingGroupValues: { tier: "1", region: "eu" }, productId: PRODUCT_A }, { productTags: ["a", "b"] }]; })],
    ["empty arrays, maps and description / absent", tweak(prepaidRaw(), (r) => { r.applicableProductIds = []; r.specifiers = []; r.customFields = {}; r.description = ""; }), prepaidRaw()],
    ["null / absent", tweak(prepaidRaw(), (r) => { r.name = null; r.invoiceSchedule.doNotInvoice = null; }), tweak(prepaidRaw(), (r) => { delete r.name; })],
    ["recurring enums case", tweak(recurringRaw(), (r) => { r.invoiceSchedule.recurringSchedule.frequency = "monthly"; r.invoiceSchedule.recurringSchedule.amountDistribution = "divided"; }), recurringRaw()],
  ])("equivalent: %s", (_label, a, b) => {
    expect(c(a)).toStrictEqual(c(b));
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ["different amounts", tweak(prepaidRaw(), (r) => { r.accessSchedule.scheduleItems[0].amount = 1; }), prepaidRaw()],
    ["different instants", at("2027-01-01T01:00:00Z", "2028-01-01T00:00:00Z"), prepaidRaw()],
    ["a number and its string", tweak(prepaidRaw(), (r) => { r.priority = "100"; }), prepaidRaw()],
    ["tags are case-sensitive", tweak(prepaidRaw(), (r) => { r.applicableProductTags = ["GPU"]; }), tweak(prepaidRaw(), (r) => { r.applicableProductTags = ["gpu"]; })],
    ["a list holding one empty specifier vs no specifiers", tweak(prepaidRaw(), (r) => { r.specifiers = [{}]; }), prepaidRaw()],
  ])("not equivalent: %s", (_label, a, b) => {
    expect(c(a)).not.toStrictEqual(c(b));
  });

  it("keeps numbers as numbers and an empty specifier inside a list", () => {
    const out = c(tweak(prepaidRaw(), (r) => { r.priority = 7.5; r.specifiers = [{}]; }));
    expect(out.priority).toBe(7.5);
    expect(out.specifiers).toStrictEqual([{}]);
  });

  it.each<[string, Record<string, unknown>]>([
    ["prepaid", prepaidRaw()],
    ["two halves", prepaidTwoHalvesRaw()],
    ["postpaid", postpaidRaw()],
    ["recurring", recurringRaw()],
    ["messy", tweak(prepaidTwoHalvesRaw(), (r) => {
      r.type = "prepaid";
      r.accessSchedule.scheduleItems.reverse();
      r.accessSchedule.scheduleItems[0].startingAt = "2027-07-01T02:00:00+02:00";
      r.applicableProductTags = ["z", "a", "z"];
      r.customFields = { b: "2", a: "1" };
      r.specifiers = [];
    })],
    ["with unknowns", tweak(prepaidTwoHalvesRaw(), (r) => {
      r.priority = UNKNOWN;
      r.applicableProductIds = [UNKNOWN, PRODUCT_B, UNKNOWN];
      r.accessSchedule.scheduleItems[1].startingAt = UNKNOWN;
      r.invoiceSchedule = UNKNOWN;
    })],
    ["malformed", { type: 3, accessSchedule: "x", applicableProductIds: "nope", specifiers: [1, null, "a"] }],
  ])("is idempotent: %s", (_label, raw) => {
    const once = c(raw);
    expect(c(once)).toStrictEqual(once);
    expect(JSON.stringify(c(once))).toBe(JSON.stringify(once));
  });

  it("sorts access items by start and invoice items by timestamp", () => {
    const out = c(tweak(prepaidTwoHalvesRaw(), (r) => { r.accessSchedule.scheduleItems.reverse(); r.invoiceSchedule.scheduleItems.reverse(); })) as any;
    expect(out.accessSchedule.scheduleItems.map((i: any) => i.startingAt)).toStrictEqual(["2027-01-01T00:00:00Z", "2027-07-01T00:00:00Z"]);
    expect(out.invoiceSchedule.scheduleItems.map((i: any) => i.timestamp)).toStrictEqual(["2027-01-01T00:00:00Z", "2027-07-01T00:00:00Z"]);
  });

  it("keeps each schedule item's server id with its item while sorting", () => {
    const out = c({
      accessSchedule: {
        scheduleItems: [
          { id: "b", amount: 1, startingAt: "2027-07-01T00:00:00.000Z", endingBefore: "2028-01-01T00:00:00.000Z" },
          { id: "a", amount: 2, startingAt: "2027-01-01T00:00:00.000Z", endingBefore: "2027-07-01T00:00:00.000Z" },
        ],
      },
    }) as any;
    expect(out.accessSchedule.scheduleItems.map((i: any) => [i.id, i.amount])).toStrictEqual([["a", 2], ["b", 1]]);
  });

  describe("unknown sentinel", () => {
    it.each<[string, (r: any) => void, (out: any) => unknown]>([
      ["string field", (r) => { r.customerId = UNKNOWN; }, (o) => o.customerId],
      ["enum field", (r) => { r.type = UNKNOWN; }, (o) => o.type],
      ["number field", (r) => { r.priority = UNKNOWN; }, (o) => o.priority],
      ["array field", (r) => { r.applicableProductIds = UNKNOWN; }, (o) => o.applicableProductIds],
      ["object field", (r) => { r.invoiceSchedule = UNKNOWN; }, (o) => o.invoiceSchedule],
      ["map field", (r) => { r.customFields = UNKNOWN; }, (o) => o.customFields],
      ["nested timestamp", (r) => { r.accessSchedule.scheduleItems[0].startingAt = UNKNOWN; }, (o) => o.accessSchedule.scheduleItems[0].startingAt],
      ["nested number", (r) => { r.invoiceSchedule.scheduleItems[0].amount = UNKNOWN; }, (o) => o.invoiceSchedule.scheduleItems[0].amount],
      ["nested array", (r) => { r.accessSchedule.scheduleItems = UNKNOWN; }, (o) => o.accessSchedule.scheduleItems],
      ["nested boolean", (r) => { r.invoiceSchedule.doNotInvoice = UNKNOWN; }, (o) => o.invoiceSchedule.doNotInvoice],
      ["rateType (would be defaulted)", (r) => { r.rateType = UNKNOWN; }, (o) => o.rateType],
      ["onDelete (would be defaulted)", (r) => { r.onDelete = UNKNOWN; }, (o) => o.onDelete],
      ["credit type (would be defaulted)", (r) => { r.accessSchedule.creditTypeId = UNKNOWN; }, (o) => o.accessSchedule.creditTypeId],
    ])("passes through untouched: %s", (_label, change, read) => {
      expect(read(c(tweak(prepaidRaw(), change)))).toBe(UNKNOWN);
    });

    it("keeps every unknown element of a set-like array and sorts the rest", () => {
      const out = c(tweak(prepaidRaw(), (r) => { r.applicableProductIds = [PRODUCT_B, UNKNOWN, PRODUCT_A, UNKNOWN, PRODUCT_B]; }));
      expect(out.applicableProductIds).toStrictEqual([UNKNOWN, UNKNOWN, PRODUCT_A, PRODUCT_B].sort());
      expect((out.applicableProductIds as string[]).filter((x) => x === UNKNOWN)).toHaveLength(2);
    });

    it("sorts schedule items whose start is unknown without failing (unknowns last)", () => {
      const out = c(tweak(prepaidTwoHalvesRaw(), (r) => { r.accessSchedule.scheduleItems[0].startingAt = UNKNOWN; })) as any;
      expect(out.accessSchedule.scheduleItems.map((i: any) => i.startingAt)).toStrictEqual(["2027-07-01T00:00:00Z", UNKNOWN]);
    });
  });
});
