// Exact money: which numbers are amounts, and arithmetic that never rounds.

import { describe, expect, it } from "vitest";
import {
  addExact,
  amountOf,
  amountProblem,
  compareExact,
  exactAmount,
  exactText,
  productAmount,
  sumAmounts,
} from "../../../provider/core/money";

const exact = (v: number) => {
  const e = exactAmount(v);
  if (e === undefined) throw new Error(`${v} is not an amount`);
  return e;
};

describe("exactAmount: which numbers are amounts", () => {
  it.each([
    [1_000_000, "1000000"],
    [0.8, "0.8"],
    [0.1, "0.1"],
    [999_999_999_999_999, "999999999999999"],
    [123456789012.345, "123456789012.345"],
    [1e-7, "0.0000001"],
    [100000 / 3, "33333.333333333336"],
    [0.1 + 0.2, "0.30000000000000004"],
    [Number.MAX_SAFE_INTEGER, "9007199254740991"],
    [-150, "-150"],
  ])("%s is the decimal %s", (v, text) => {
    expect(exactText(exact(v))).toBe(text);
  });

  it.each([
    ["Infinity", Number.POSITIVE_INFINITY],
    ["NaN", Number.NaN],
    ["1e16", 1e16],
    ["1e308", 1e308],
    ["2^53 + 2", 2 ** 53 + 2],
    ["-2^53 - 2", -(2 ** 53) - 2],
  ])("%s is not", (_name, v) => {
    expect(exactAmount(v)).toBeUndefined();
    expect(amountProblem(v)).toMatch(/finite|larger than/);
  });
});

describe("arithmetic is exact", () => {
  it.each([
    ["$10,000,000.00 against $10,000,000.01", 1_000_000_000, 1_000_000_001, -1],
    ["9 cents at 10^10 units", 1e10, 1e10 + 9, -1],
    ["$9,000 at 10^14 units", 1e14, 1e14 + 900_000, -1],
    ["0.1 + 0.2 against 0.3, added exactly", sumAmounts([0.1, 0.2]) as number, 0.3, 0],
  ])("compares %s", (_name, a, b, expected) => {
    expect(compareExact(exact(a), exact(b))).toBe(expected);
  });

  it.each([
    [[0.1, 0.2], 0.3],
    [[1_000_000, 250_000.5, 0.25], 1_250_000.75],
    [[999_999_999_999_990, 9], 999_999_999_999_999],
  ])("sums %j to %s", (values, total) => {
    expect(sumAmounts(values)).toBe(total);
  });

  it.each([
    ["a part that is not an amount", [1, 1e308]],
    ["a total past the limit", [Number.MAX_SAFE_INTEGER, 1]],
    ["a total no double holds (a tenth at 2^52)", [2 ** 52, 0.1]],
  ])("refuses a sum with %s", (_name, values) => {
    expect(sumAmounts(values)).toBeUndefined();
  });

  it.each([
    [0.1, 3, 0.3],
    [100_000, 12, 1_200_000],
    [19.99, 100, 1999],
  ])("multiplies %s × %s = %s exactly", (price, quantity, total) => {
    expect(productAmount(price, quantity)).toBe(total);
  });

  it.each([
    ["1e308 × 10 (Infinity in floating point)", 1e308, 10],
    ["1e15 × 10 (past the limit)", 1e15, 10],
    ["33333.333333333336 × 3 (100000.000000000008, which no double holds)", 100000 / 3, 3],
  ])("refuses %s", (_name, price, quantity) => {
    expect(productAmount(price, quantity)).toBeUndefined();
  });

  it("turns an exact decimal back into a number only when it is an amount", () => {
    expect(amountOf(addExact(exact(0.1), exact(0.2)))).toBe(0.3);
    expect(amountOf(addExact(exact(Number.MAX_SAFE_INTEGER), exact(1)))).toBeUndefined();
  });
});
