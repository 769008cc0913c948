import { describe, expect, it } from "vitest";
import { RULES, UNKNOWN, checkRules } from "../../../provider/core";
import * as rules from "../../../provider/core/rules";
import { PRODUCT_A, prepaidRaw, prepaidTwoHalvesRaw, postpaidRaw, recurringRaw, tweak } from "./fixtures";

type Raw = Record<string, unknown>;

// Each rule: inputs that break it (with the path and a fragment of the
// reason expected) and inputs that satisfy it. Every failing case must
// produce exactly that one issue; every passing case no issue at all, so a
// rule that fires too eagerly fails the passing table.
const failing: Array<[string, Raw, string, string]> = [
  ["POSTPAID without invoice schedule", tweak(postpaidRaw(), (r) => { delete r.invoiceSchedule; }), "invoiceSchedule", "POSTPAID commits need an invoiceSchedule"],
  ["POSTPAID with two access items", tweak(postpaidRaw(), (r) => {
    r.accessSchedule.scheduleItems = [
      { amount: 1_200_000, startingAt: "2027-01-01T00:00:00Z", endingBefore: "2027-07-01T00:00:00Z" },
      { amount: 1_200_000, startingAt: "2027-07-01T00:00:00Z", endingBefore: "2028-01-01T00:00:00Z" },
    ];
  }), "accessSchedule.scheduleItems", "exactly one access schedule item (got 2)"],
  ["POSTPAID with two invoice items", tweak(postpaidRaw(), (r) => {
    r.invoiceSchedule.scheduleItems = [
      { timestamp: "2027-07-01T00:00:00Z", amount: 1_200_000 },
      { timestamp: "2028-01-01T00:00:00Z", amount: 1_200_000 },
    ];
  }), "invoiceSchedule.scheduleItems", "exactly one invoice schedule item (got 2)"],
  ["POSTPAID with a recurring schedule", tweak(postpaidRaw(), (r) => {
    r.invoiceSchedule = { recurringSchedule: { amountDistribution: "DIVIDED", frequency: "MONTHLY", startingAt: "2027-01-01T00:00:00Z", endingBefore: "2028-01-01T00:00:00Z", amount: 2_400_000 } };
  }), "invoiceSchedule.recurringSchedule", "cannot use a recurringSchedule"],
  ["POSTPAID invoice amount differs from access amount", tweak(postpaidRaw(), (r) => { r.invoiceSchedule.scheduleItems[0].amount = 2_000_000; }),
    "invoiceSchedule.scheduleItems[0]", "total 2000000 must equal the access amount 2400000"],
  ["POSTPAID unitPrice × quantity differs", tweak(postpaidRaw(), (r) => { r.invoiceSchedule.scheduleItems[0] = { timestamp: "2028-01-01T00:00:00Z", unitPrice: 100_000, quantity: 12 }; }),
    "invoiceSchedule.scheduleItems[0]", "total 1200000 must equal"],
  ["POSTPAID without invoice contract", tweak(postpaidRaw(), (r) => { delete r.invoiceContractId; }), "invoiceContractId", "POSTPAID commits need invoiceContractId"],
  ["PREPAID invoiced without invoice contract", tweak(prepaidRaw(), (r) => { delete r.invoiceContractId; }), "invoiceContractId", "PREPAID commits with an invoiceSchedule need invoiceContractId"],
  ["invoice schedule with items and recurring", tweak(prepaidRaw(), (r) => { r.invoiceSchedule.recurringSchedule = recurringRaw().invoiceSchedule && (recurringRaw() as any).invoiceSchedule.recurringSchedule; }),
    "invoiceSchedule", "not both"],
  ["invoice schedule with neither", tweak(prepaidRaw(), (r) => { r.invoiceSchedule = { doNotInvoice: false }; }), "invoiceSchedule", "give either scheduleItems or recurringSchedule"],
  ["invoice item with amount and unitPrice", tweak(prepaidRaw(), (r) => { r.invoiceSchedule.scheduleItems[0].unitPrice = 5; }), "invoiceSchedule.scheduleItems[0]", "got amount + unitPrice"],
  ["invoice item with unitPrice only", tweak(prepaidRaw(), (r) => { r.invoiceSchedule.scheduleItems[0] = { timestamp: "2027-01-01T00:00:00Z", unitPrice: 5 }; }), "invoiceSchedule.scheduleItems[0]", "got unitPrice"],
  ["invoice item with no amount at all", tweak(prepaidRaw(), (r) => { r.invoiceSchedule.scheduleItems[0] = { timestamp: "2027-01-01T00:00:00Z" }; }), "invoiceSchedule.scheduleItems[0]", "got none"],
  ["recurring schedule with quantity only", tweak(recurringRaw(), (r) => { delete r.invoiceSchedule.recurringSchedule.amount; r.invoiceSchedule.recurringSchedule.quantity = 12; }), "invoiceSchedule.recurringSchedule", "got quantity"],
  ["specifiers with applicableProductIds", tweak(prepaidRaw(), (r) => { r.specifiers = [{ productTags: ["gpu"] }]; r.applicableProductIds = [PRODUCT_A]; }), "specifiers", "cannot be combined with applicableProductIds"],
  ["specifiers with applicableProductTags", tweak(prepaidRaw(), (r) => { r.specifiers = [{ productTags: ["gpu"] }]; r.applicableProductTags = ["gpu"]; }), "specifiers", "cannot be combined with applicableProductTags"],
  ["access end equal to start", tweak(prepaidRaw(), (r) => { r.accessSchedule.scheduleItems[0].endingBefore = "2027-01-01T00:00:00Z"; }), "accessSchedule.scheduleItems[0].endingBefore", "must be after startingAt"],
  ["access end before start (second item)", tweak(prepaidTwoHalvesRaw(), (r) => { r.accessSchedule.scheduleItems[1].endingBefore = "2027-03-01T00:00:00Z"; }), "accessSchedule.scheduleItems[1].endingBefore", "must be after startingAt"],
  ["recurring end before start", tweak(recurringRaw(), (r) => { r.invoiceSchedule.recurringSchedule.endingBefore = "2026-01-01T00:00:00Z"; }), "invoiceSchedule.recurringSchedule.endingBefore", "must be after startingAt"],
  ["start at half past", tweak(prepaidRaw(), (r) => { r.accessSchedule.scheduleItems[0].startingAt = "2027-01-01T00:30:00Z"; }), "accessSchedule.scheduleItems[0].startingAt", "whole UTC hour, e.g. 2027-01-01T00:00:00Z"],
  ["end with seconds", tweak(prepaidRaw(), (r) => { r.accessSchedule.scheduleItems[0].endingBefore = "2028-01-01T00:00:01Z"; }), "accessSchedule.scheduleItems[0].endingBefore", "whole UTC hour"],
  ["invoice timestamp 05:00+05:30 (23:30 UTC)", tweak(prepaidRaw(), (r) => { r.invoiceSchedule.scheduleItems[0].timestamp = "2027-01-01T05:00:00+05:30"; }), "invoiceSchedule.scheduleItems[0].timestamp", "whole UTC hour, e.g. 2026-12-31T23:00:00Z"],
  ["recurring start off the hour", tweak(recurringRaw(), (r) => { r.invoiceSchedule.recurringSchedule.startingAt = "2027-01-01T00:00:00.500Z"; }), "invoiceSchedule.recurringSchedule.startingAt", "whole UTC hour"],
  ["access amount zero", tweak(prepaidRaw(), (r) => { r.accessSchedule.scheduleItems[0].amount = 0; r.invoiceSchedule.doNotInvoice = true; }), "accessSchedule.scheduleItems[0].amount", "greater than 0"],
  ["access amount negative", tweak(prepaidRaw(), (r) => { r.accessSchedule.scheduleItems[0].amount = -5; }), "accessSchedule.scheduleItems[0].amount", "greater than 0 (got -5)"],
  ["invoice amount negative", tweak(prepaidRaw(), (r) => { r.invoiceSchedule.scheduleItems[0].amount = -1; }), "invoiceSchedule.scheduleItems[0].amount", "0 or more"],
  ["invoice unit price negative", tweak(prepaidTwoHalvesRaw(), (r) => { r.invoiceSchedule.scheduleItems[1].unitPrice = -1; }), "invoiceSchedule.scheduleItems[1].unitPrice", "0 or more"],
  ["recurring quantity negative", tweak(recurringRaw(), (r) => { delete r.invoiceSchedule.recurringSchedule.amount; Object.assign(r.invoiceSchedule.recurringSchedule, { unitPrice: 100, quantity: -1 }); }), "invoiceSchedule.recurringSchedule.quantity", "0 or more"],
  ["priority infinite", tweak(prepaidRaw(), (r) => { r.priority = Number.POSITIVE_INFINITY; }), "priority", "finite"],
  ["access amount NaN", tweak(prepaidRaw(), (r) => { r.accessSchedule.scheduleItems[0].amount = Number.NaN; }), "accessSchedule.scheduleItems[0].amount", "finite"],
  ["overlapping access items", tweak(prepaidTwoHalvesRaw(), (r) => { r.accessSchedule.scheduleItems[1].startingAt = "2027-06-01T00:00:00Z"; }), "accessSchedule.scheduleItems[1]", "overlaps accessSchedule.scheduleItems[0]"],
  ["access item inside another (user order reversed)", tweak(prepaidTwoHalvesRaw(), (r) => {
    r.accessSchedule.scheduleItems = [
      { amount: 1, startingAt: "2027-03-01T00:00:00Z", endingBefore: "2027-04-01T00:00:00Z" },
      { amount: 1, startingAt: "2027-01-01T00:00:00Z", endingBefore: "2028-01-01T00:00:00Z" },
    ];
  }), "accessSchedule.scheduleItems[0]", "overlaps accessSchedule.scheduleItems[1]"],
  ["empty uniqueness key", tweak(prepaidRaw(), (r) => { r.uniquenessKey = ""; }), "uniquenessKey", "1 to 128 characters (got 0)"],
  ["129-character uniqueness key", tweak(prepaidRaw(), (r) => { r.uniquenessKey = "k".repeat(129); }), "uniquenessKey", "(got 129)"],
  ["101-character custom field key", tweak(prepaidRaw(), (r) => { r.customFields = { ["k".repeat(101)]: "v" }; }), `customFields.${"k".repeat(101)}`, "keys must be at most 100"],
  ["201-character custom field value", tweak(prepaidRaw(), (r) => { r.customFields = { "deal id": "v".repeat(201) }; }), 'customFields["deal id"]', "values must be at most 200"],
  ["endAccess on POSTPAID", tweak(postpaidRaw(), (r) => { r.onDelete = "endAccess"; }), "onDelete", "only available for PREPAID"],
  ["endAccess on POSTPAID (any case)", tweak(postpaidRaw(), (r) => { r.onDelete = "ENDACCESS"; r.type = "postpaid"; }), "onDelete", "only available for PREPAID"],
  ["existingCommitId not a uuid", tweak(prepaidRaw(), (r) => { r.existingCommitId = "commit-123"; }), "existingCommitId", "expected a Metronome commit id"],
];

