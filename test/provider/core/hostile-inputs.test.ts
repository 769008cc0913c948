// Inputs an attacker or a careless program sends: each gets failures that
// name their property, never an exception, a silently dropped value or a
// contradictory message.

import { describe, expect, it } from "vitest";
import { UNKNOWN, checkInputs, failurePath, validateInputs } from "../../../provider/core";
import { MAX_INPUT_DEPTH } from "../../../provider/core/input-shape";
import { CUSTOMER, postpaidRaw, prepaidRaw, tweak } from "./fixtures";

type Raw = Record<string, any>;

/** The value nested `levels` deep in single-key objects and lists, alternating. */
function nested(levels: number): unknown {
  let v: unknown = "x";
  for (let i = 0; i < levels; i++) v = i % 2 === 0 ? [v] : { a: v };
  return v;
}

/** An object whose own key `__proto__` exists as JSON.parse makes it. */
const parsed = (json: string): Raw => JSON.parse(json) as Raw;

/** An object whose prototype was replaced by assigning `__proto__`, as a naive deserializer does. */
function assigned(proto: Raw, own: Raw = {}): Raw {
  const o: Raw = {};
  o["__proto__"] = proto;
  return Object.assign(o, own);
}

const failures = (raw: unknown) => checkInputs({}, raw).failures;
const paths = (raw: unknown) => failures(raw).map(failurePath).sort();
const reasonAt = (raw: unknown, path: string) => failures(raw).find((f) => failurePath(f) === path)?.reason ?? "";

const ITEMS = [{ amount: 1_000_000, startingAt: "2027-01-01T00:00:00Z", endingBefore: "2028-01-01T00:00:00Z" }];

