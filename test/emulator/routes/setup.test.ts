// The set-up endpoints commits refer to: customers, products, contracts,
// credit types.

import { beforeAll, describe, expect, it } from "vitest";
import { USD, UNKNOWN_ID, expectApiError, rawPost, useEmulator } from "../fixtures";

const h = useEmulator();

describe("POST /v1/customers", () => {
  it("answers the customer under data", async () => {
    const res = await h.client.v1.customers.create({ name: "Acme", ingest_aliases: ["acme"] });
    expect(res.data).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), name: "Acme", external_id: res.data.id, ingest_aliases: ["acme"], custom_fields: {} });
    expect((await h.client.v1.customers.retrieve({ customer_id: res.data.id })).data.name).toBe("Acme");
  });

  it("retrieves the customer in the SDK's CustomerDetail shape", async () => {
    const res = await h.client.v1.customers.create({ name: "Detail", external_id: "ext-1", custom_fields: {} });
    const detail = (await h.client.v1.customers.retrieve({ customer_id: res.data.id })).data;
    expect(detail).toEqual({
      id: res.data.id,
      name: "Detail",
      external_id: "ext-1",
      ingest_aliases: [],
      custom_fields: {},
      created_at: expect.any(String),
      updated_at: detail.created_at,
      customer_config: { salesforce_account_id: null },
      archived_at: null,
    });
    expect(Number.isNaN(Date.parse(detail.created_at))).toBe(false);
  });

  it("refuses a missing name", async () => {
    await expectApiError(h.client.v1.customers.create({} as any), 400, /name/);
  });

  it("answers an unknown customer id with 404", async () => {
    await expectApiError(h.client.v1.customers.retrieve({ customer_id: UNKNOWN_ID }), 404, /customer not found/);
  });
});

describe("POST /v1/contract-pricing/products/create", () => {
  it.each(["FIXED", "USAGE", "COMPOSITE", "SUBSCRIPTION", "PRO_SERVICE", "fixed"])("creates a %s product", async (type) => {
    const res = await h.client.v1.contracts.products.create({ name: "P", type: type as any });
    expect(Object.keys(res.data)).toEqual(["id"]);
  });

  it.each([
    ["a missing type", { name: "P" }, /type/],
    ["an unknown type", { name: "P", type: "BUNDLE" }, /type must be one of/],
    ["a missing name", { type: "FIXED" }, /name/],
  ] as const)("refuses %s", async (_name, body, message) => {
    await expectApiError(h.client.v1.contracts.products.create(body as any), 400, message);
  });
});

describe("POST /v1/contracts/create", () => {
  let customerId: string;
  beforeAll(async () => {
    customerId = (await h.client.v1.customers.create({ name: "Contracts Inc" })).data.id;
  });

  it("creates a contract for an existing customer", async () => {
    const res = await h.client.v1.contracts.create({ customer_id: customerId, starting_at: "2027-01-01T00:00:00Z", name: "MSA" });
    expect(res.data.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("refuses an unknown customer with 404", async () => {
    await expectApiError(h.client.v1.contracts.create({ customer_id: UNKNOWN_ID, starting_at: "2027-01-01T00:00:00Z" }), 404, /customer not found/);
  });

  it.each([
    ["a missing starting_at", { }, /starting_at/],
    ["an ending_before not after starting_at", { starting_at: "2027-01-01T00:00:00Z", ending_before: "2026-01-01T00:00:00Z" }, /ending_before must be after starting_at/],
  ] as const)("refuses %s", async (_name, extra, message) => {
    await expectApiError(h.client.v1.contracts.create({ customer_id: customerId, ...extra } as any), 400, message);
  });

  it("refuses a reused uniqueness_key with 409", async () => {
    await h.client.v1.contracts.create({ customer_id: customerId, starting_at: "2027-01-01T00:00:00Z", uniqueness_key: "c-1" });
    await expectApiError(h.client.v1.contracts.create({ customer_id: customerId, starting_at: "2027-01-01T00:00:00Z", uniqueness_key: "c-1" }), 409, /uniqueness key/);
  });
});

describe("GET /v1/credit-types/list", () => {
  it("is pre-seeded with USD (cents) and a custom pricing unit", async () => {
    const all = [];
    for await (const ct of h.client.v1.pricingUnits.list()) all.push(ct);
    expect(all).toContainEqual({ id: USD, name: "USD (cents)", is_currency: true });
    expect(all).toContainEqual({ id: "7d3c2d34-64a7-4a0c-9d39-1b7b0e1a6c21", name: "Cloud credits", is_currency: false });
  });

  it("pages with limit and next_page", async () => {
    const first = await h.client.v1.pricingUnits.list({ limit: 2 });
    expect(first.data).toHaveLength(2);
    expect(first.next_page).toEqual(expect.any(String));
    const seen = [];
    for await (const ct of h.client.v1.pricingUnits.list({ limit: 1 })) seen.push(ct.id);
    expect(seen).toHaveLength(3);
    expect(new Set(seen).size).toBe(3);
  });

  it("refuses a limit out of range", async () => {
    await expectApiError(h.client.v1.pricingUnits.list({ limit: 0 }), 400, /limit/);
  });

  it("answers GET only", async () => {
    const res = await rawPost(h.url, "/v1/credit-types/list", {});
    expect(res.status).toBe(405);
  });
});
