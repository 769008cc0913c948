// Timestamps. Users may write any RFC 3339 form (`Z`, `.000Z`, `+00:00`,
// `+01:00`); Metronome answers in the millisecond form. The canonical form the
// provider stores and diffs is ONE string per instant:
//
//     YYYY-MM-DDTHH:mm:ssZ        e.g. 2027-01-01T00:00:00Z
//
// (UTC, `Z`, no fractional seconds). A non-zero fraction is kept
// (`...:00.250Z`) rather than silently rounded away; such a value is never
// valid anyway, because commit schedules must sit on whole UTC hours.
//
// Speed: check, validation and the read-back mapping parse every schedule
// timestamp about ten times per operation, so results are memoized per string
// in a small bounded table. On a miss, the forms we write and Metronome
// answers (`...:ssZ`, `...:ss.000Z`, and `...:ss.123Z` for `created_at`) are
// read digit by digit, without a regex or a Date; any other form goes to the
// general parser. Neither changes a result: test/provider/core/timestamps.test.ts
// holds the fast path to the general parser on a table of inputs.

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

export const HOUR_MS = 3_600_000;

/** Epoch milliseconds of an RFC 3339 timestamp, or undefined when it is not one. */
export function parseTimestamp(value: unknown): number | undefined {
  if (typeof value !== "string") return undefined;
  return memoized(parsed, value, parseAnyForm);
}

export const isTimestamp = (value: unknown): boolean => parseTimestamp(value) !== undefined;

/** The canonical string of an instant (see the file comment). */
export function formatTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(".000Z", "Z");
}

/** Canonical form of a timestamp string; anything unparsable (or unknown) is returned as is. */
export function canonicalTimestamp(value: unknown): unknown {
  if (typeof value !== "string") return value;
  return memoized(canonical, value, canonicalOfAnyForm);
}

const parseAnyForm = (s: string): number | undefined => parseCommonForm(s) ?? parseRfc3339(s);

function canonicalOfAnyForm(s: string): string {
  // The fast path's forms are formatTimestamp's own, less a `.000`.
  if (parseCommonForm(s) !== undefined) return s.endsWith(".000Z") ? `${s.slice(0, 19)}Z` : s;
  const ms = parseRfc3339(s);
  return ms === undefined ? s : formatTimestamp(ms);
}

export const isWholeHour = (ms: number): boolean => ms % HOUR_MS === 0;

export const TIMESTAMP_FORM = "an RFC 3339 timestamp such as 2027-01-01T00:00:00Z";

/** The general parser: any RFC 3339 form, each field range-checked. */
export function parseRfc3339(value: string): number | undefined {
  const m = RFC3339.exec(value);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number, number, number, number, number, number,
  ];
  // Date.parse rolls 2027-02-30 over into March; RFC 3339 calls it invalid.
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const offset = m[8] ?? "Z";
  if (offset.length === 6 && (Number(offset.slice(1, 3)) > 23 || Number(offset.slice(4)) > 59)) return undefined;
  const ms = Date.parse(value.toUpperCase());
  return Number.isNaN(ms) ? undefined : ms;
}

// ---- fast path --------------------------------------------------------------

const ZERO = 48; // "0"

/** The number written by the digits at [from, to), or -1 if any is not a digit. */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - ZERO;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** Days in `month` (1 to 12) of `year`, Gregorian. */
function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * `YYYY-MM-DDTHH:mm:ssZ` or `YYYY-MM-DDTHH:mm:ss.sssZ` (upper case, exactly
 * three digits of fraction), read without a regex or a Date. These are also
 * the forms `formatTimestamp` writes, so the canonical string of such a value
 * is the value itself, without a `.000`. Undefined means "not this form, or
 * not valid": the general parser then decides, so this path can only ever
 * agree with it. Years before 100 are left to the general parser, whose
 * `Date.UTC` probe reads them as 19xx.
 */
export function parseCommonForm(s: string): number | undefined {
  const withFraction = s.length === 24;
  if (s.length !== 20 && !withFraction) return undefined;
  if (s[4] !== "-" || s[7] !== "-" || s[10] !== "T" || s[13] !== ":" || s[16] !== ":" || s[s.length - 1] !== "Z") return undefined;
  if (withFraction && s[19] !== ".") return undefined;
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 7);
  const day = digits(s, 8, 10);
  const hour = digits(s, 11, 13);
  const minute = digits(s, 14, 16);
  const second = digits(s, 17, 19);
  const millis = withFraction ? digits(s, 20, 23) : 0;
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || millis < 0) return undefined;
  return Date.UTC(year, month - 1, day, hour, minute, second, millis);
}

// ---- memo -------------------------------------------------------------------

/** Results by input string; emptied when full, so memory stays bounded whatever the inputs. */
const parsed = new Map<string, number | undefined>();
const canonical = new Map<string, string>();
const MEMO_ENTRIES = 1_000;
/** Longer strings are not timestamps anyone writes. */
const MEMO_MAX_LENGTH = 64;

/**
 * Only strings with a zero minute and second (`…T10:00:00…`) are kept: the
 * schedule timestamps that recur across commits are whole hours, while
 * Metronome's creation times are not and never recur (each would push the
 * useful entries out).
 */
function worthKeeping(key: string): boolean {
  return key.length <= MEMO_MAX_LENGTH && key.startsWith("00:00", 14);
}

function memoized<V>(memo: Map<string, V>, key: string, compute: (key: string) => V): V {
  const known = memo.get(key);
  if (known !== undefined || memo.has(key)) return known as V;
  const value = compute(key);
  if (worthKeeping(key)) {
    if (memo.size >= MEMO_ENTRIES) memo.clear();
    memo.set(key, value);
  }
  return value;
}
