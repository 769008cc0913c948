import { describe, expect, it } from "vitest";
import {
  ConnectionLostError,
  DEFAULT_RETRY_POLICY,
  MetronomeApiError,
  backoffDelayMs,
  errorFromResponse,
  isRetryable,
  retryDelayMs,
  runWithRetries,
  type RequestKind,
  type RetryPolicy,
  TimeoutError,
} from "../../../provider/client";

const where = { method: "POST", path: "/v1/x" };
const status = (code: number, extra: { retryAfterMs?: number } = {}) =>
  errorFromResponse({ ...where, status: code, isWrite: true, ...extra });
const timeout = () => new TimeoutError({ ...where, timeoutMs: 10, mayHaveApplied: true });
const dropped = () => new ConnectionLostError({ ...where, connected: true, reason: "other side closed", mayHaveApplied: true });
const refused = () => new ConnectionLostError({ ...where, connected: false, reason: "ECONNREFUSED" });

describe("isRetryable", () => {
  // [failure, read retried?, write retried?, make the failure]
  const table: Array<[string, boolean, boolean, () => unknown]> = [
    ["400", false, false, () => status(400)],
    ["401", false, false, () => status(401)],
    ["403", false, false, () => status(403)],
    ["404", false, false, () => status(404)],
    ["408", true, false, () => status(408)],
    ["409", false, false, () => status(409)],
    ["422", false, false, () => status(422)],
    ["429", true, true, () => status(429)],
    ["500", true, false, () => status(500)],
    ["502", true, false, () => status(502)],
    ["503", true, false, () => status(503)],
    ["504", true, false, () => status(504)],
    ["timeout", true, false, timeout],
    ["connection lost", true, false, dropped],
    ["connection refused", true, false, refused],
    ["a plain TypeError", false, false, () => new TypeError("bug")],
  ];
  it.each(table)("%s: read retried %s, write retried %s", (_label, read, write, make) => {
    expect(isRetryable("read", make())).toBe(read);
    expect(isRetryable("write", make())).toBe(write);
  });
});

describe("backoffDelayMs", () => {
  const policy: RetryPolicy = { maxRetries: 10, baseDelayMs: 100, maxDelayMs: 1_000, maxRetryAfterMs: 5_000 };

  it("doubles per retry, with half of each step jittered", () => {
    expect([0, 1, 2, 3].map((i) => backoffDelayMs(i, policy, () => 0))).toEqual([50, 100, 200, 400]);
    expect([0, 1, 2, 3].map((i) => backoffDelayMs(i, policy, () => 1))).toEqual([100, 200, 400, 800]);
    expect(backoffDelayMs(2, policy, () => 0.5)).toBe(300);
  });

  it("is capped at maxDelayMs", () => {
    expect(backoffDelayMs(4, policy, () => 1)).toBe(1_000);
    expect(backoffDelayMs(30, policy, () => 1)).toBe(1_000);
    expect(backoffDelayMs(30, policy, () => 0)).toBe(500);
  });

  it("defaults: 500 ms first step, 8 s cap", () => {
    expect(backoffDelayMs(0, DEFAULT_RETRY_POLICY, () => 1)).toBe(500);
    expect(backoffDelayMs(10, DEFAULT_RETRY_POLICY, () => 1)).toBe(8_000);
  });
});

describe("retryDelayMs", () => {
  const policy: RetryPolicy = { maxRetries: 2, baseDelayMs: 100, maxDelayMs: 1_000, maxRetryAfterMs: 5_000 };
  const half = () => 0.5;

  it("honours Retry-After instead of the backoff", () => {
    expect(retryDelayMs("read", status(503, { retryAfterMs: 1_234 }), 0, policy, half)).toBe(1_234);
    expect(retryDelayMs("write", status(429, { retryAfterMs: 2_000 }), 0, policy, half)).toBe(2_000);
  });

  it("caps Retry-After at maxRetryAfterMs", () => {
    expect(retryDelayMs("read", status(429, { retryAfterMs: 3_600_000 }), 0, policy, half)).toBe(5_000);
  });

  it("backs off when there is no Retry-After", () => {
    expect(retryDelayMs("read", status(500), 1, policy, half)).toBe(150);
  });

  it("stops when the retry budget is spent", () => {
    expect(retryDelayMs("read", status(500), 1, policy, half)).toBeDefined();
    expect(retryDelayMs("read", status(500), 2, policy, half)).toBeUndefined();
    expect(retryDelayMs("write", status(429), 2, policy, half)).toBeUndefined();
  });

  it("never retries an ambiguous write, Retry-After or not", () => {
    expect(retryDelayMs("write", status(503, { retryAfterMs: 10 }), 0, policy, half)).toBeUndefined();
    expect(retryDelayMs("write", timeout(), 0, policy, half)).toBeUndefined();
  });
});

describe("runWithRetries", () => {
  const policy: RetryPolicy = { maxRetries: 3, baseDelayMs: 100, maxDelayMs: 1_000, maxRetryAfterMs: 5_000 };

  function script(kind: RequestKind, outcomes: Array<unknown>) {
    const sleeps: number[] = [];
    const attempts: number[] = [];
    const run = runWithRetries(
      kind,
      async (attempt) => {
        attempts.push(attempt);
        const next = outcomes.shift();
        if (next instanceof Error) throw next;
        return next;
      },
      policy,
      { sleep: async (ms) => void sleeps.push(ms), random: () => 0 },
    );
    return { run, sleeps, attempts };
  }

  it("retries a read through transient failures and returns the success", async () => {
    const s = script("read", [status(503), timeout(), dropped(), "ok"]);
    await expect(s.run).resolves.toBe("ok");
    expect(s.attempts).toEqual([1, 2, 3, 4]);
    expect(s.sleeps).toEqual([50, 100, 200]);
  });

  it("gives up after maxRetries and throws the last error", async () => {
    const last = status(502);
    const s = script("read", [status(500), status(500), status(500), last, "never"]);
    await expect(s.run).rejects.toBe(last);
    expect(s.attempts).toEqual([1, 2, 3, 4]);
  });

  it.each([
    ["500", () => status(500)],
    ["504", () => status(504)],
    ["timeout", timeout],
    ["connection lost", dropped],
  ])("does not retry a write on %s", async (_label, make) => {
    const failure = make();
    const s = script("write", [failure, "never"]);
    await expect(s.run).rejects.toBe(failure);
    expect(s.attempts).toEqual([1]);
    expect(s.sleeps).toEqual([]);
  });

  it("retries a write on 429, waiting as told", async () => {
    const s = script("write", [status(429, { retryAfterMs: 700 }), status(429), "created"]);
    await expect(s.run).resolves.toBe("created");
    expect(s.attempts).toEqual([1, 2, 3]);
    expect(s.sleeps).toEqual([700, 100]);
  });

  it("does not retry errors that are not the API's", async () => {
    const bug = new TypeError("bug");
    const s = script("read", [bug, "never"]);
    await expect(s.run).rejects.toBe(bug);
    expect(s.attempts).toEqual([1]);
  });

  it("with maxRetries 0 makes exactly one attempt", async () => {
    let calls = 0;
    const failure = status(503);
    await expect(
      runWithRetries("read", async () => {
        calls++;
        throw failure;
      }, { ...policy, maxRetries: 0 }, { sleep: async () => {}, random: () => 0 }),
    ).rejects.toBe(failure);
    expect(calls).toBe(1);
  });

  it("treats a base MetronomeApiError without status as final", async () => {
    const odd = new MetronomeApiError("odd", where);
    const s = script("read", [odd, "never"]);
    await expect(s.run).rejects.toBe(odd);
  });
});
