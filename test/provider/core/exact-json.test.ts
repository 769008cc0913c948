// isExactJson / equalsExactJson (core/util.ts): the read-back mapping skips
// its JSON round trip only for values the round trip would give back
// unchanged (from-api.test.ts), and create takes check's result as it is only
// for inputs equal to it, whatever their key order.

import { describe, expect, it } from "vitest";
import { equalsExactJson, isExactJson } from "../../../provider/core/util";

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

describe("equalsExactJson(a, b), b exact JSON", () => {
  const b = { customerId: "c", priority: 1, accessSchedule: { scheduleItems: [{ amount: 5, startingAt: "x" }], creditTypeId: "usd" }, tags: ["a", "b"], on: true, none: null };

  it("is true for the same value with keys in another order at every level", () => {
    const reordered = { tags: ["a", "b"], none: null, on: true, accessSchedule: { creditTypeId: "usd", scheduleItems: [{ startingAt: "x", amount: 5 }] }, priority: 1, customerId: "c" };
    expect(equalsExactJson(reordered, b)).toBe(true);
    expect(equalsExactJson(structuredClone(b), b)).toBe(true);
  });

  it.each<[string, (v: any) => unknown]>([
    ["a value changed deep down", (v) => ({ ...v, accessSchedule: { ...v.accessSchedule, scheduleItems: [{ amount: 6, startingAt: "x" }] } })],
    ["a key added", (v) => ({ ...v, extra: 1 })],
    ["a key added holding undefined", (v) => ({ ...v, extra: undefined })],
    ["a key removed", ({ priority: _p, ...rest }) => rest],
    ["a key swapped for another with the same count", ({ priority, ...rest }) => ({ ...rest, prioirty: priority })],
    ["list order changed", (v) => ({ ...v, tags: ["b", "a"] })],
    ["a list item added", (v) => ({ ...v, tags: ["a", "b", "c"] })],
    ["a list made an object", (v) => ({ ...v, tags: { 0: "a", 1: "b" } })],
    ["an object made a list", (v) => ({ ...v, accessSchedule: [] })],
    ["a number as a string", (v) => ({ ...v, priority: "1" })],
    ["null as undefined", (v) => ({ ...v, none: undefined })],
    ["a Date in place of an object", (v) => ({ ...v, accessSchedule: new Date(0) })],
    ["a list with a hole", (v) => ({ ...v, tags: Object.assign(new Array(2), { 0: "a" }) })],
  ])("is false for %s", (_label, alter) => {
    expect(equalsExactJson(alter(b), b)).toBe(false);
  });

  it("tells zero from negative zero", () => {
    expect(equalsExactJson({ n: -0 }, { n: 0 })).toBe(false);
    expect(equalsExactJson({ n: 0 }, { n: 0 })).toBe(true);
  });
});
