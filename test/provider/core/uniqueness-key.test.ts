import { describe, expect, it } from "vitest";
import { MAX_UNIQUENESS_KEY, canonicalize, defaultUniquenessKey, replaceOnlyFields, replacedProperties } from "../../../provider/core";
import { CONTRACT, CUSTOMER, REPLACE_CASES, USD, postpaidRaw, prepaidTwoHalvesRaw, tweak, twoHalvesOutputs } from "./fixtures";

const raws = { twoHalves: prepaidTwoHalvesRaw, postpaid: postpaidRaw };
const parts = (inputs: Record<string, unknown>, over: Partial<{ project: string; stack: string; name: string }> = {}) => ({
  project: "billing",
  stack: "prod",
  name: "acme-2027-prepaid",
  replaceOnly: replaceOnlyFields(inputs),
  ...over,
});

describe("replaceOnlyFields", () => {
  it("picks the canonical replace-only values, without the key itself", () => {
    expect(replaceOnlyFields(prepaidTwoHalvesRaw())).toStrictEqual({
      customerId: CUSTOMER,
      type: "PREPAID",
      accessSchedule: USD,
      invoiceSchedule: { creditTypeId: USD, doNotInvoice: false },
    });
  });

  it("includes applicable contract ids for POSTPAID only", () => {
    expect(replaceOnlyFields(tweak(postpaidRaw(), (r) => { r.applicableContractIds = [CONTRACT]; })).applicableContractIds).toStrictEqual([CONTRACT]);
    expect(replaceOnlyFields(tweak(prepaidTwoHalvesRaw(), (r) => { r.applicableContractIds = [CONTRACT]; }))).not.toHaveProperty("applicableContractIds");
  });

  it("is JSON-safe", () => {
    const v = replaceOnlyFields(tweak(prepaidTwoHalvesRaw(), (r) => { delete r.invoiceSchedule; }));
    expect(JSON.parse(JSON.stringify(v))).toStrictEqual(v);
  });
});

describe("defaultUniquenessKey", () => {
  it("is readable and stable across runs", () => {
    const key = defaultUniquenessKey(parts(prepaidTwoHalvesRaw()));
    expect(key).toMatch(/^billing\/prod\/acme-2027-prepaid#[0-9a-f]{16}$/);
    expect(defaultUniquenessKey(parts(prepaidTwoHalvesRaw()))).toBe(key);
  });

  it("is the same for inputs that only differ in spelling", () => {
    const messy = tweak(prepaidTwoHalvesRaw(), (r) => { r.type = "prepaid"; r.customerId = CUSTOMER.toUpperCase(); r.accessSchedule.creditTypeId = USD; });
    expect(defaultUniquenessKey(parts(messy))).toBe(defaultUniquenessKey(parts(prepaidTwoHalvesRaw())));
  });

  it.each([
    ["project", { project: "billing-2" }],
    ["stack", { stack: "staging" }],
    ["resource name", { name: "acme-2027-prepaid-b" }],
  ])("differs per %s", (_label, over) => {
    expect(defaultUniquenessKey(parts(prepaidTwoHalvesRaw(), over))).not.toBe(defaultUniquenessKey(parts(prepaidTwoHalvesRaw())));
  });

  // The safety property: a change that replaces the commit must derive a new
  // key (Metronome never releases the old one), and a change applied in place
  // must keep the key (a re-run must find the commit it already made).
  it.each(REPLACE_CASES.filter(([, , , replaces]) => replaces.join() !== "uniquenessKey"))(
    "changes exactly when the commit is replaced: %s",
    (_label, base, change, replaces) => {
      const before = raws[base]();
      const after = tweak(before, change);
      const old = base === "twoHalves" ? twoHalvesOutputs() : canonicalize(before);
      expect(replacedProperties(old, canonicalize(after))).toStrictEqual(replaces);
      const changed = defaultUniquenessKey(parts(after)) !== defaultUniquenessKey(parts(before));
      expect(changed).toBe(replaces.length > 0);
    },
  );

  it.each([
    ["a long resource name", { name: "n".repeat(500) }],
    ["long project, stack and name", { project: "p".repeat(200), stack: "s".repeat(200), name: "n".repeat(200) }],
    ["non-ASCII names cut without splitting a character", { name: "😀".repeat(100) }],
  ])("fits in %d characters: %s".replace("%d", String(MAX_UNIQUENESS_KEY)), (_label, over) => {
    const key = defaultUniquenessKey(parts(prepaidTwoHalvesRaw(), over));
    expect(key.length).toBeGreaterThan(0);
    expect(key.length).toBeLessThanOrEqual(MAX_UNIQUENESS_KEY);
    expect(key).toMatch(/#[0-9a-f]{16}$/);
    expect(key.isWellFormed()).toBe(true);
  });

  it("keeps long names distinct even when their readable prefix is cut the same", () => {
    const a = defaultUniquenessKey(parts(prepaidTwoHalvesRaw(), { name: `${"n".repeat(300)}-a` }));
    const b = defaultUniquenessKey(parts(prepaidTwoHalvesRaw(), { name: `${"n".repeat(300)}-b` }));
    expect(a.slice(0, -16)).toBe(b.slice(0, -16));
    expect(a).not.toBe(b);
  });
});
