// Custom-field keys (allow-list) and commit custom-field values.

import { beforeAll, describe, expect, it } from "vitest";
import { UNKNOWN_ID, expectApiError, makeWorld, prepaid, readCommit, useEmulator, type World } from "../fixtures";

const h = useEmulator();
let w: World;
beforeAll(async () => {
  w = await makeWorld(h.client);
  await h.client.v1.customFields.addKey({ entity: "commit", key: "deal_id", enforce_uniqueness: false });
  await h.client.v1.customFields.addKey({ entity: "commit", key: "owner", enforce_uniqueness: false });
  await h.client.v1.customFields.addKey({ entity: "customer", key: "segment", enforce_uniqueness: true });
});

describe("addKey / listKeys", () => {
  it("lists every key, or those of the given entities", async () => {
    const all = [];
    for await (const k of h.client.v1.customFields.listKeys({})) all.push(k);
    expect(all).toEqual([
      { entity: "commit", key: "deal_id", enforce_uniqueness: false },
      { entity: "commit", key: "owner", enforce_uniqueness: false },
      { entity: "customer", key: "segment", enforce_uniqueness: true },
    ]);
    const customer = await h.client.v1.customFields.listKeys({ entities: ["customer"] });
    expect(customer.data.map((k) => k.key)).toEqual(["segment"]);
  });

  it("treats adding an existing key as a no-op", async () => {
    await h.client.v1.customFields.addKey({ entity: "commit", key: "deal_id", enforce_uniqueness: false });
    const keys = await h.client.v1.customFields.listKeys({ entities: ["commit"] });
    expect(keys.data.filter((k) => k.key === "deal_id")).toHaveLength(1);
  });

  it.each([
    ["an unknown entity", { entity: "spaceship", key: "k", enforce_uniqueness: false }, /entity/],
    ["a missing key", { entity: "commit", enforce_uniqueness: false }, /key/],
    ["a key over 100 characters", { entity: "commit", key: "k".repeat(101), enforce_uniqueness: false }, /key must be between 1 and 100/],
    ["a missing enforce_uniqueness", { entity: "commit", key: "k" }, /enforce_uniqueness/],
  ] as const)("refuses %s", async (_name, body, message) => {
    await expectApiError(h.client.v1.customFields.addKey(body as any), 400, message);
  });
});

describe("setValues / deleteValues on commits", () => {
  it("overwrites the given keys and keeps the others", async () => {
    const id = (await h.client.v1.customers.commits.create(prepaid(w, { custom_fields: { deal_id: "D-1", owner: "ann" } }))).data.id;
    await h.client.v1.customFields.setValues({ entity: "commit", entity_id: id, custom_fields: { deal_id: "D-2" } });
    expect((await readCommit(h.client, w.customerId, id)).custom_fields).toEqual({ deal_id: "D-2", owner: "ann" });
    await h.client.v1.customFields.deleteValues({ entity: "commit", entity_id: id, keys: ["owner", "never-set"] });
    expect((await readCommit(h.client, w.customerId, id)).custom_fields).toEqual({ deal_id: "D-2" });
  });

  it("refuses a key not on the allow-list and writes nothing", async () => {
    const id = (await h.client.v1.customers.commits.create(prepaid(w))).data.id;
    await expectApiError(
      h.client.v1.customFields.setValues({ entity: "commit", entity_id: id, custom_fields: { deal_id: "D-9", region: "eu" } }),
      400,
      /custom_fields.region: .*not defined for entity commit/,
    );
    expect((await readCommit(h.client, w.customerId, id)).custom_fields).toEqual({});
  });

  it("refuses a key of another entity", async () => {
    const id = (await h.client.v1.customers.commits.create(prepaid(w))).data.id;
    await expectApiError(h.client.v1.customFields.setValues({ entity: "commit", entity_id: id, custom_fields: { segment: "smb" } }), 400, /segment/);
  });

  it("refuses a value over 200 characters and accepts 200", async () => {
    const id = (await h.client.v1.customers.commits.create(prepaid(w))).data.id;
    await expectApiError(h.client.v1.customFields.setValues({ entity: "commit", entity_id: id, custom_fields: { owner: "o".repeat(201) } }), 400, /at most 200/);
    await h.client.v1.customFields.setValues({ entity: "commit", entity_id: id, custom_fields: { owner: "o".repeat(200) } });
    expect((await readCommit(h.client, w.customerId, id)).custom_fields.owner).toHaveLength(200);
  });

  it("answers an unknown commit with 404", async () => {
    await expectApiError(h.client.v1.customFields.setValues({ entity: "commit", entity_id: UNKNOWN_ID, custom_fields: { owner: "x" } }), 404, /commit not found/);
    await expectApiError(h.client.v1.customFields.deleteValues({ entity: "commit", entity_id: UNKNOWN_ID, keys: ["owner"] }), 404, /commit not found/);
  });

  it("refuses archived commits", async () => {
    const id = (await h.client.v1.customers.commits.create(prepaid(w))).data.id;
    await h.client.post("/v2/contracts/commits/archive", { body: { customer_id: w.customerId, commit_id: id } });
    await expectApiError(h.client.v1.customFields.setValues({ entity: "commit", entity_id: id, custom_fields: { owner: "x" } }), 400, /archived/);
  });

  it("refuses entities other than commit and contract_credit", async () => {
    await expectApiError(h.client.v1.customFields.setValues({ entity: "customer", entity_id: w.customerId, custom_fields: { segment: "x" } }), 400, /entities commit and contract_credit only/);
  });
});
