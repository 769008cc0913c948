// The Idempotency-Key header: replay of the stored answer of a request that
// passed validation (a 5xx after applying included, a refusal never), 409 on
// reuse with other parameters, scope per bearer token.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "../../emulator/index";
import { TOKEN, UNKNOWN_ID, clientFor, control, makeWorld, prepaid, rawPost, useEmulator, type World } from "./fixtures";

const h = useEmulator();
let w: World;
beforeAll(async () => {
  w = await makeWorld(h.client);
});

const CREATE = "/v1/contracts/customerCommits/create";
const count = async (customerId: string) =>
  (await h.client.v1.customers.commits.list({ customer_id: customerId, include_archived: true })).data.length;

describe("Idempotency-Key", () => {
  it("replays the stored answer for the same key and body, creating once", async () => {
    const world = await makeWorld(h.client);
    const body = prepaid(world);
    const first = await h.client.v1.customers.commits.create(body, { headers: { "Idempotency-Key": "create-1" } });
    const second = await h.client.v1.customers.commits.create(body, { headers: { "Idempotency-Key": "create-1" } });
    expect(second.data.id).toBe(first.data.id);
    expect(await count(world.customerId)).toBe(1);
  });

  it("treats the same JSON in another key order as the same body", async () => {
    const world = await makeWorld(h.client);
    const body = prepaid(world);
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const a = await rawPost(h.url, CREATE, body, { "idempotency-key": "order-1" });
    const b = await rawPost(h.url, CREATE, reordered, { "idempotency-key": "order-1" });
    expect(b.status).toBe(200);
    expect(b.body).toEqual(a.body);
    expect(b.headers.get("idempotent-replayed")).toBe("true");
  });

  it.each([
    ["a field error", (world: World) => prepaid(world, { custom_fields: { late_key: "v" } }), 400, async () => {
      await h.client.v1.customFields.addKey({ entity: "commit", key: "late_key", enforce_uniqueness: false });
    }],
    ["an unknown customer", (world: World) => prepaid(world, { customer_id: UNKNOWN_ID }), 404, async () => undefined],
  ])("stores no answer for %s: the same key runs again", async (_name, make, status, fix) => {
    const world = await makeWorld(h.client);
    const key = `refused-${status}`;
    const first = await rawPost(h.url, CREATE, make(world), { "idempotency-key": key });
    expect(first.status).toBe(status);
    await fix();
    const again = await rawPost(h.url, CREATE, make(world), { "idempotency-key": key });
    expect(again.headers.get("idempotent-replayed")).toBeNull();
    expect(again.status).toBe(status === 400 ? 200 : 404);
  });

  it("runs again after a fault that refused before applying", async () => {
    const world = await makeWorld(h.client);
    const body = prepaid(world);
    await control(h.url, "POST", "/_emulator/faults", { path: CREATE, kind: "status", status: 503 });
    expect((await rawPost(h.url, CREATE, body, { "idempotency-key": "refused-503" })).status).toBe(503);
    const again = await rawPost(h.url, CREATE, body, { "idempotency-key": "refused-503" });
    expect(again.status).toBe(200);
    expect(again.headers.get("idempotent-replayed")).toBeNull();
    expect(await count(world.customerId)).toBe(1);
  });

  it("answers 409 for the same key with a different body, and applies nothing", async () => {
    const world = await makeWorld(h.client);
    await rawPost(h.url, CREATE, prepaid(world), { "idempotency-key": "diff-1" });
    const res = await rawPost(h.url, CREATE, prepaid(world, { priority: 1 }), { "idempotency-key": "diff-1" });
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/Idempotency-Key/);
    expect(await count(world.customerId)).toBe(1);
  });

  it("answers 409 for the same key on another path", async () => {
    const res1 = await rawPost(h.url, "/v1/customers", { name: "a" }, { "idempotency-key": "path-1" });
    expect(res1.status).toBe(200);
    const res2 = await rawPost(h.url, "/v1/contract-pricing/products/create", { name: "a" }, { "idempotency-key": "path-1" });
    expect(res2.status).toBe(409);
  });

  it("runs every request without a key", async () => {
    const world = await makeWorld(h.client);
    await h.client.v1.customers.commits.create(prepaid(world));
    await h.client.v1.customers.commits.create(prepaid(world));
    expect(await count(world.customerId)).toBe(2);
  });
});

describe("Idempotency-Key scope", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "emu-idem-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("is per bearer token", async () => {
    const dataFile = path.join(dir, "state.json");
    const a = await startEmulator({ bearerToken: "token-a", dataFile });
    const customerA = await clientFor(a.url, "token-a").v1.customers.create({ name: "x" }, { headers: { "Idempotency-Key": "k" } });
    await a.close();
    // Same state, another token: the key is free again.
    const b = await startEmulator({ bearerToken: "token-b", dataFile });
    try {
      const customerB = await clientFor(b.url, "token-b").v1.customers.create({ name: "x" }, { headers: { "Idempotency-Key": "k" } });
      expect(customerB.data.id).not.toBe(customerA.data.id);
      expect(fs.readFileSync(dataFile, "utf8")).not.toContain("token-a");
    } finally {
      await b.close();
    }
    expect(TOKEN).not.toBe("token-a");
  });
});
