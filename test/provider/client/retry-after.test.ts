import { describe, expect, it } from "vitest";
import { parseRetryAfter } from "../../../provider/client";

const NOW = Date.parse("2027-03-01T12:00:00Z");

describe("parseRetryAfter", () => {
  it.each<[string, string | undefined, string | undefined, number | undefined]>([
    ["delay-seconds", "3", undefined, 3_000],
    ["zero", "0", undefined, 0],
    ["fractional seconds", "1.5", undefined, 1_500],
    ["padded", "  2 ", undefined, 2_000],
    ["HTTP date 10 s ahead", "Mon, 01 Mar 2027 12:00:10 GMT", undefined, 10_000],
    ["HTTP date in the past", "Mon, 01 Mar 2027 11:00:00 GMT", undefined, 0],
    ["garbage", "soon", undefined, undefined],
    ["negative", "-5", undefined, undefined],
    ["empty", "", undefined, undefined],
    ["absent", undefined, undefined, undefined],
    ["retry-after-ms wins", "10", "250", 250],
    ["bad retry-after-ms falls back", "10", "x", 10_000],
  ])("%s", (_label, header, msHeader, expected) => {
    expect(parseRetryAfter(header, msHeader, NOW)).toBe(expected);
  });
});
