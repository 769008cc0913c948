// Which uniqueness key check gives a resource (docs/design.md, decision 7): the
// declared one, else the key in state while nothing replace-only changes,
// else a key chained from it, else the candidate the class derived.

import { describe, expect, it } from "vitest";
import { CANDIDATE_KEY_INPUT, UNKNOWN, chainedUniquenessKey, checkInputs, replaceOnlyFields } from "../../../provider/core";
import { CUSTOMER, prepaidRaw, tweak } from "./fixtures";

const HELD = "billing/prod/acme-2027-prepaid#0123456789abcdef";
const CANDIDATE = "billing/renamed/acme#fedcba9876543210";
const OTHER_CUSTOMER = "99999999-9999-4999-8999-999999999999";

/** The program's inputs: no declared key, the class's candidate, the resource name. */
function news(change: (r: Record<string, unknown>) => void = () => {}): Record<string, unknown> {
  const raw = tweak(prepaidRaw(), (r) => {
    delete r.uniquenessKey;
    change(r);
  });
  return { ...raw, [CANDIDATE_KEY_INPUT]: CANDIDATE, __resourceName: "acme", __provider: "shim" };
}

/** The inputs in state: what check returned when the commit was created under HELD. */
function olds(): Record<string, unknown> {
  return { ...checkInputs({}, { ...prepaidRaw(), uniquenessKey: HELD }).inputs, __provider: "shim" };
}

const keyOf = (o: Record<string, unknown>, n: Record<string, unknown>) => {
  const result = checkInputs(o, n);
  expect(result.failures).toEqual([]);
  return result.inputs.uniquenessKey;
};

describe("the effective uniqueness key", () => {
  it.each<[string, () => Record<string, unknown>, () => Record<string, unknown>, (key: unknown) => void]>([
    ["a new resource gets the candidate", () => ({}), () => news(), (k) => expect(k).toBe(CANDIDATE)],
    ["a declared key wins over the candidate", () => ({}), () => news((r) => (r.uniquenessKey = "mine")), (k) => expect(k).toBe("mine")],
    ["an existing commit keeps its key under a new candidate (rename, stack or project rename, state move)", olds, () => news(), (k) => expect(k).toBe(HELD)],
    ["an edit keeps the key", olds, () => news((r) => (r.priority = 7)), (k) => expect(k).toBe(HELD)],
    ["an unknown candidate does not matter to an existing commit (preview)", olds, () => ({ ...news(), [CANDIDATE_KEY_INPUT]: UNKNOWN }), (k) => expect(k).toBe(HELD)],
    [
      "a replace-only change chains a new key from the held one",
      olds,
      () => news((r) => (r.customerId = OTHER_CUSTOMER)),
      (k) => {
        expect(k).not.toBe(HELD);
        expect(k).not.toBe(CANDIDATE);
        expect(k).toMatch(/^billing\/prod\/acme-2027-prepaid#[0-9a-f]{16}$/);
      },
    ],
    ["a replace-only value unknown in preview makes the key unknown", olds, () => news((r) => (r.customerId = UNKNOWN)), (k) => expect(k).toBe(UNKNOWN)],
    ["removing a declared key keeps it", () => ({ ...olds(), uniquenessKey: "mine" }), () => news(), (k) => expect(k).toBe("mine")],
  ])("%s", (_label, o, n, expectKey) => {
    expectKey(keyOf(o(), n()));
  });

  it("never returns the candidate or the resource name as inputs", () => {
    const { inputs } = checkInputs(olds(), news());
    expect(Object.keys(inputs).filter((k) => k.startsWith("__"))).toEqual([]);
  });

  it("a re-run after a lost response derives the same chained key", () => {
    const change = (r: Record<string, unknown>) => (r.customerId = OTHER_CUSTOMER);
    expect(keyOf(olds(), news(change))).toBe(keyOf(olds(), news(change)));
  });

  it("going back (A → B → A) never derives an earlier key again", () => {
    const b = keyOf(olds(), news((r) => (r.customerId = OTHER_CUSTOMER)));
    const stateB = { ...checkInputs({}, { ...prepaidRaw(), customerId: OTHER_CUSTOMER, uniquenessKey: b }).inputs };
    const backToA = keyOf(stateB, news((r) => (r.customerId = CUSTOMER)));
    expect(new Set([HELD, b, backToA]).size).toBe(3);
  });

  it("still refuses a replacement that keeps a declared key", () => {
    const result = checkInputs({ ...olds(), uniquenessKey: "mine" }, news((r) => ((r.uniquenessKey = "mine"), (r.customerId = OTHER_CUSTOMER))));
    expect(result.failures.map((f) => f.property)).toEqual(["uniquenessKey"]);
  });
});

describe("chainedUniquenessKey", () => {
  const fields = replaceOnlyFields(prepaidRaw());
  it.each([
    ["a derived key keeps its readable part", HELD, /^billing\/prod\/acme-2027-prepaid#[0-9a-f]{16}$/],
    ["a declared key is kept readable", "acme-order-form-2027", /^acme-order-form-2027#[0-9a-f]{16}$/],
    ["a long key stays within 128 characters", "k".repeat(128), /^k{111}#[0-9a-f]{16}$/],
  ])("%s", (_label, previous, form) => {
    const key = chainedUniquenessKey(previous, fields);
    expect(key).toMatch(form);
    expect(key.length).toBeLessThanOrEqual(128);
    expect(key).not.toBe(previous);
  });
});
