import { describe, expect, it } from "vitest";
import { UNKNOWN, containsUnknown, isUnknown } from "../../../provider/core";

describe("unknown sentinel", () => {
  it("is Pulumi's preview placeholder string", () => {
    expect(UNKNOWN).toBe("04da6b54-80e4-46f7-96ec-b56ff0331ba9");
  });

  it.each([
    [UNKNOWN, true],
    ["04DA6B54-80E4-46F7-96EC-B56FF0331BA9", false],
    ["", false],
    [undefined, false],
    [null, false],
    [0, false],
  ])("isUnknown(%j) = %s", (value, expected) => {
    expect(isUnknown(value)).toBe(expected);
  });

  it.each([
    ["the sentinel itself", UNKNOWN, true],
    ["in an array", [1, UNKNOWN], true],
    ["nested in objects and arrays", { a: [{ b: { c: UNKNOWN } }] }, true],
    ["a known object", { a: [1, "x", { b: null }] }, false],
    ["a known scalar", 42, false],
  ])("containsUnknown: %s", (_label, value, expected) => {
    expect(containsUnknown(value)).toBe(expected);
  });
});
