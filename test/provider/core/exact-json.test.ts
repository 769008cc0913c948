// isExactJson / asJson (core/util.ts): the read-back mapping skips its JSON
// round trip only for values the round trip would give back unchanged.

import { describe, expect, it } from "vitest";
import { asJson, isExactJson } from "../../../provider/core/util";

const roundTrip = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

describe("isExactJson", () => {
  it.each<[string, unknown, boolean]>([
    ["string", "a", true],
    ["empty string", "", true],
    ["lone surrogate", "\ud800", true],
    ["true", true, true],
    ["null", null, true],
    ["integer", 42, true],
    ["fraction", 0.1, true],
    ["large", 1e21, true],
    ["zero", 0, true],
    ["negative zero", -0, false],
    ["NaN", Number.NaN, false],
    ["Infinity", Number.POSITIVE_INFINITY, false],
    ["undefined", undefined, false],
    ["function", () => 1, false],
    ["symbol", Symbol("s"), false],
    ["bigint", 1n, false],
    ["plain object", { b: 1, a: [1, "x", null, { c: true }] }, true],
    ["null-prototype object", Object.assign(Object.create(null), { a: 1 }), true],
    ["object with an undefined value", { a: undefined }, false],
    ["object with a nested NaN", { a: { b: [Number.NaN] } }, false],
    ["object with a symbol key", { [Symbol("k")]: 1 }, false],
    ["Date", new Date(0), false],
    ["object holding a Date", { at: new Date(0) }, false],
    ["Map", new Map(), false],
    ["class instance", new (class X { a = 1; })(), false],
    ["array", [1, [2, [3]]], true],
    ["array with a hole", [1, , 3], false], // eslint-disable-line no-sparse-arrays
    ["array with undefined", [1, undefined], false],
    ["integer-like keys", { 2: "b", 1: "a", x: 0 }, true],
  ])("%s", (_label, value, exact) => {
    expect(isExactJson(value)).toBe(exact);
    if (exact) expect(roundTrip(value)).toEqual(value);
  });
});

describe("asJson", () => {
  it("returns plain JSON as it is", () => {
    const value = { a: [1, { b: "c" }] };
    expect(asJson(value)).toBe(value);
  });

  it.each<[string, unknown]>([
    ["negative zero", { amount: -0 }],
    ["NaN", { amount: Number.NaN }],
    ["undefined in a list", { ids: ["a", undefined] }],
    ["undefined value", { a: 1, b: undefined }],
    ["Date", { at: new Date(Date.UTC(2027, 0, 1)) }],
  ])("round-trips anything else (%s), as JSON.parse(JSON.stringify(x))", (_label, value) => {
    const out = asJson(value);
    expect(out).not.toBe(value);
    expect(JSON.stringify(out)).toBe(JSON.stringify(roundTrip(value)));
    expect(out).toStrictEqual(roundTrip(value));
  });
});
