// The timestamp fast path and memo (core/timestamps.ts) must never change a
// result: every input gives what the general RFC 3339 parser gives.

import { describe, expect, it } from "vitest";
import { UNKNOWN } from "../../../provider/core";
import {
  canonicalTimestamp,
  formatTimestamp,
  isTimestamp,
  parseCommonForm,
  parseRfc3339,
  parseTimestamp,
} from "../../../provider/core/timestamps";

/** What the general parser alone says: epoch ms and canonical string. */
function general(value: string): { ms: number | undefined; canonical: string } {
  const ms = parseRfc3339(value);
  return { ms, canonical: ms === undefined ? value : formatTimestamp(ms) };
}

const TABLE: Array<[label: string, value: string]> = [
  // the fast path's own forms
  ["canonical", "2027-01-01T00:00:00Z"],
  ["canonical, last second of a year", "2027-12-31T23:59:59Z"],
  ["Metronome's .000Z", "2027-01-01T00:00:00.000Z"],
  ["milliseconds (created_at)", "2026-11-21T10:11:12.123Z"],
  ["milliseconds .999", "2026-11-21T10:11:12.999Z"],
  ["leap day in a leap year", "2028-02-29T00:00:00Z"],
  ["leap day in a 400 year", "2000-02-29T00:00:00.000Z"],
  ["leap day in a 100 year", "2100-02-29T00:00:00Z"],
  ["leap day in a common year", "2027-02-29T00:00:00Z"],
  ["February 30", "2027-02-30T00:00:00Z"],
  ["April 31", "2027-04-31T00:00:00.000Z"],
  ["December 31", "2027-12-31T00:00:00Z"],
  ["day 00", "2027-01-00T00:00:00Z"],
  ["month 00", "2027-00-01T00:00:00Z"],
  ["month 13", "2027-13-01T00:00:00Z"],
  ["hour 24", "2027-01-01T24:00:00Z"],
  ["minute 60", "2027-01-01T00:60:00Z"],
  ["second 60", "2027-01-01T00:00:60Z"],
  ["year 9999", "9999-12-31T23:59:59Z"],
  ["year 1000", "1000-01-01T00:00:00Z"],
  ["year 0100", "0100-03-01T00:00:00Z"],
  ["year 1970", "1970-01-01T00:00:00Z"],
  ["year before 1970", "1969-07-20T20:17:00Z"],
  // forms only the general parser reads
  ["year 0099", "0099-01-01T00:00:00Z"],
  ["year 0000", "0000-01-01T00:00:00Z"],
  ["leap day of year 0000", "0000-02-29T00:00:00Z"],
  ["leap day of year 0096", "0096-02-29T00:00:00Z"],
  ["lower-case t and z", "2027-01-01t00:00:00z"],
  ["lower-case z only", "2027-01-01T00:00:00z"],
  ["+00:00", "2027-01-01T00:00:00+00:00"],
  ["-00:00", "2027-01-01T00:00:00-00:00"],
  ["+01:00", "2027-01-01T01:00:00+01:00"],
  ["-05:00 crossing a day", "2026-12-31T19:00:00-05:00"],
  ["+05:30", "2027-01-01T05:00:00+05:30"],
  ["offset hour 24", "2027-01-01T00:00:00+24:00"],
  ["offset minute 60", "2027-01-01T00:00:00+01:60"],
  ["fraction .250", "2027-01-01T00:00:00.250Z"],
  ["fraction .5", "2027-01-01T00:00:00.5Z"],
  ["fraction .25", "2027-01-01T00:00:00.25Z"],
  ["fraction .000000", "2027-01-01T00:00:00.000000Z"],
  ["fraction .123456", "2027-01-01T00:00:00.123456Z"],
  ["fraction with an offset", "2027-01-01T01:00:00.000+01:00"],
  // not timestamps
  ["date only", "2027-01-01"],
  ["no offset", "2027-01-01T00:00:00"],
  ["space for T", "2027-01-01 00:00:00Z"],
  ["no seconds", "2027-01-01T00:00Z"],
  ["letters for digits", "2027-0a-01T00:00:00Z"],
  ["sign in a digit", "2027-01-+1T00:00:00Z"],
  ["comma fraction", "2027-01-01T00:00:00,000Z"],
  ["fraction letters", "2027-01-01T00:00:00.abcZ"],
  ["five-digit year", "20270-01-01T00:00:00Z"],
  ["20 characters, wrong separators", "2027/01/01T00:00:00Z"],
  ["24 characters, no dot", "2027-01-01T00:00:00X000Z"],
  ["empty", ""],
  ["prose", "next tuesday"],
  ["Pulumi's unknown", UNKNOWN],
];

describe("timestamps: fast path and memo agree with the general parser", () => {
  it.each(TABLE)("%s: %s", (_label, value) => {
    const expected = general(value);
    // Twice: the second answer may come from the memo.
    for (let round = 0; round < 2; round++) {
      expect(parseTimestamp(value)).toBe(expected.ms);
      expect(isTimestamp(value)).toBe(expected.ms !== undefined);
      expect(canonicalTimestamp(value)).toBe(expected.canonical);
    }
    const fast = parseCommonForm(value);
    if (fast !== undefined) expect(fast).toBe(expected.ms);
  });

  it("the fast path takes the forms we write and Metronome answers", () => {
    for (const value of ["2027-01-01T00:00:00Z", "2027-01-01T00:00:00.000Z", "2026-11-21T10:11:12.123Z"]) {
      expect(parseCommonForm(value)).toBe(Date.parse(value));
    }
  });

  it("agrees on every day of four years, at several times and fractions", () => {
    const start = Date.UTC(2027, 0, 1);
    const days = 4 * 366 + 1;
    for (let d = 0; d < days; d++) {
      for (const [time, fraction] of [["00:00:00", ""], ["23:59:59", ".000"], ["12:34:56", ".789"]] as const) {
        const date = new Date(start + d * 86_400_000).toISOString().slice(0, 10);
        const value = `${date}T${time}${fraction}Z`;
        expect(parseCommonForm(value)).toBe(parseRfc3339(value));
        expect(canonicalTimestamp(value)).toBe(general(value).canonical);
      }
    }
  });

  it("rejects what the general parser rejects for every day number 00 to 32 of every month", () => {
    for (let month = 0; month <= 13; month++) {
      for (let day = 0; day <= 32; day++) {
        for (const year of ["2027", "2028", "2100", "2400"]) {
          const value = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}T00:00:00Z`;
          expect(parseTimestamp(value)).toBe(parseRfc3339(value));
        }
      }
    }
  });

  it("stays correct past the memo's bound (it is emptied, never wrong)", () => {
    for (let i = 0; i < 2_500; i++) {
      const value = `2027-01-01T00:00:00.${String(i).padStart(4, "0")}Z`; // four digits: the general parser's
      expect(parseTimestamp(value)).toBe(parseRfc3339(value));
      expect(canonicalTimestamp(value)).toBe(general(value).canonical);
    }
  });

  it("leaves non-strings alone", () => {
    for (const value of [undefined, null, 20270101, {}, ["2027-01-01T00:00:00Z"]]) {
      expect(parseTimestamp(value)).toBeUndefined();
      expect(canonicalTimestamp(value)).toBe(value);
    }
  });
});
