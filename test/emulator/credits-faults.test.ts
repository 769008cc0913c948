// Faults, latency and Idempotency-Key on the credit paths: they are matched
// by exact path like every other Metronome path.

import * as http from "node:http";
import { beforeAll, describe, expect, it } from "vitest";
import Metronome from "@metronome/sdk";
import { startEmulator } from "../../emulator/index";
import { TOKEN, clientFor, control, credit, makeWorld, rawPost, useEmulator, type World } from "./fixtures";

const h = useEmulator();
let w: World;
beforeAll(async () => {
  w = await makeWorld(h.client);
});

const CREATE = "/v1/contracts/customerCredits/create";
const LIST = "/v1/contracts/customerCredits/list";
const EDIT = "/v2/contracts/credits/edit";
const ARCHIVE = "/v2/contracts/credits/archive";
const END = "/v1/contracts/customerCredits/updateEndDate";

const arm = async (fault: Record<string, unknown>) => expect((await control(h.url, "POST", "/_emulator/faults", fault)).status).toBe(200);
const count = async (customerId: string) =>
  (await h.client.v1.customers.credits.list({ customer_id: customerId, include_archived: true })).data.length;
const newCredit = async (world: World) => (await h.client.v1.customers.credits.create(credit(world))).data.id;

describe("a status fault on each credit path", () => {
  it.each<[string, (world: World) => Promise<Record<string, unknown>>]>([
    [CREATE, async (world) => credit(world)],
    [LIST, async (world) => ({ customer_id: world.customerId })],
    [END, async (world) => ({ customer_id: world.customerId, credit_id: await newCredit(world), access_ending_before: "2027-06-01T00:00:00Z" })],
    [EDIT, async (world) => ({ customer_id: world.customerId, credit_id: await newCredit(world), name: "faulted" })],
    [ARCHIVE, async (world) => ({ customer_id: world.customerId, credit_id: await newCredit(world) })],
  ])("%s answers the armed status, then serves the next request", async (path, make) => {
    const world = await makeWorld(h.client);
    const body = await make(world);
    await arm({ path, kind: "status", status: 503, retryAfterSeconds: 2 });
    const refused = await rawPost(h.url, path, body);
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("2");
    expect((await rawPost(h.url, path, body)).status).toBe(200);
  });

  it("applies nothing when it refuses a create", async () => {
    const world = await makeWorld(h.client);
    await arm({ path: CREATE, kind: "status", status: 429 });
    await expect(h.client.v1.customers.credits.create(credit(world))).rejects.toBeInstanceOf(Metronome.RateLimitError);
    expect(await count(world.customerId)).toBe(0);
  });

  it("leaves the commit path alone", async () => {
    await arm({ path: CREATE, kind: "status", status: 500 });
    const commits = await rawPost(h.url, "/v1/contracts/customerCommits/list", { customer_id: w.customerId });
    expect(commits.status).toBe(200);
    expect((await rawPost(h.url, CREATE, credit(w))).status).toBe(500);
  });
});

describe("faults after apply on a credit create", () => {
  it("status-after-apply creates once and replays the 5xx for the same Idempotency-Key", async () => {
    const world = await makeWorld(h.client);
    await arm({ path: CREATE, kind: "status-after-apply", status: 502 });
    const body = credit(world);
    const first = await rawPost(h.url, CREATE, body, { "idempotency-key": "credit-saa-1" });
    expect(first.status).toBe(502);
    const retry = await rawPost(h.url, CREATE, body, { "idempotency-key": "credit-saa-1" });
    expect(retry.status).toBe(502);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await count(world.customerId)).toBe(1);
  });

  it("drop-after-apply creates, drops the connection and logs status 0", async () => {
    const world = await makeWorld(h.client);
    await arm({ path: CREATE, kind: "drop-after-apply" });
    const outcome = await new Promise<string>((resolve) => {
      const req = http.request(`${h.url}${CREATE}`, { method: "POST", headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" } }, (res) =>
        resolve(`answered ${res.statusCode}`),
      );
      req.on("error", (e: NodeJS.ErrnoException) => resolve(`error ${e.code}`));
      req.end(JSON.stringify(credit(world)));
    });
    expect(outcome).toBe("error ECONNRESET");
    expect(await count(world.customerId)).toBe(1);
    expect((await control(h.url, "GET", "/_emulator/requests")).body.data).toContainEqual({ method: "POST", path: CREATE, status: 0 });
  });
});

describe("Idempotency-Key on credit writes", () => {
  it("replays a credit create for the same key and body, and refuses the key with another body", async () => {
    const world = await makeWorld(h.client);
    const body = credit(world);
    const a = await h.client.v1.customers.credits.create(body, { headers: { "Idempotency-Key": "credit-idem-1" } });
    const b = await h.client.v1.customers.credits.create(body, { headers: { "Idempotency-Key": "credit-idem-1" } });
    expect(b.data.id).toBe(a.data.id);
    expect(await count(world.customerId)).toBe(1);
    const other = await rawPost(h.url, CREATE, credit(world, { priority: 2 }), { "idempotency-key": "credit-idem-1" });
    expect(other.status).toBe(409);
  });

  it("does not store a refusal: the same key runs again once the body is fixed", async () => {
    const world = await makeWorld(h.client);
    const bad = await rawPost(h.url, CREATE, credit(world, { priority: "high" }), { "idempotency-key": "credit-idem-2" });
    expect(bad.status).toBe(400);
    const good = await rawPost(h.url, CREATE, credit(world), { "idempotency-key": "credit-idem-2" });
    expect(good.status).toBe(200);
  });
});

describe("latency", () => {
  it("a latency fault on a credit path waits, then serves", async () => {
    await arm({ path: LIST, kind: "latency", latencyMs: 250 });
    const started = Date.now();
    const res = await rawPost(h.url, LIST, { customer_id: w.customerId });
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
  });

  it("latencyMs delays the credit paths too", async () => {
    const slow = await startEmulator({ bearerToken: TOKEN, latencyMs: 200 });
    try {
      const started = Date.now();
      const res = await clientFor(slow.url).v1.customers.credits.list({ customer_id: w.customerId });
      expect(res.data).toEqual([]);
      expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    } finally {
      await slow.close();
    }
  });
});
