// RFC 3339 parsing, hour alignment and month arithmetic.

import { describe, expect, it } from "vitest";
import { addMonthsUtc, parseRfc3339, requireTimestamp } from "../../emulator/time";

describe("parseRfc3339", () => {
  it.each([
    ["2027-01-01T00:00:00Z", "2027-01-01T00:00:00.000Z"],
    ["2027-01-01T00:00:00.000Z", "2027-01-01T00:00:00.000Z"],
    ["2027-01-01t01:00:00+01:00", "2027-01-01T00:00:00.000Z"],
    ["2028-02-29T12:00:00-03:00", "2028-02-29T15:00:00.000Z"],
  ])("reads %s", (text, iso) => {
    expect(new Date(parseRfc3339(text)!).toISOString()).toBe(iso);
  });

  it.each(["2027-01-01", "2027-01-01T00:00:00", "2027-02-29T00:00:00Z", "2027-13-01T00:00:00Z", "2027-01-01T24:00:00Z", "1/1/2027", 20270101])(
    "refuses %s",
    (text) => {
      expect(parseRfc3339(text)).toBeUndefined();
    },
  );
});

describe("requireTimestamp", () => {
  it("answers the millisecond form", () => {
    expect(requireTimestamp("2027-01-01T05:00:00Z", "f")).toBe("2027-01-01T05:00:00.000Z");
  });
  it("refuses a time off the hour, naming the field", () => {
    expect(() => requireTimestamp("2027-01-01T05:00:00.001Z", "access_schedule.x")).toThrow(/access_schedule.x .*hour boundary/);
  });
  it("accepts off-hour times when alignment is not required", () => {
    expect(requireTimestamp("2027-01-01T05:30:00Z", "f", false)).toBe("2027-01-01T05:30:00.000Z");
  });
});

describe("addMonthsUtc", () => {
  it.each([
    ["2027-01-31T00:00:00Z", 1, "2027-02-28T00:00:00.000Z"],
    ["2028-01-31T00:00:00Z", 1, "2028-02-29T00:00:00.000Z"],
    ["2027-11-15T03:00:00Z", 3, "2028-02-15T03:00:00.000Z"],
    ["2027-01-01T00:00:00Z", 12, "2028-01-01T00:00:00.000Z"],
  ] as const)("%s + %i months = %s", (from, months, to) => {
    expect(new Date(addMonthsUtc(Date.parse(from), months)).toISOString()).toBe(to);
  });
});
