// Timestamps. Users may write any RFC 3339 form (`Z`, `.000Z`, `+00:00`,
// `+01:00`); Metronome answers in the millisecond form. The canonical form the
// provider stores and diffs is ONE string per instant:
//
//     YYYY-MM-DDTHH:mm:ssZ        e.g. 2027-01-01T00:00:00Z
//
// (UTC, `Z`, no fractional seconds). A non-zero fraction is kept
// (`...:00.250Z`) rather than silently rounded away; such a value is never
// valid anyway, because commit schedules must sit on whole UTC hours.

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

export const HOUR_MS = 3_600_000;

/** Epoch milliseconds of an RFC 3339 timestamp, or undefined when it is not one. */
export function parseTimestamp(value: unknown): number | undefined {
  return typeof value === "string" ? parseRfc3339(value) : undefined;
}

export const isTimestamp = (value: unknown): boolean => parseTimestamp(value) !== undefined;

/** The canonical string of an instant (see the file comment). */
export function formatTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(".000Z", "Z");
}

/** Canonical form of a timestamp string; anything unparsable (or unknown) is returned as is. */
export function canonicalTimestamp(value: unknown): unknown {
  const ms = parseTimestamp(value);
  return ms === undefined ? value : formatTimestamp(ms);
}

export const isWholeHour = (ms: number): boolean => ms % HOUR_MS === 0;

export const TIMESTAMP_FORM = "an RFC 3339 timestamp such as 2027-01-01T00:00:00Z";

/** Any RFC 3339 form, each field range-checked. */
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
