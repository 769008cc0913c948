// Timestamps (core/timestamps.ts): which strings are RFC 3339 timestamps,
// and the one canonical string of each instant.

import { describe, expect, it } from "vitest";
import { UNKNOWN } from "../../../provider/core";
import { canonicalTimestamp, isTimestamp, parseTimestamp } from "../../../provider/core/timestamps";

// [label, value, canonical form, or undefined when the value is not a timestamp]
const TABLE: Array<[label: string, value: string, canonical: string | undefined]> = [
  ["canonical", "2027-01-01T00:00:00Z", "2027-01-01T00:00:00Z"],
  ["canonical, last second of a year", "2027-12-31T23:59:59Z", "2027-12-31T23:59:59Z"],
  ["Metronome's .000Z", "2027-01-01T00:00:00.000Z", "2027-01-01T00:00:00Z"],
  ["milliseconds (created_at)", "2026-11-21T10:11:12.123Z", "2026-11-21T10:11:12.123Z"],
  ["milliseconds .999", "2026-11-21T10:11:12.999Z", "2026-11-21T10:11:12.999Z"],
  ["leap day in a leap year", "2028-02-29T00:00:00Z", "2028-02-29T00:00:00Z"],
  ["leap day in a 400 year", "2000-02-29T00:00:00.000Z", "2000-02-29T00:00:00Z"],
  ["leap day in a 100 year", "2100-02-29T00:00:00Z", undefined],
  ["leap day in a common year", "2027-02-29T00:00:00Z", undefined],
  ["February 30", "2027-02-30T00:00:00Z", undefined],
  ["April 31", "2027-04-31T00:00:00.000Z", undefined],
  ["December 31", "2027-12-31T00:00:00Z", "2027-12-31T00:00:00Z"],
  ["day 00", "2027-01-00T00:00:00Z", undefined],
  ["month 00", "2027-00-01T00:00:00Z", undefined],
  ["month 13", "2027-13-01T00:00:00Z", undefined],
  ["hour 24", "2027-01-01T24:00:00Z", undefined],
  ["minute 60", "2027-01-01T00:60:00Z", undefined],
  ["second 60", "2027-01-01T00:00:60Z", undefined],
  ["year 9999", "9999-12-31T23:59:59Z", "9999-12-31T23:59:59Z"],
  ["year 1000", "1000-01-01T00:00:00Z", "1000-01-01T00:00:00Z"],
  ["year 0100", "0100-03-01T00:00:00Z", "0100-03-01T00:00:00Z"],
  ["year 1970", "1970-01-01T00:00:00Z", "1970-01-01T00:00:00Z"],
  ["year before 1970", "1969-07-20T20:17:00Z", "1969-07-20T20:17:00Z"],
  ["year 0099", "0099-01-01T00:00:00Z", "0099-01-01T00:00:00Z"],
  ["year 0000", "0000-01-01T00:00:00Z", "0000-01-01T00:00:00Z"],
  ["leap day of year 0000", "0000-02-29T00:00:00Z", undefined],
  ["leap day of year 0096", "0096-02-29T00:00:00Z", "0096-02-29T00:00:00Z"],
  ["lower-case t and z", "2027-01-01t00:00:00z", "2027-01-01T00:00:00Z"],
  ["lower-case z only", "2027-01-01T00:00:00z", "2027-01-01T00:00:00Z"],
  ["+00:00", "2027-01-01T00:00:00+00:00", "2027-01-01T00:00:00Z"],
  ["-00:00", "2027-01-01T00:00:00-00:00", "2027-01-01T00:00:00Z"],
  ["+01:00", "2027-01-01T01:00:00+01:00", "2027-01-01T00:00:00Z"],
  ["-05:00 crossing a day", "2026-12-31T19:00:00-05:00", "2027-01-01T00:00:00Z"],
  ["+05:30", "2027-01-01T05:00:00+05:30", "2026-12-31T23:30:00Z"],
  ["offset hour 24", "2027-01-01T00:00:00+24:00", undefined],
  ["offset minute 60", "2027-01-01T00:00:00+01:60", undefined],
  ["fraction .250", "2027-01-01T00:00:00.250Z", "2027-01-01T00:00:00.250Z"],
  ["fraction .5", "2027-01-01T00:00:00.5Z", "2027-01-01T00:00:00.500Z"],
  ["fraction .25", "2027-01-01T00:00:00.25Z", "2027-01-01T00:00:00.250Z"],
  ["fraction .000000", "2027-01-01T00:00:00.000000Z", "2027-01-01T00:00:00Z"],
  ["fraction .123456", "2027-01-01T00:00:00.123456Z", "2027-01-01T00:00:00.123Z"],
  ["fraction with an offset", "2027-01-01T01:00:00.000+01:00", "2027-01-01T00:00:00Z"],
  ["date only", "2027-01-01", undefined],
  ["no offset", "2027-01-01T00:00:00", undefined],
  ["space for T", "2027-01-01 00:00:00Z", undefined],
  ["no seconds", "2027-01-01T00:00Z", undefined],
  ["letters for digits", "2027-0a-01T00:00:00Z", undefined],
  ["sign in a digit", "2027-01-+1T00:00:00Z", undefined],
  ["comma fraction", "2027-01-01T00:00:00,000Z", undefined],
  ["fraction letters", "2027-01-01T00:00:00.abcZ", undefined],
  ["five-digit year", "20270-01-01T00:00:00Z", undefined],
  ["20 characters, wrong separators", "2027/01/01T00:00:00Z", undefined],
  ["24 characters, no dot", "2027-01-01T00:00:00X000Z", undefined],
  ["empty", "", undefined],
  ["prose", "next tuesday", undefined],
  ["Pulumi's unknown", UNKNOWN, undefined],
];

describe("timestamps", () => {
  it.each(TABLE)("%s: %s", (_label, value, canonical) => {
    expect(isTimestamp(value)).toBe(canonical !== undefined);
    expect(canonicalTimestamp(value)).toBe(canonical ?? value);
    if (canonical !== undefined) expect(parseTimestamp(value)).toBe(Date.parse(canonical));
    else expect(parseTimestamp(value)).toBeUndefined();
  });

  it("leaves non-strings alone", () => {
    for (const value of [undefined, null, 20270101, {}, ["2027-01-01T00:00:00Z"]]) {
      expect(parseTimestamp(value)).toBeUndefined();
      expect(canonicalTimestamp(value)).toBe(value);
    }
  });
});
