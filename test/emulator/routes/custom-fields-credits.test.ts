// Custom fields on credits: the `contract_credit` allow-list and values set
// and deleted through setValues / deleteValues, kept apart from commits.

import { beforeAll, describe, expect, it } from "vitest";
import {
  UNKNOWN_ID,
  archiveCredit,
  credit,
  expectApiError,
  makeWorld,
  prepaid,
  readCommit,
  readCredit,
  useEmulator,
  type World,
} from "../fixtures";

const h = useEmulator();
let w: World;
beforeAll(async () => {
  w = await makeWorld(h.client);
  await h.client.v1.customFields.addKey({ entity: "contract_credit", key: "promo", enforce_uniqueness: false });
  await h.client.v1.customFields.addKey({ entity: "contract_credit", key: "owner", enforce_uniqueness: false });
  await h.client.v1.customFields.addKey({ entity: "commit", key: "deal_id", enforce_uniqueness: false });
});

const newCredit = async (extra: Record<string, unknown> = {}) => (await h.client.v1.customers.credits.create(credit(w, extra))).data.id;
const newCommit = async () => (await h.client.v1.customers.commits.create(prepaid(w))).data.id;

describe("addKey / listKeys with entity contract_credit", () => {
  it("lists the credit keys apart from the commit keys", async () => {
    const credits = await h.client.v1.customFields.listKeys({ entities: ["contract_credit"] });
    expect(credits.data).toEqual([
      { entity: "contract_credit", key: "promo", enforce_uniqueness: false },
      { entity: "contract_credit", key: "owner", enforce_uniqueness: false },
    ]);
  });
});

describe("setValues / deleteValues on credits", () => {
  it("overwrites the given keys, keeps the others, and deletes", async () => {
    const id = await newCredit({ custom_fields: { promo: "P-1", owner: "ann" } });
    await h.client.v1.customFields.setValues({ entity: "contract_credit", entity_id: id, custom_fields: { promo: "P-2" } });
    expect((await readCredit(h.client, w.customerId, id)).custom_fields).toEqual({ promo: "P-2", owner: "ann" });
    await h.client.v1.customFields.deleteValues({ entity: "contract_credit", entity_id: id, keys: ["owner", "never-set"] });
    expect((await readCredit(h.client, w.customerId, id)).custom_fields).toEqual({ promo: "P-2" });
  });

  it("accepts the entity in upper case like the other enums", async () => {
    const id = await newCredit();
    await h.client.v1.customFields.setValues({ entity: "CONTRACT_CREDIT" as any, entity_id: id, custom_fields: { owner: "bo" } });
    expect((await readCredit(h.client, w.customerId, id)).custom_fields).toEqual({ owner: "bo" });
  });

  it.each<[string, Record<string, string>, RegExp]>([
    ["a key not on any allow-list", { promo: "P-9", region: "eu" }, /custom_fields.region: .*not defined for entity contract_credit/],
    ["a key of entity commit", { deal_id: "D-1" }, /custom_fields.deal_id: .*not defined for entity contract_credit/],
    ["a value over 200 characters", { owner: "o".repeat(201) }, /at most 200/],
  ])("refuses %s and writes nothing", async (_name, values, message) => {
    const id = await newCredit();
    await expectApiError(h.client.v1.customFields.setValues({ entity: "contract_credit", entity_id: id, custom_fields: values }), 400, message);
    expect((await readCredit(h.client, w.customerId, id)).custom_fields).toEqual({});
  });

  it("refuses a credit key on a commit", async () => {
    const id = await newCommit();
    await expectApiError(h.client.v1.customFields.setValues({ entity: "commit", entity_id: id, custom_fields: { promo: "P" } }), 400, /not defined for entity commit/);
    expect((await readCommit(h.client, w.customerId, id)).custom_fields).toEqual({});
  });

  it.each<[string, "commit" | "contract_credit", () => Promise<string>, RegExp]>([
    ["a commit id under contract_credit", "contract_credit", newCommit, /credit not found/],
    ["a credit id under commit", "commit", () => newCredit(), /commit not found/],
    ["an unknown id under contract_credit", "contract_credit", async () => UNKNOWN_ID, /credit not found/],
  ])("answers %s with 404 (setValues and deleteValues)", async (_name, entity, id, message) => {
    const entity_id = await id();
    await expectApiError(h.client.v1.customFields.setValues({ entity, entity_id, custom_fields: { owner: "x" } }), 404, message);
    await expectApiError(h.client.v1.customFields.deleteValues({ entity, entity_id, keys: ["owner"] }), 404, message);
  });

  it("refuses archived credits", async () => {
    const id = await newCredit({ custom_fields: { owner: "ann" } });
    await archiveCredit(h.client, w.customerId, id);
    await expectApiError(h.client.v1.customFields.setValues({ entity: "contract_credit", entity_id: id, custom_fields: { owner: "x" } }), 400, /archived credits cannot be edited/);
    await expectApiError(h.client.v1.customFields.deleteValues({ entity: "contract_credit", entity_id: id, keys: ["owner"] }), 400, /archived credits cannot be edited/);
    expect((await readCredit(h.client, w.customerId, id)).custom_fields).toEqual({ owner: "ann" });
  });
});
