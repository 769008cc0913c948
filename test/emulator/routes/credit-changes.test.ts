// updateEndDate, v2 edit and archive on customer credits, including the
// refusals that depend on finalized invoices and on archiving.

import { beforeAll, describe, expect, it } from "vitest";
import {
  UNKNOWN_ID,
  archiveCredit,
  control,
  credit,
  expectApiError,
  makeWorld,
  rawPost,
  readCredit,
  useEmulator,
  type World,
} from "../fixtures";

const h = useEmulator();
let w: World;
let other: World;
beforeAll(async () => {
  w = await makeWorld(h.client);
  other = await makeWorld(h.client);
});

const create = async (body: any): Promise<string> => (await h.client.v1.customers.credits.create(body)).data.id;
const finalize = (credit_id: string) => control(h.url, "POST", "/_emulator/finalize-invoices", { credit_id });
const editCredit = (body: Record<string, unknown>) => h.client.v2.contracts.editCredit(body as any);

/** Two half-year access items of 600 and 400. */
const twoHalves = () =>
  credit(w, {
    access_schedule: {
      schedule_items: [
        { amount: 600, starting_at: "2027-01-01T00:00:00Z", ending_before: "2027-07-01T00:00:00Z" },
        { amount: 400, starting_at: "2027-07-01T00:00:00Z", ending_before: "2028-01-01T00:00:00Z" },
      ],
    },
  });
const spans = (c: any) => c.access_schedule.schedule_items.map((i: any) => [i.amount, i.starting_at, i.ending_before]);

