// `startEmulator({ latencyMs })`: every Metronome request waits that long
// before it is served; the control surface under /_emulator/ never does.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../../emulator/index";
import { TOKEN, control } from "./fixtures";

const LATENCY_MS = 250;
/** Long enough that no answer within the test means the request is being held. */
const HELD_MS = 60_000;

const get = (url: string, signal?: AbortSignal) =>
  fetch(`${url}/v1/credit-types/list`, { headers: { authorization: `Bearer ${TOKEN}` }, signal });

describe.each([
  ["an authorised request", TOKEN],
  ["an unauthorised request", "wrong-token"],
])("latencyMs on %s", (_name, token) => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ bearerToken: TOKEN, latencyMs: LATENCY_MS });
  });
  afterAll(() => emulator.close());

  it("waits at least latencyMs before answering", async () => {
    const started = performance.now();
    const res = await fetch(`${emulator.url}/v1/credit-types/list`, { headers: { authorization: `Bearer ${token}` } });
    await res.arrayBuffer();
    // Timers may fire up to a millisecond early; never by more.
    expect(performance.now() - started).toBeGreaterThanOrEqual(LATENCY_MS - 2);
    expect(res.status).toBe(token === TOKEN ? 200 : 401);
  });
});

describe("latencyMs on the control surface", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ bearerToken: TOKEN, latencyMs: HELD_MS });
  });
  afterAll(() => emulator.close());

  it("holds Metronome paths but answers /_emulator/ at once", async () => {
    const held = get(emulator.url, AbortSignal.timeout(300)).then(
      () => "answered",
      (err: Error) => err.name,
    );
    expect(await held).toBe("TimeoutError");
    const health = await control(emulator.url, "GET", "/_emulator/health");
    expect(health).toEqual({ status: 200, body: { status: "ok" } });
  });
});

describe("latencyMs validation", () => {
  it.each([[-1], [1.5], [Number.NaN]])("refuses %s", async (latencyMs) => {
    await expect(startEmulator({ latencyMs })).rejects.toThrow(/latencyMs must be a non-negative integer/);
  });

  it("adds nothing by default", async () => {
    const emulator = await startEmulator({ bearerToken: TOKEN });
    try {
      const res = await get(emulator.url, AbortSignal.timeout(HELD_MS));
      expect(res.status).toBe(200);
    } finally {
      await emulator.close();
    }
  });
});
