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
    [-150, "-150"],
  ])("%s is the decimal %s", (v, text) => {
    expect(exactText(exact(v))).toBe(text);
  });

  it.each([
    ["Infinity", Number.POSITIVE_INFINITY],
    ["NaN", Number.NaN],
    ["1e15 (the limit is exclusive)", 1e15],
    ["1e308", 1e308],
    ["2^53 + 2", 2 ** 53 + 2],
    ["a 17-digit float result (0.1 + 0.2)", 0.1 + 0.2],
    ["33333.333333333336 (16+ significant digits)", 100000 / 3],
    ["1e15 + 0.01 (a cent at 10^15)", 1e15 + 0.01],
  ])("%s is not", (_name, v) => {
    expect(exactAmount(v)).toBeUndefined();
    expect(amountProblem(v)).toMatch(/finite|exactly/);
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
    ["a total at the limit", [999_999_999_999_999, 1]],
    ["a total of more than 15 significant digits", [99_999_999_999_999, 0.25]],
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
    ["1e14 × 10 (reaches the limit)", 1e14, 10],
    ["0.123456789 × 0.123456789 (18 significant digits)", 0.123456789, 0.123456789],
  ])("refuses %s", (_name, price, quantity) => {
    expect(productAmount(price, quantity)).toBeUndefined();
  });

  it("turns an exact decimal back into a number only when it is an amount", () => {
    expect(amountOf(addExact(exact(0.1), exact(0.2)))).toBe(0.3);
    expect(amountOf(addExact(exact(999_999_999_999_999), exact(1)))).toBeUndefined();
  });
});
