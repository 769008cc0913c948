// Timestamps. Metronome takes RFC 3339 and answers in the millisecond form
// (`2027-01-01T00:00:00.000Z`); commit schedules must sit on whole UTC hours.
// The emulator stores every instant already in the answer form, so reads
// need no conversion and comparisons can go through Date.parse.

import { badRequest } from "./errors";

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** Parses an RFC 3339 timestamp to epoch ms, or returns undefined. */
export function parseRfc3339(value: unknown): number | undefined {
  if (typeof value !== "string") return undefined;
  const m = RFC3339.exec(value);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number, number, number, number, number, number,
  ];
  // Date.parse rolls 2027-02-30 over to March; RFC 3339 calls it invalid.
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const ms = Date.parse(value.toUpperCase());
  return Number.isNaN(ms) ? undefined : ms;
}

/** The answer form of an instant. */
export const toIso = (ms: number): string => new Date(ms).toISOString();

const HOUR_MS = 3_600_000;

/**
 * Validates `value` as an RFC 3339 timestamp; `hourAligned` additionally
 * demands a whole UTC hour (commit schedules). Returns the answer form.
 */
export function requireTimestamp(value: unknown, field: string, hourAligned = true): string {
  const ms = parseRfc3339(value);
  if (ms === undefined) {
    throw badRequest(`${field} must be an RFC 3339 timestamp (e.g. 2027-01-01T00:00:00Z)`);
  }
  if (hourAligned && ms % HOUR_MS !== 0) {
    throw badRequest(`${field} is required to be on an hour boundary (whole UTC hour)`);
  }
  return toIso(ms);
}

/**
 * Adds calendar months in UTC, clamping the day to the target month's last
 * day (Jan 31 + 1 month = Feb 28/29), always counted from the same origin so
 * clamping never accumulates.
 */
export function addMonthsUtc(originMs: number, months: number): number {
  const d = new Date(originMs);
  const targetMonthIndex = d.getUTCMonth() + months;
  const year = d.getUTCFullYear() + Math.floor(targetMonthIndex / 12);
  const month = ((targetMonthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(d.getUTCDate(), lastDay);
  return Date.UTC(year, month, day, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
}