describe.each<[string, Raw, string[], RegExp]>([
  // ---- money ------------------------------------------------------------------
  ["POSTPAID $10,000,000.00 against a $10,000,000.01 invoice", tweak(postpaidRaw(), (r) => { r.accessSchedule.scheduleItems[0].amount = 1_000_000_000; r.invoiceSchedule.scheduleItems[0].amount = 1_000_000_001; }), ["invoiceSchedule.scheduleItems[0]"], /total 1000000001 must equal the access amount 1000000000 exactly/],
  ["POSTPAID 9 cents apart at 10^10", tweak(postpaidRaw(), (r) => { r.accessSchedule.scheduleItems[0].amount = 1e10; r.invoiceSchedule.scheduleItems[0].amount = 1e10 + 9; }), ["invoiceSchedule.scheduleItems[0]"], /must equal the access amount 10000000000 exactly/],
  ["POSTPAID $9,000 apart at 10^14", tweak(postpaidRaw(), (r) => { r.accessSchedule.scheduleItems[0].amount = 1e14; r.invoiceSchedule.scheduleItems[0].amount = 1e14 + 900_000; }), ["invoiceSchedule.scheduleItems[0]"], /must equal/],
  ["POSTPAID unitPrice × quantity one cent short", tweak(postpaidRaw(), (r) => { r.invoiceSchedule.scheduleItems[0] = { timestamp: "2028-01-01T00:00:00Z", unitPrice: 0.1, quantity: 23_999_990 }; }), ["invoiceSchedule.scheduleItems[0]"], /total 2399999 must equal the access amount 2400000/],
  ["an access amount of 10^16", tweak(prepaidRaw(), (r) => { r.accessSchedule.scheduleItems[0].amount = 1e16; r.invoiceSchedule.doNotInvoice = true; }), ["accessSchedule.scheduleItems[0].amount"], /is larger than the 9,007,199,254,740,991 units an amount can be exactly \(got 10000000000000000\)/],
  ["an invoice amount of 2^53 + 2", tweak(prepaidRaw(), (r) => { r.invoiceSchedule.scheduleItems[0].amount = 2 ** 53 + 2; }), ["invoiceSchedule.scheduleItems[0].amount"], /is larger than/],
  ["a quantity of -1e300", tweak(prepaidRaw(), (r) => { r.invoiceSchedule.scheduleItems[0] = { timestamp: "2027-01-01T00:00:00Z", unitPrice: 1, quantity: -1e300 }; }), ["invoiceSchedule.scheduleItems[0].quantity"], /0 or more|is larger than/],
  ["unitPrice 1e308 × quantity 10 (PREPAID)", tweak(prepaidRaw(), (r) => { r.invoiceSchedule.scheduleItems[0] = { timestamp: "2027-01-01T00:00:00Z", unitPrice: 1e308, quantity: 10 }; }), ["invoiceSchedule.scheduleItems[0].unitPrice"], /is larger than/],
  ["unitPrice × quantity past the limit", tweak(prepaidRaw(), (r) => { r.invoiceSchedule.scheduleItems[0] = { timestamp: "2027-01-01T00:00:00Z", unitPrice: 1e13, quantity: 1000 }; }), ["invoiceSchedule.scheduleItems[0]"], /unitPrice × quantity = 10000000000000000 is not an amount that can be sent exactly/],
  ["a recurring unitPrice × quantity no double holds", tweak(prepaidRaw(), (r) => { r.invoiceSchedule = { recurringSchedule: { amountDistribution: "EACH", frequency: "MONTHLY", startingAt: "2027-01-01T00:00:00Z", endingBefore: "2028-01-01T00:00:00Z", unitPrice: 100000 / 3, quantity: 3 } }; }), ["invoiceSchedule.recurringSchedule"], /unitPrice × quantity = 100000.000000000008 is not an amount/],

  // ---- ids Metronome types as uuids ------------------------------------------
  ["customerId a path", tweak(prepaidRaw(), (r) => { r.customerId = "../../etc/passwd"; }), ["customerId"], /expected a Metronome id \(a uuid .*\), got "\.\.\/\.\.\/etc\/passwd"/],
  ["productId with a NUL byte", tweak(prepaidRaw(), (r) => { r.productId = `${r.productId}\u0000`; }), ["productId"], /control character \(U\+0000\)/],
  ["a 10 MB invoiceContractId", tweak(prepaidRaw(), (r) => { r.invoiceContractId = "c".repeat(10 * 1024 * 1024); }), ["invoiceContractId"], /got "c{40}"… \(10485760 characters\)/],
  ["an access creditTypeId that is a name", tweak(prepaidRaw(), (r) => { r.accessSchedule.creditTypeId = "USD"; }), ["accessSchedule.creditTypeId"], /expected a Metronome id/],
  ["an invoice creditTypeId one character short", tweak(prepaidRaw(), (r) => { r.invoiceSchedule.creditTypeId = "2714e483-4ff1-48e4-9e25-ac732e8f24f"; }), ["invoiceSchedule.creditTypeId"], /expected a Metronome id/],
  ["an applicableProductIds entry that is a tag", tweak(prepaidRaw(), (r) => { r.applicableProductIds = [r.productId, "compute"]; }), ["applicableProductIds[1]"], /expected a Metronome id/],
  ["a specifier productId with a space", tweak(prepaidRaw(), (r) => { r.specifiers = [{ productId: ` ${r.productId}` }]; }), ["specifiers[0].productId"], /expected a Metronome id/],

  // ---- control characters --------------------------------------------------------
  ["a name with an ANSI escape", tweak(prepaidRaw(), (r) => { r.name = "Acme \u001b[31mAPPROVED\u001b[0m"; }), ["name"], /control character \(U\+001B\)/],
  ["a product tag with a C1 control", tweak(prepaidRaw(), (r) => { r.applicableProductTags = ["gpu\u0085"]; }), ["applicableProductTags[0]"], /U\+0085/],
  ["a custom field key with a newline", tweak(prepaidRaw(), (r) => { r.customFields = { "region\nx": "eu" }; }), ['customFields["region\\nx"]'], /the key contains a control character \(U\+000A\)/],
  ["a description with a NUL (line breaks are fine)", tweak(prepaidRaw(), (r) => { r.description = "line one\nline two\u0000"; }), ["description"], /U\+0000.*tabs and line breaks are/],
  ["a uniqueness key with DEL", tweak(prepaidRaw(), (r) => { r.uniquenessKey = "key\u007f"; }), ["uniquenessKey"], /U\+007F/],

  // ---- keys that change prototypes ---------------------------------------------
  ["customFields with a __proto__ key", tweak(prepaidRaw(), (r) => { r.customFields = parsed('{"__proto__":"x","region":"eu"}'); }), ["customFields.__proto__"], /a key named "__proto__" is not allowed/],
  ["customFields with a constructor key", tweak(prepaidRaw(), (r) => { r.customFields = { constructor: "x" }; }), ["customFields.constructor"], /a key named "constructor" is not allowed/],
  ["pricingGroupValues with a prototype key", tweak(prepaidRaw(), (r) => { r.specifiers = [{ pricingGroupValues: { prototype: "x" } }]; }), ["specifiers[0].pricingGroupValues.prototype"], /"prototype" is not allowed/],
  ["presentationGroupValues with a __proto__ key", tweak(prepaidRaw(), (r) => { r.specifiers = [{ presentationGroupValues: parsed('{"__proto__":{"a":"b"}}') }]; }), ["specifiers[0].presentationGroupValues.__proto__"], /"__proto__" is not allowed/],
  ["access items only under an own __proto__ key", tweak(prepaidRaw(), (r) => { r.accessSchedule = parsed(`{"__proto__":{"scheduleItems":${JSON.stringify(ITEMS)}}}`); }), ["accessSchedule.__proto__"], /"__proto__" is not allowed/],
  ["access items only on an assigned prototype", tweak(prepaidRaw(), (r) => { r.accessSchedule = assigned({ scheduleItems: ITEMS }); }), ["accessSchedule.__proto__", "accessSchedule.scheduleItems"], /"__proto__" is not allowed/],
  ["a top-level __proto__ key", { ...parsed('{"__proto__":{"customerId":"x"}}'), ...prepaidRaw() }, ["__proto__"], /"__proto__" is not allowed/],
  ["a constructor key at the top", { ...prepaidRaw(), constructor: { name: "x" } }, ["constructor"], /"constructor" is not allowed/],

  // ---- nesting ------------------------------------------------------------------------
  ["customFields nested 5,000 levels", tweak(prepaidRaw(), (r) => { r.customFields = { a: nested(5000) }; }), ["customFields.a"], new RegExp(`nests deeper than ${MAX_INPUT_DEPTH} levels`)],
  ["an access item nested 100,000 levels", tweak(prepaidRaw(), (r) => { r.accessSchedule.scheduleItems[0].amount = nested(100_000); }), ["accessSchedule.scheduleItems"], /nests deeper than/],
  ["a specifier nested one level past the limit", tweak(prepaidRaw(), (r) => { r.specifiers = [{ pricingGroupValues: { a: nested(MAX_INPUT_DEPTH) } }]; }), ["specifiers[0]"], /nests deeper than/],

  // ---- messages that say what the value is -------------------------------------------
  ["priority a bigint", tweak(prepaidRaw(), (r) => { r.priority = 10n; }), ["priority"], /expected a number, got a bigint \(10n\)/],
  ["accessSchedule a Date", tweak(prepaidRaw(), (r) => { r.accessSchedule = new Date(0); }), ["accessSchedule"], /expected plain data .*, got an instance of Date/],
  ["customFields a Map", tweak(prepaidRaw(), (r) => { r.customFields = new Map([["region", "eu"]]); }), ["customFields"], /got an instance of Map/],
  ["a name a function", tweak(prepaidRaw(), (r) => { r.name = () => "x"; }), ["name"], /expected a string, got a function/],
  ["a null among the product ids", tweak(prepaidRaw(), (r) => { r.applicableProductIds = [r.productId, null]; }), ["applicableProductIds[1]"], /expected a string, got null/],
  ["several wrong types at once", tweak(prepaidRaw(), (r) => { r.customerId = 7; r.name = 5; r.description = 9; }), ["customerId", "description", "name"], /got 7/],
])("%s", (_name, raw, expectedPaths, reason) => {
  it("fails at exactly its paths, naming the problem, without throwing", () => {
    expect(paths(raw)).toEqual([...expectedPaths].sort());
    expect(reasonAt(raw, expectedPaths[0] as string)).toMatch(reason);
  });
});

