// When to try a request again, and after how long. Pure: the clock (`sleep`)
// and the dice (`random`) are injected, so every decision is unit-testable.
//
// The asymmetry is the point. Commits are money, and a write that failed
// ambiguously (5xx, timeout, lost connection) may have been applied: sending
// it again could create or change a commit twice. So a write is retried only
// on 429, which Metronome answers *instead of* applying the request; anything
// else surfaces to the caller, who can look before trying again. Reads
// (including the list endpoints, which are POSTs) have no side effects and
// are retried on every transient failure.

import {
  ConnectionLostError,
  MetronomeApiError,
  RateLimitedError,
  ServerError,
  TimeoutError,
} from "./errors";

export type RequestKind = "read" | "write";

export interface RetryPolicy {
  /** Retries after the first attempt: for reads, and for 429s on writes. */
  maxRetries: number;
  /** First backoff step; doubles per retry. */
  baseDelayMs: number;
  /** Ceiling of the exponential backoff. */
  maxDelayMs: number;
  /** Ceiling on a server-requested `Retry-After` wait, so a bad header cannot stall a deploy. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 4,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
};

/** Whether this failure is worth another attempt for this kind of request. */
export function isRetryable(kind: RequestKind, error: unknown): boolean {
  // Rejected without being applied: safe for reads and writes alike.
  if (error instanceof RateLimitedError) return true;
  if (kind === "write") return false;
  return (
    error instanceof ServerError ||
    error instanceof TimeoutError ||
    error instanceof ConnectionLostError ||
    // 408 Request Timeout: the server gave up reading our request.
    (error instanceof MetronomeApiError && error.status === 408)
  );
}

/**
 * Capped exponential backoff with "equal" jitter: half the step is fixed, half
 * random. The fixed half keeps retries from piling in at once after an outage;
 * the random half spreads concurrent clients apart.
 */
export function backoffDelayMs(retryIndex: number, policy: RetryPolicy, random: () => number): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retryIndex);
  return Math.round(step / 2 + random() * (step / 2));
}

/**
 * The wait before retry number `retryIndex + 1`, or undefined to give up.
 * `retryIndex` counts retries already made (0 before the first retry).
 */
export function retryDelayMs(
  kind: RequestKind,
  error: unknown,
  retryIndex: number,
  policy: RetryPolicy,
  random: () => number,
): number | undefined {
  if (retryIndex >= policy.maxRetries || !isRetryable(kind, error)) return undefined;
  // The server knows its own load better than our backoff does.
  if (error instanceof MetronomeApiError && error.retryAfterMs !== undefined) {
    return Math.min(error.retryAfterMs, policy.maxRetryAfterMs);
  }
  return backoffDelayMs(retryIndex, policy, random);
}

export interface RetryRuntime {
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

export const realRuntime: RetryRuntime = {
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

/**
 * Runs `attempt` (given its 1-based attempt number) until it succeeds or the
 * policy says stop; the last error is rethrown as is.
 */
export async function runWithRetries<T>(
  kind: RequestKind,
  attempt: (attemptNumber: number) => Promise<T>,
  policy: RetryPolicy,
  runtime: RetryRuntime = realRuntime,
): Promise<T> {
  for (let retryIndex = 0; ; retryIndex++) {
    try {
      return await attempt(retryIndex + 1);
    } catch (error) {
      const delay = retryDelayMs(kind, error, retryIndex, policy, runtime.random);
      if (delay === undefined) throw error;
      await runtime.sleep(delay);
    }
  }
}
