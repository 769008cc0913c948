// Fault injection through /_emulator/faults: each kind, counts, queueing,
// disarming, and idempotency interplay.

import * as http from "node:http";
import { beforeAll, describe, expect, it } from "vitest";
import Metronome from "@metronome/sdk";
import { TOKEN, control, makeWorld, prepaid, rawPost, useEmulator, type World } from "./fixtures";

const h = useEmulator();
let w: World;
beforeAll(async () => {
  w = await makeWorld(h.client);
});

const CREATE = "/v1/contracts/customerCommits/create";
const arm = async (fault: Record<string, unknown>) => {
  const res = await control(h.url, "POST", "/_emulator/faults", fault);
  expect(res.status).toBe(200);
};
const count = async (customerId: string) =>
  (await h.client.v1.customers.commits.list({ customer_id: customerId, include_archived: true })).data.length;

describe("kind status", () => {
  it("answers the status with Retry-After and applies nothing", async () => {
    const world = await makeWorld(h.client);
    await arm({ path: CREATE, kind: "status", status: 429, retryAfterSeconds: 7 });
    const res = await rawPost(h.url, CREATE, prepaid(world));
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("7");
    expect(res.body).toEqual({ message: expect.any(String) });
    expect(await count(world.customerId)).toBe(0);
    // count defaults to 1: the next request is served.
    expect((await rawPost(h.url, CREATE, prepaid(world))).status).toBe(200);
  });

  it("sends no Retry-After unless asked", async () => {
    await arm({ path: "/v1/customers", kind: "status", status: 503 });
    const res = await rawPost(h.url, "/v1/customers", { name: "x" });
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBeNull();
  });

  it("affects the next `count` requests", async () => {
    await arm({ path: "/v1/customers", kind: "status", status: 500, count: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await rawPost(h.url, "/v1/customers", { name: "x" })).status);
    expect(statuses).toEqual([500, 500, 200]);
  });

  it("is not stored under the Idempotency-Key: a retry runs for real", async () => {
    const world = await makeWorld(h.client);
    await arm({ path: CREATE, kind: "status", status: 503 });
    const body = prepaid(world);
    expect((await rawPost(h.url, CREATE, body, { "idempotency-key": "st-1" })).status).toBe(503);
    expect((await rawPost(h.url, CREATE, body, { "idempotency-key": "st-1" })).status).toBe(200);
    expect(await count(world.customerId)).toBe(1);
  });

  it("surfaces through the SDK as the matching error class", async () => {
    await arm({ path: CREATE, kind: "status", status: 500 });
    const err = await h.client.v1.customers.commits.create(prepaid(w)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Metronome.InternalServerError);
  });
});

describe("kind status-after-apply", () => {
  it("applies, answers the status, and replays that status for the same key", async () => {
    const world = await makeWorld(h.client);
    await arm({ path: CREATE, kind: "status-after-apply", status: 504 });
    const body = prepaid(world);
    const first = await rawPost(h.url, CREATE, body, { "idempotency-key": "saa-1" });
    expect(first.status).toBe(504);
    expect(await count(world.customerId)).toBe(1);
    // The docs persist a result "even in the case of an HTTP 500 error".
    const retry = await rawPost(h.url, CREATE, body, { "idempotency-key": "saa-1" });
    expect(retry.status).toBe(504);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await count(world.customerId)).toBe(1);
  });
});