describe("messages never contradict themselves", () => {
  it.each<[string, unknown, RegExp]>([
    ["null inputs", null, /expected an object of inputs, got null/],
    ["a bigint as inputs", 10n, /got a bigint \(10n\)/],
    ["a list as inputs", [], /got a list/],
  ])("%s", (_name, raw, reason) => {
    const result = validateInputs(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.message).toMatch(reason);
  });
});

describe("Pulumi's unknown sentinel", () => {
  it.each([
    ["customerId", (r: Raw) => { r.customerId = UNKNOWN; }],
    ["an applicableProductIds entry", (r: Raw) => { r.applicableProductIds = [UNKNOWN]; }],
    ["invoiceContractId", (r: Raw) => { r.invoiceContractId = UNKNOWN; }],
  ])("is accepted in its exact form as %s", (_name, change) => {
    expect(failures(tweak(prepaidRaw(), change))).toEqual([]);
  });

  it.each([
    ["upper case", UNKNOWN.toUpperCase()],
    ["mixed case", `${UNKNOWN.slice(0, 8).toUpperCase()}${UNKNOWN.slice(8)}`],
  ])("in %s is an ordinary id, kept as written, never made unknown", (_name, lookalike) => {
    const { inputs, failures: f } = checkInputs({}, tweak(prepaidRaw(), (r) => { r.customerId = lookalike; }));
    expect(f).toEqual([]);
    expect(inputs.customerId).toBe(lookalike);
    expect(inputs.customerId).not.toBe(UNKNOWN);
  });

  it("a real upper-case uuid is still lower-cased", () => {
    const { inputs } = checkInputs({}, tweak(prepaidRaw(), (r) => { r.customerId = CUSTOMER.toUpperCase(); }));
    expect(inputs.customerId).toBe(CUSTOMER);
  });
});