describe("POST /v1/contracts/customerCredits/updateEndDate", () => {
  it("cuts the access item spanning the new end and removes the ones after it", async () => {
    const id = await create(twoHalves());
    const res = await h.client.v1.customers.credits.updateEndDate({ customer_id: w.customerId, credit_id: id, access_ending_before: "2027-04-01T00:00:00Z" });
    expect(res).toEqual({ data: { id } });
    expect(spans(await readCredit(h.client, w.customerId, id))).toEqual([[600, "2027-01-01T00:00:00.000Z", "2027-04-01T00:00:00.000Z"]]);
  });

  it("ends exactly at an item boundary by removing the later item", async () => {
    const id = await create(twoHalves());
    await h.client.v1.customers.credits.updateEndDate({ customer_id: w.customerId, credit_id: id, access_ending_before: "2027-07-01T00:00:00Z" });
    expect(spans(await readCredit(h.client, w.customerId, id))).toEqual([[600, "2027-01-01T00:00:00.000Z", "2027-07-01T00:00:00.000Z"]]);
  });

  it.each([
    ["a missing access_ending_before (required for credits)", async () => ({ credit_id: await create(twoHalves()) }), 400, /access_ending_before is required/],
    ["a later end", async () => ({ credit_id: await create(twoHalves()), access_ending_before: "2029-01-01T00:00:00Z" }), 400, /earlier than the credit's current end/],
    ["the same end", async () => ({ credit_id: await create(twoHalves()), access_ending_before: "2028-01-01T00:00:00Z" }), 400, /only move earlier/],
    ["an end at the first start", async () => ({ credit_id: await create(twoHalves()), access_ending_before: "2027-01-01T00:00:00Z" }), 400, /after the credit's first access starting_at/],
    ["an end off the hour", async () => ({ credit_id: await create(twoHalves()), access_ending_before: "2027-04-01T00:00:10Z" }), 400, /access_ending_before .*hour/],
    ["a malformed credit_id", async () => ({ credit_id: "nope", access_ending_before: "2027-04-01T00:00:00Z" }), 400, /credit_id must be a uuid/],
    ["an unknown credit", async () => ({ credit_id: UNKNOWN_ID, access_ending_before: "2027-04-01T00:00:00Z" }), 404, /credit not found/],
    ["another customer's credit", async () => ({ credit_id: await create(credit(other)), access_ending_before: "2027-04-01T00:00:00Z" }), 404, /credit not found for customer/],
  ] as const)("refuses %s", async (_name, make, status, message) => {
    const extra = await make();
    await expectApiError(h.client.v1.customers.credits.updateEndDate({ customer_id: w.customerId, ...extra } as any), status, message);
  });

  it("answers an unknown customer with 404 CustomerNotFound (the path declares 400 and 404)", async () => {
    const id = await create(twoHalves());
    const body = await expectApiError(h.client.v1.customers.credits.updateEndDate({ customer_id: UNKNOWN_ID, credit_id: id, access_ending_before: "2027-04-01T00:00:00Z" }), 404, /customer not found/);
    expect(body.code).toBe("CustomerNotFound");
  });

  it("refuses an archived credit and a removal of an item applied to a finalized invoice, changing nothing", async () => {
    const archived = await create(twoHalves());
    await archiveCredit(h.client, w.customerId, archived);
    await expectApiError(h.client.v1.customers.credits.updateEndDate({ customer_id: w.customerId, credit_id: archived, access_ending_before: "2027-04-01T00:00:00Z" }), 400, /archived credits cannot be edited/);
    const finalized = await create(twoHalves());
    expect((await finalize(finalized)).status).toBe(200);
    const before = await readCredit(h.client, w.customerId, finalized);
    await expectApiError(h.client.v1.customers.credits.updateEndDate({ customer_id: w.customerId, credit_id: finalized, access_ending_before: "2027-04-01T00:00:00Z" }), 400, /finalized invoice/);
    expect(await readCredit(h.client, w.customerId, finalized)).toEqual(before);
  });
});

describe("POST /v2/contracts/credits/edit", () => {
  it("changes the shared fields the way a commit edit does", async () => {
    const id = await create(credit(w, { description: "old", applicable_product_tags: ["api"] }));
    const product = (await h.client.v1.contracts.products.create({ name: "Promo", type: "FIXED" })).data.id;
    const res = await editCredit({
      customer_id: w.customerId,
      credit_id: id,
      name: "Renamed",
      description: "new",
      priority: 3,
      product_id: product,
      rate_type: "COMMIT_RATE",
      applicable_contract_ids: [w.contractId],
      applicable_product_ids: [w.usageProductId],
      applicable_product_tags: null,
      hierarchy_configuration: { child_access: { type: "CONTRACT_IDS", contract_ids: [w.contractId] } },
    });
    expect(res).toEqual({ data: { id } });
    const c = await readCredit(h.client, w.customerId, id);
    expect(c).toMatchObject({
      name: "Renamed",
      description: "new",
      priority: 3,
      product: { id: product, name: "Promo" },
      rate_type: "COMMIT_RATE",
      applicable_contract_ids: [w.contractId],
      applicable_product_ids: [w.usageProductId],
      hierarchy_configuration: { child_access: { type: "CONTRACT_IDS", contract_ids: [w.contractId] } },
    });
    expect(c).not.toHaveProperty("applicable_product_tags");
  });

  it("clears with null, keeps the priority on priority: null, and stores name: \"\"", async () => {
    const id = await create(credit(w, { applicable_contract_ids: [w.contractId], specifiers: [{ product_tags: ["api"] }] }));
    await editCredit({ customer_id: w.customerId, credit_id: id, applicable_contract_ids: null, specifiers: null, priority: null, name: "" });
    const c = await readCredit(h.client, w.customerId, id);
    expect(c).not.toHaveProperty("applicable_contract_ids");
    expect(c).not.toHaveProperty("specifiers");
    expect(c.priority).toBe(10);
    expect(c.name).toBe("");
  });

  it("adds, updates and removes access items by id", async () => {
    const id = await create(twoHalves());
    const [first, second] = (await readCredit(h.client, w.customerId, id)).access_schedule.schedule_items;
    await editCredit({
      customer_id: w.customerId,
      credit_id: id,
      access_schedule: {
        update_schedule_items: [{ id: first.id, amount: 650, ending_before: "2027-06-01T00:00:00Z" }],
        remove_schedule_items: [{ id: second.id }],
        add_schedule_items: [{ amount: 100, starting_at: "2028-01-01T00:00:00Z", ending_before: "2029-01-01T00:00:00Z" }],
      },
    });
    const c = await readCredit(h.client, w.customerId, id);
    expect(spans(c)).toEqual([
      [650, "2027-01-01T00:00:00.000Z", "2027-06-01T00:00:00.000Z"],
      [100, "2028-01-01T00:00:00.000Z", "2029-01-01T00:00:00.000Z"],
    ]);
    expect(c.access_schedule.schedule_items[0].id).toBe(first.id);
  });

  it.each<[string, (id: string, items: any[]) => Record<string, unknown>, number, RegExp]>([
    ["a removal of every access item", (_id, items) => ({ access_schedule: { remove_schedule_items: items.map((i) => ({ id: i.id })) } }), 400, /must contain at least one item/],
    ["an unknown schedule item", () => ({ access_schedule: { update_schedule_items: [{ id: UNKNOWN_ID, amount: 1 }] } }), 400, /schedule item not found on this credit/],
    ["an item both updated and removed", (_id, items) => ({ access_schedule: { update_schedule_items: [{ id: items[0].id, amount: 1 }], remove_schedule_items: [{ id: items[0].id }] } }), 400, /cannot be both updated and removed/],
    ["an update that empties the range", (_id, items) => ({ access_schedule: { update_schedule_items: [{ id: items[0].id, ending_before: "2027-01-01T00:00:00Z" }] } }), 400, /must be before ending_before/],
    ["an added item off the hour", () => ({ access_schedule: { add_schedule_items: [{ amount: 1, starting_at: "2028-01-01T00:30:00Z", ending_before: "2029-01-01T00:00:00Z" }] } }), 400, /hour boundary/],
    ["a negative amount", (_id, items) => ({ access_schedule: { update_schedule_items: [{ id: items[0].id, amount: -5 }] } }), 400, /amount must be at least 0/],
    ["specifiers with applicable product tags", () => ({ specifiers: [{ product_tags: ["api"] }], applicable_product_tags: ["api"] }), 400, /specifiers cannot be used together/],
    ["a product that is not FIXED", () => ({ product_id: w.usageProductId }), 400, /a credit's product must be a FIXED product/],
    ["an unknown product", () => ({ product_id: UNKNOWN_ID }), 400, /product not found/],
    ["another customer's contract", () => ({ applicable_contract_ids: [other.contractId] }), 400, /applicable_contract_ids\[0\] .*contract not found/],
    ["a rate_type outside the enum", () => ({ rate_type: "DISCOUNT" }), 400, /rate_type must be one of/],
    ["a hierarchy without contract ids", () => ({ hierarchy_configuration: { child_access: { type: "CONTRACT_IDS", contract_ids: [] } } }), 400, /contract_ids must contain at least one/],
  ])("refuses %s and changes nothing", async (_name, make, status, message) => {
    const id = await create(twoHalves());
    const before = await readCredit(h.client, w.customerId, id);
    await expectApiError(editCredit({ customer_id: w.customerId, credit_id: id, ...make(id, before.access_schedule.schedule_items) }), status, message);
    expect(await readCredit(h.client, w.customerId, id)).toEqual(before);
  });

  it("refuses to remove an access item applied to a finalized invoice", async () => {
    const id = await create(twoHalves());
    await finalize(id);
    const [first] = (await readCredit(h.client, w.customerId, id)).access_schedule.schedule_items;
    await expectApiError(editCredit({ customer_id: w.customerId, credit_id: id, access_schedule: { remove_schedule_items: [{ id: first.id }] } }), 400, /applied to a finalized invoice; void the invoice first/);
  });

  it("answers an unknown customer with 400 CustomerNotFound and an unknown or foreign credit with 400", async () => {
    const id = await create(credit(w));
    const body = await expectApiError(editCredit({ customer_id: UNKNOWN_ID, credit_id: id, name: "x" }), 400, /customer not found/);
    expect(body.code).toBe("CustomerNotFound");
    await expectApiError(editCredit({ customer_id: w.customerId, credit_id: UNKNOWN_ID, name: "x" }), 400, /credit not found/);
    await expectApiError(editCredit({ customer_id: other.customerId, credit_id: id, name: "x" }), 400, /credit not found for customer/);
  });

  it("does not edit a commit through the credit path", async () => {
    const commitId = (await h.client.v1.customers.commits.create({
      customer_id: w.customerId, type: "PREPAID", product_id: w.productId, priority: 1,
      access_schedule: { schedule_items: [{ amount: 1, starting_at: "2027-01-01T00:00:00Z", ending_before: "2028-01-01T00:00:00Z" }] },
    })).data.id;
    await expectApiError(editCredit({ customer_id: w.customerId, credit_id: commitId, name: "x" }), 400, /credit not found/);
  });

  it("refuses an archived credit", async () => {
    const id = await create(credit(w));
    await archiveCredit(h.client, w.customerId, id);
    await expectApiError(editCredit({ customer_id: w.customerId, credit_id: id, name: "x" }), 400, /archived credits cannot be edited/);
  });
});

describe("POST /v2/contracts/credits/archive", () => {
  it("archives: answers { data: { id } } and the credit leaves the default list", async () => {
    const id = await create(credit(w));
    const res = await rawPost(h.url, "/v2/contracts/credits/archive", { customer_id: w.customerId, credit_id: id });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: { id } });
    const listed = await h.client.v1.customers.credits.list({ customer_id: w.customerId, credit_id: id });
    expect(listed.data).toEqual([]);
  });

  it.each<[string, () => Promise<Record<string, unknown>>, RegExp, string | undefined]>([
    ["a second archive", async () => {
      const id = await create(credit(w));
      await archiveCredit(h.client, w.customerId, id);
      return { customer_id: w.customerId, credit_id: id };
    }, /already archived/, undefined],
    ["a credit applied to a finalized invoice", async () => {
      const id = await create(credit(w));
      await finalize(id);
      return { customer_id: w.customerId, credit_id: id };
    }, /void those invoices first/, undefined],
    ["an unknown customer", async () => ({ customer_id: UNKNOWN_ID, credit_id: await create(credit(w)) }), /customer not found/, "CustomerNotFound"],
    ["an unknown credit", async () => ({ customer_id: w.customerId, credit_id: UNKNOWN_ID }), /credit not found/, undefined],
    ["another customer's credit", async () => ({ customer_id: w.customerId, credit_id: await create(credit(other)) }), /credit not found for customer/, undefined],
    ["a missing credit_id", async () => ({ customer_id: w.customerId }), /credit_id is required/, undefined],
  ])("refuses %s with 400 (the only status the path declares)", async (_name, make, message, code) => {
    const body = await expectApiError(h.client.post("/v2/contracts/credits/archive", { body: await make() }) as Promise<unknown>, 400, message);
    expect(body.code).toBe(code);
  });
});

describe("the finalize-invoices control endpoint with a credit", () => {
  it.each([
    ["an unknown credit", () => ({ credit_id: UNKNOWN_ID }), 404, /credit not found/],
    ["both ids", () => ({ credit_id: UNKNOWN_ID, commit_id: UNKNOWN_ID }), 400, /exactly one of commit_id or credit_id/],
    ["neither id", () => ({}), 400, /exactly one of commit_id or credit_id/],
  ] as const)("answers %s with %i", async (_name, make, status, message) => {
    const res = await control(h.url, "POST", "/_emulator/finalize-invoices", make());
    expect(res.status).toBe(status);
    expect(res.body.message).toMatch(message);
  });

  it("marks the credit's access items and answers no invoice ids", async () => {
    const id = await create(credit(w));
    const res = await finalize(id);
    expect(res.body).toEqual({ data: { id, invoice_ids: [] } });
  });
});