describe("kind drop-after-apply", () => {
  it("applies, then destroys the connection without an answer", async () => {
    const world = await makeWorld(h.client);
    await arm({ path: CREATE, kind: "drop-after-apply" });
    const outcome = await new Promise<string>((resolve) => {
      const req = http.request(`${h.url}${CREATE}`, { method: "POST", headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" } }, (res) =>
        resolve(`answered ${res.statusCode}`),
      );
      req.on("error", (e: NodeJS.ErrnoException) => resolve(`error ${e.code}`));
      req.end(JSON.stringify(prepaid(world)));
    });
    expect(outcome).toBe("error ECONNRESET");
    expect(await count(world.customerId)).toBe(1);
    const log = await control(h.url, "GET", "/_emulator/requests");
    expect(log.body.data).toContainEqual({ method: "POST", path: CREATE, status: 0 });
  });

  it("stores the real answer first, so a retry with the same key replays it", async () => {
    const world = await makeWorld(h.client);
    await arm({ path: CREATE, kind: "drop-after-apply" });
    const body = prepaid(world);
    await expect(rawPost(h.url, CREATE, body, { "idempotency-key": "drop-1" })).rejects.toThrow();
    const retry = await rawPost(h.url, CREATE, body, { "idempotency-key": "drop-1" });
    expect(retry.status).toBe(200);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await count(world.customerId)).toBe(1);
  });

  it("shows up in the SDK as a connection error", async () => {
    await arm({ path: "/v1/customers", kind: "drop-after-apply" });
    const err = await h.client.v1.customers.create({ name: "dropped" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Metronome.APIConnectionError);
  });
});

describe("kind latency", () => {
  it("waits latencyMs, then serves normally", async () => {
    await arm({ path: "/v1/customers", kind: "latency", latencyMs: 300 });
    const started = Date.now();
    const res = await h.client.v1.customers.create({ name: "slow" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(res.data.name).toBe("slow");
  });

  it("still applies a request whose client gave up waiting", async () => {
    const world = await makeWorld(h.client);
    await arm({ path: CREATE, kind: "latency", latencyMs: 300 });
    const impatient = new Metronome({ bearerToken: TOKEN, baseURL: h.url, maxRetries: 0, timeout: 50 });
    const err = await impatient.v1.customers.commits.create(prepaid(world)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Metronome.APIConnectionTimeoutError);
    await new Promise((r) => setTimeout(r, 400));
    expect(await count(world.customerId)).toBe(1);
  });
});

describe("arming and disarming", () => {
  it("queues several faults on a path in order", async () => {
    await arm({ path: "/v1/customers", kind: "status", status: 502 });
    await arm({ path: "/v1/customers", kind: "latency", latencyMs: 200 });
    await arm({ path: "/v1/customers", kind: "status", status: 429 });
    expect((await rawPost(h.url, "/v1/customers", { name: "a" })).status).toBe(502);
    const started = Date.now();
    expect((await rawPost(h.url, "/v1/customers", { name: "b" })).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect((await rawPost(h.url, "/v1/customers", { name: "c" })).status).toBe(429);
    expect((await rawPost(h.url, "/v1/customers", { name: "d" })).status).toBe(200);
  });

  it("matches the exact path only", async () => {
    await arm({ path: "/v1/customers", kind: "status", status: 500 });
    expect((await rawPost(h.url, "/v1/contract-pricing/products/create", { name: "p", type: "FIXED" })).status).toBe(200);
    expect((await rawPost(h.url, "/v1/customers", { name: "x" })).status).toBe(500);
  });

  it("disarms everything with DELETE", async () => {
    await arm({ path: "/v1/customers", kind: "status", status: 500, count: 5 });
    await arm({ path: CREATE, kind: "drop-after-apply" });
    expect((await control(h.url, "GET", "/_emulator/faults")).body.data).toHaveLength(2);
    expect((await control(h.url, "DELETE", "/_emulator/faults")).status).toBe(200);
    expect((await rawPost(h.url, "/v1/customers", { name: "x" })).status).toBe(200);
    expect((await control(h.url, "GET", "/_emulator/faults")).body.data).toEqual([]);
  });

  it.each([
    ["an unknown kind", { path: "/v1/customers", kind: "explode" }, /kind/],
    ["a path without a leading slash", { path: "v1/customers", kind: "latency", latencyMs: 1 }, /path/],
    ["status without a status", { path: "/v1/customers", kind: "status" }, /status is required/],
    ["latency without latencyMs", { path: "/v1/customers", kind: "latency" }, /latencyMs is required/],
    ["a count of 0", { path: "/v1/customers", kind: "status", status: 500, count: 0 }, /count/],
  ])("refuses %s", async (_name, fault, message) => {
    const res = await control(h.url, "POST", "/_emulator/faults", fault);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(message);
  });
});