const passing: Array<[string, Raw]> = [
  ["the PREPAID fixture", prepaidRaw()],
  ["two halves, mixed amount forms", prepaidTwoHalvesRaw()],
  ["the POSTPAID fixture", postpaidRaw()],
  ["the recurring fixture", recurringRaw()],
  ["POSTPAID with unitPrice × quantity equal to the access amount", tweak(postpaidRaw(), (r) => { r.invoiceSchedule.scheduleItems[0] = { timestamp: "2028-01-01T00:00:00Z", unitPrice: 200_000, quantity: 12 }; })],
  ["POSTPAID with fractional prices (float tolerance)", tweak(postpaidRaw(), (r) => { r.accessSchedule.scheduleItems[0].amount = 0.3; r.invoiceSchedule.scheduleItems[0] = { timestamp: "2028-01-01T00:00:00Z", unitPrice: 0.1, quantity: 3 }; })],
  ["POSTPAID that is not invoiced needs no invoice contract", tweak(postpaidRaw(), (r) => { delete r.invoiceContractId; r.invoiceSchedule.doNotInvoice = true; })],
  ["PREPAID without invoice schedule (complimentary) needs no contract", tweak(prepaidRaw(), (r) => { delete r.invoiceSchedule; delete r.invoiceContractId; })],
  ["PREPAID with doNotInvoice needs no contract", tweak(prepaidRaw(), (r) => { delete r.invoiceContractId; r.invoiceSchedule.doNotInvoice = true; })],
  ["specifiers alone", tweak(prepaidRaw(), (r) => { r.specifiers = [{ productTags: ["gpu"] }]; })],
  ["applicableProductIds and tags together", tweak(prepaidRaw(), (r) => { r.applicableProductIds = [PRODUCT_A]; r.applicableProductTags = ["gpu"]; })],
  ["empty specifiers with applicableProductIds", tweak(prepaidRaw(), (r) => { r.specifiers = []; r.applicableProductIds = [PRODUCT_A]; })],
  ["adjacent access items (end is exclusive)", prepaidTwoHalvesRaw()],
  ["whole hour written with an offset", tweak(prepaidRaw(), (r) => { r.accessSchedule.scheduleItems[0].startingAt = "2027-01-01T01:00:00+01:00"; r.invoiceSchedule.scheduleItems[0].timestamp = "2027-01-01T01:00:00+01:00"; })],
  ["whole hour that is not midnight", tweak(prepaidRaw(), (r) => { r.accessSchedule.scheduleItems[0].startingAt = "2027-01-01T13:00:00.000Z"; })],
  ["invoice amount zero", tweak(prepaidRaw(), (r) => { r.invoiceSchedule.scheduleItems[0].amount = 0; })],
  ["negative priority", tweak(prepaidRaw(), (r) => { r.priority = -1; })],
  ["128-character uniqueness key", tweak(prepaidRaw(), (r) => { r.uniquenessKey = "k".repeat(128); })],
  ["1-character uniqueness key", tweak(prepaidRaw(), (r) => { r.uniquenessKey = "k"; })],
  ["100-character custom field key and 200-character value", tweak(prepaidRaw(), (r) => { r.customFields = { ["k".repeat(100)]: "v".repeat(200) }; })],
  ["endAccess on PREPAID", tweak(prepaidRaw(), (r) => { r.onDelete = "endAccess"; })],
  ["archive and forget on POSTPAID", tweak(postpaidRaw(), (r) => { r.onDelete = "forget"; })],
  ["existingCommitId as a uuid (any case)", tweak(prepaidRaw(), (r) => { r.existingCommitId = "7F3C2A10-5B7E-4C1D-9A8E-2B4C6D8E0F12"; })],
];

