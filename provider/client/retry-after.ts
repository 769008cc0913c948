// How long the server asked us to wait. Metronome sends `Retry-After` (delay in
// seconds, or an HTTP date); its SDKs also honour the non-standard
// `retry-after-ms`, so we do too, preferring it because it is more precise.

/** Milliseconds to wait, or undefined when neither header says anything usable. */
export function parseRetryAfter(
  retryAfter: string | undefined,
  retryAfterMs?: string | undefined,
  now: number = Date.now(),
): number | undefined {
  if (retryAfterMs !== undefined) {
    const ms = Number(retryAfterMs.trim());
    if (retryAfterMs.trim() !== "" && Number.isFinite(ms) && ms >= 0) return Math.round(ms);
  }
  if (retryAfter === undefined) return undefined;
  const value = retryAfter.trim();
  if (value === "") return undefined;
  // delay-seconds is digits only; accept decimals too, since some servers send them.
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  // An HTTP date always names its month; without this, Date.parse reads "-5" as a year.
  if (!/[a-z]/i.test(value)) return undefined;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  // A date in the past means "now".
  return Math.max(0, date - now);
}
