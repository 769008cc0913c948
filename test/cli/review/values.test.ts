import { describe, expect, it } from "vitest";
import { UNKNOWN } from "../../../provider/core/unknown";
import {
  SECRET_MARK,
  SECRET_VALUE,
  UNKNOWN_VALUE,
  containsOpaque,
  isNumber,
  normalizeOpaque,
  opaqueKindOf,
  opaqueKinds,
  revealOpaque,
  toVal,
} from "../../../cli/review/values";

describe("opaque values", () => {
  it.each([
    [UNKNOWN, "unknown"],
    ["output<string>", "unknown"],
    ["output<number>", "unknown"],
    ["[secret]", "secret"],
    [SECRET_MARK, "secret"],
    ["secret", undefined],
    ["output<", undefined],
    [0, undefined],
    [null, undefined],
  ])("%j is %s", (raw, kind) => {
    expect(opaqueKindOf(raw)).toBe(kind);
  });

  it("normalizes markers deep inside properties, leaving everything else alone", () => {
    const raw = { a: "output<string>", b: [{ c: "[secret]" }, 5], d: "x", e: null };
    expect(normalizeOpaque(raw)).toEqual({ a: UNKNOWN, b: [{ c: SECRET_MARK }, 5], d: "x", e: null });
    expect(revealOpaque(normalizeOpaque(raw))).toEqual({ a: UNKNOWN_VALUE, b: [{ c: SECRET_VALUE }, 5], d: "x", e: null });
  });

  it("reads a typed value or its marker, never a wrong type", () => {
    expect(toVal(5, isNumber)).toBe(5);
    expect(toVal(UNKNOWN, isNumber)).toEqual(UNKNOWN_VALUE);
    expect(toVal("[secret]", isNumber)).toEqual(SECRET_VALUE);
    expect(toVal("5", isNumber)).toBeUndefined();
  });

  it("finds markers of each kind", () => {
    const v = { x: [1, { y: UNKNOWN }], z: SECRET_VALUE };
    expect(containsOpaque(v)).toBe(true);
    expect(containsOpaque(v, "unknown")).toBe(true);
    expect(opaqueKinds(v)).toEqual(["secret", "unknown"]);
    expect(opaqueKinds({ x: 1 })).toEqual([]);
  });
});