describe("rules", () => {
  it.each(failing)("fails: %s", (_label, input, path, fragment) => {
    const issues = checkRules(input);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe(path);
    expect(issues[0]?.message).toContain(fragment);
  });

  it.each(passing)("passes: %s", (_label, input) => {
    expect(checkRules(input)).toStrictEqual([]);
  });

  it("lists every rule in RULES", () => {
    const exported = Object.entries(rules).filter(([name, v]) => typeof v === "function" && name !== "checkRules");
    expect(exported.map(([, v]) => v).every((r) => RULES.includes(r as rules.Rule))).toBe(true);
    expect(RULES.length).toBe(exported.length);
  });

  // Each case: a failing input, made unknowable at the value the rule looks
  // at. During preview the real value may be fine, so the rule must skip.
  it.each<[string, Raw]>([
    ["type unknown (POSTPAID rules)", tweak(postpaidRaw(), (r) => { r.type = UNKNOWN; delete r.invoiceSchedule; delete r.invoiceContractId; r.onDelete = "endAccess"; })],
    ["invoice schedule unknown", tweak(prepaidRaw(), (r) => { r.invoiceSchedule = UNKNOWN; delete r.invoiceContractId; })],
    ["doNotInvoice unknown", tweak(prepaidRaw(), (r) => { r.invoiceSchedule.doNotInvoice = UNKNOWN; delete r.invoiceContractId; })],
    ["invoice contract unknown", tweak(postpaidRaw(), (r) => { r.invoiceContractId = UNKNOWN; })],
    ["POSTPAID access amount unknown", tweak(postpaidRaw(), (r) => { r.accessSchedule.scheduleItems[0].amount = UNKNOWN; })],
    ["POSTPAID invoice amount unknown", tweak(postpaidRaw(), (r) => { r.invoiceSchedule.scheduleItems[0].amount = UNKNOWN; })],
    ["POSTPAID invoice items unknown", tweak(postpaidRaw(), (r) => { r.invoiceSchedule.scheduleItems = UNKNOWN; })],
    ["recurring schedule unknown next to items", tweak(prepaidRaw(), (r) => { r.invoiceSchedule.recurringSchedule = UNKNOWN; })],
    ["unitPrice unknown next to amount", tweak(prepaidRaw(), (r) => { r.invoiceSchedule.scheduleItems[0].unitPrice = UNKNOWN; })],
    ["specifiers unknown next to product ids", tweak(prepaidRaw(), (r) => { r.specifiers = UNKNOWN; r.applicableProductIds = [PRODUCT_A]; })],
    ["product ids unknown next to specifiers", tweak(prepaidRaw(), (r) => { r.specifiers = [{ productTags: ["gpu"] }]; r.applicableProductIds = UNKNOWN; })],
    ["end unknown", tweak(prepaidRaw(), (r) => { r.accessSchedule.scheduleItems[0].endingBefore = UNKNOWN; })],
    ["start unknown in overlapping items", tweak(prepaidTwoHalvesRaw(), (r) => { r.accessSchedule.scheduleItems[1].startingAt = UNKNOWN; })],
    ["amount unknown", tweak(prepaidRaw(), (r) => { r.accessSchedule.scheduleItems[0].amount = UNKNOWN; })],
    ["uniqueness key unknown", tweak(prepaidRaw(), (r) => { r.uniquenessKey = UNKNOWN; })],
    ["custom field value unknown", tweak(prepaidRaw(), (r) => { r.customFields = { k: UNKNOWN }; })],
    ["custom fields unknown", tweak(prepaidRaw(), (r) => { r.customFields = UNKNOWN; })],
    ["existingCommitId unknown", tweak(prepaidRaw(), (r) => { r.existingCommitId = UNKNOWN; })],
    ["access schedule unknown", tweak(postpaidRaw(), (r) => { r.accessSchedule = UNKNOWN; })],
  ])("skips what it cannot know: %s", (_label, input) => {
    expect(checkRules(input)).toStrictEqual([]);
  });
});
