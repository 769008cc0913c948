// updateEndDate, v2 edit and archive on customer commits, including the
// refusals that depend on finalized invoices.

import { beforeAll, describe, expect, it } from "vitest";
import { UNKNOWN_ID, control, expectApiError, makeWorld, postpaid, prepaid, readCommit, useEmulator, type World } from "../fixtures";

const h = useEmulator();
let w: World;
beforeAll(async () => {
  w = await makeWorld(h.client);
});

const create = async (body: any): Promise<string> => (await h.client.v1.customers.commits.create(body)).data.id;
const archive = (customer_id: string, commit_id: string) =>
  h.client.post("/v2/contracts/commits/archive", { body: { customer_id, commit_id } }) as Promise<any>;
const finalize = (commit_id: string) => control(h.url, "POST", "/_emulator/finalize-invoices", { commit_id });

/** PREPAID: two half-year access items, two invoice items. */
const twoHalves = () =>
  prepaid(w, {
    access_schedule: {
      schedule_items: [
        { amount: 600, starting_at: "2027-01-01T00:00:00Z", ending_before: "2027-07-01T00:00:00Z" },
        { amount: 400, starting_at: "2027-07-01T00:00:00Z", ending_before: "2028-01-01T00:00:00Z" },
      ],
    },
    invoice_schedule: {
      schedule_items: [
        { timestamp: "2027-01-01T00:00:00Z", amount: 600 },
        { timestamp: "2027-07-01T00:00:00Z", amount: 400 },
      ],
    },
  });

describe("POST /v1/contracts/customerCommits/updateEndDate", () => {
  it("truncates the access item spanning the new end and removes the ones after it", async () => {
    const id = await create(twoHalves());
    const res = await h.client.v1.customers.commits.updateEndDate({ customer_id: w.customerId, commit_id: id, access_ending_before: "2027-04-01T00:00:00Z" });
    expect(res.data.id).toBe(id);
    const c = await readCommit(h.client, w.customerId, id);
    expect(c.access_schedule.schedule_items.map((i: any) => [i.amount, i.starting_at, i.ending_before])).toEqual([
      [600, "2027-01-01T00:00:00.000Z", "2027-04-01T00:00:00.000Z"],
    ]);
    expect(c.invoice_schedule.schedule_items).toHaveLength(2); // invoices untouched when not asked
  });

  it("removes invoice items at or after invoices_ending_before", async () => {
    const id = await create(twoHalves());
    await h.client.v1.customers.commits.updateEndDate({ customer_id: w.customerId, commit_id: id, invoices_ending_before: "2027-07-01T00:00:00Z" });
    const c = await readCommit(h.client, w.customerId, id);
    expect(c.invoice_schedule.schedule_items.map((i: any) => i.timestamp)).toEqual(["2027-01-01T00:00:00.000Z"]);
    expect(c.access_schedule.schedule_items).toHaveLength(2);
  });

  it.each([
    ["a POSTPAID commit", async () => ({ commit_id: await create(postpaid(w)), access_ending_before: "2027-06-01T00:00:00Z" }), 400, /only supports PREPAID/],
    ["a later end", async () => ({ commit_id: await create(twoHalves()), access_ending_before: "2029-01-01T00:00:00Z" }), 400, /earlier than the commit's current end/],
    ["the same end", async () => ({ commit_id: await create(twoHalves()), access_ending_before: "2028-01-01T00:00:00Z" }), 400, /only move earlier/],
    ["an end before the first start", async () => ({ commit_id: await create(twoHalves()), access_ending_before: "2027-01-01T00:00:00Z" }), 400, /after the commit's first access starting_at/],
    ["an end off the hour", async () => ({ commit_id: await create(twoHalves()), access_ending_before: "2027-04-01T00:00:10Z" }), 400, /access_ending_before .*hour/],
    ["an unknown commit", async () => ({ commit_id: UNKNOWN_ID, access_ending_before: "2027-04-01T00:00:00Z" }), 404, /commit not found/],
  ] as const)("refuses %s", async (_name, make, status, message) => {
    const extra = await make();
    await expectApiError(h.client.v1.customers.commits.updateEndDate({ customer_id: w.customerId, ...extra } as any), status, message);
  });

  it("changes nothing when given neither date (both are optional in the spec)", async () => {
    const id = await create(twoHalves());
    const before = await readCommit(h.client, w.customerId, id);
    const res = await h.client.v1.customers.commits.updateEndDate({ customer_id: w.customerId, commit_id: id });
    expect(res.data.id).toBe(id);
    expect(await readCommit(h.client, w.customerId, id)).toEqual(before);
  });

  it("answers an unknown customer with 404 (the path declares 400 and 404)", async () => {
    const id = await create(twoHalves());
    await expectApiError(h.client.v1.customers.commits.updateEndDate({ customer_id: UNKNOWN_ID, commit_id: id, access_ending_before: "2027-04-01T00:00:00Z" }), 404, /customer not found/);
  });

  it("refuses an archived commit", async () => {
    const id = await create(twoHalves());
    await archive(w.customerId, id);
    await expectApiError(h.client.v1.customers.commits.updateEndDate({ customer_id: w.customerId, commit_id: id, access_ending_before: "2027-04-01T00:00:00Z" }), 400, /archived/);
  });

  it("refuses to remove an invoice item on a finalized invoice", async () => {
    const id = await create(twoHalves());
    await finalize(id);
    await expectApiError(
      h.client.v1.customers.commits.updateEndDate({ customer_id: w.customerId, commit_id: id, invoices_ending_before: "2027-02-01T00:00:00Z" }),
      400,
      /finalized invoice/,
    );
  });
});

describe("POST /v2/contracts/commits/edit", () => {
  const edit = (body: any) => h.client.v2.contracts.editCommit({ customer_id: w.customerId, ...body });

  it("changes the scalar fields", async () => {
    const id = await create(prepaid(w));
    const product2 = (await h.client.v1.contracts.products.create({ name: "Commit v2", type: "FIXED" })).data.id;
    const contract2 = (await h.client.v1.contracts.create({ customer_id: w.customerId, starting_at: "2027-01-01T00:00:00Z" })).data.id;
    const res = await edit({ commit_id: id, name: "Renamed", description: "d", priority: 7.5, product_id: product2, rate_type: "COMMIT_RATE", invoice_contract_id: contract2 });
    expect(res.data.id).toBe(id);
    const c = await readCommit(h.client, w.customerId, id);
    expect(c).toMatchObject({ name: "Renamed", description: "d", priority: 7.5, product: { id: product2, name: "Commit v2" }, rate_type: "COMMIT_RATE", invoice_contract: { id: contract2 } });
  });

  it("sets and clears (null) the applicability lists, and stores hierarchy_configuration", async () => {
    const id = await create(prepaid(w));
    await edit({ commit_id: id, applicable_product_ids: [w.usageProductId], applicable_product_tags: ["api"], applicable_contract_ids: [w.contractId], hierarchy_configuration: { child_access: { type: "CONTRACT_IDS", contract_ids: [w.contractId] } } });
    let c = await readCommit(h.client, w.customerId, id);
    expect(c).toMatchObject({ applicable_product_ids: [w.usageProductId], applicable_product_tags: ["api"], applicable_contract_ids: [w.contractId], hierarchy_configuration: { child_access: { type: "CONTRACT_IDS", contract_ids: [w.contractId] } } });
    await edit({ commit_id: id, applicable_product_ids: null, applicable_product_tags: null, applicable_contract_ids: null });
    c = await readCommit(h.client, w.customerId, id);
    expect(c).not.toHaveProperty("applicable_product_ids");
    expect(c).not.toHaveProperty("applicable_product_tags");
    expect(c).not.toHaveProperty("applicable_contract_ids");
    await edit({ commit_id: id, specifiers: [{ product_tags: ["api"] }] });
    expect((await readCommit(h.client, w.customerId, id)).specifiers).toEqual([{ product_tags: ["api"] }]);
    await edit({ commit_id: id, specifiers: null });
    expect(await readCommit(h.client, w.customerId, id)).not.toHaveProperty("specifiers");
  });

  it("adds, updates and removes access items by id", async () => {
    const id = await create(twoHalves());
    const [first, second] = (await readCommit(h.client, w.customerId, id)).access_schedule.schedule_items;
    await edit({
      commit_id: id,
      access_schedule: {
        update_schedule_items: [{ id: first.id, amount: 650, ending_before: "2027-06-01T00:00:00Z" }],
        remove_schedule_items: [{ id: second.id }],
        add_schedule_items: [{ amount: 350, starting_at: "2027-06-01T00:00:00Z", ending_before: "2028-01-01T00:00:00Z" }],
      },
    });
    const items = (await readCommit(h.client, w.customerId, id)).access_schedule.schedule_items;
    expect(items.map((i: any) => [i.id === first.id, i.amount, i.starting_at, i.ending_before])).toEqual([
      [true, 650, "2027-01-01T00:00:00.000Z", "2027-06-01T00:00:00.000Z"],
      [false, 350, "2027-06-01T00:00:00.000Z", "2028-01-01T00:00:00.000Z"],
    ]);
    expect(items.some((i: any) => i.id === second.id)).toBe(false);
  });

  it("adds, updates and removes invoice items by id", async () => {
    const id = await create(twoHalves());
    const [first, second] = (await readCommit(h.client, w.customerId, id)).invoice_schedule.schedule_items;
    await edit({
      commit_id: id,
      invoice_schedule: {
        update_schedule_items: [{ id: first.id, unit_price: 300, quantity: 2, timestamp: "2027-02-01T00:00:00Z" }],
        remove_schedule_items: [{ id: second.id }],
        add_schedule_items: [{ timestamp: "2027-08-01T00:00:00Z", amount: 400 }],
      },
    });
    const items = (await readCommit(h.client, w.customerId, id)).invoice_schedule.schedule_items;
    expect(items.map((i: any) => [i.timestamp, i.amount, i.quantity, i.unit_price])).toEqual([
      ["2027-02-01T00:00:00.000Z", 600, 2, 300],
      ["2027-08-01T00:00:00.000Z", 400, 1, 400],
    ]);
  });

  it("keeps a POSTPAID commit valid when access and invoice change together", async () => {
    const id = await create(postpaid(w));
    const c = await readCommit(h.client, w.customerId, id);
    await edit({
      commit_id: id,
      access_schedule: { update_schedule_items: [{ id: c.access_schedule.schedule_items[0].id, amount: 900 }] },
      invoice_schedule: { update_schedule_items: [{ id: c.invoice_schedule.schedule_items[0].id, amount: 900 }] },
    });
    const after = await readCommit(h.client, w.customerId, id);
    expect(after.access_schedule.schedule_items[0].amount).toBe(900);
    expect(after.invoice_schedule.schedule_items[0].amount).toBe(900);
  });

  type Refusal = [string, () => Promise<any>, number, RegExp];
  const refusals: Refusal[] = [
    // The edit path declares only a 400 (code CustomerNotFound).
    ["an unknown commit", async () => ({ commit_id: UNKNOWN_ID, name: "x" }), 400, /commit not found/],
    ["an unknown customer", async () => ({ customer_id: UNKNOWN_ID, commit_id: await create(prepaid(w)), name: "x" }), 400, /customer not found/],
    ["another customer's commit", async () => { const o = await makeWorld(h.client); return { commit_id: await create(prepaid(o)), name: "x" }; }, 400, /commit not found/],
    ["an unknown access item id (update)", async () => ({ commit_id: await create(prepaid(w)), access_schedule: { update_schedule_items: [{ id: UNKNOWN_ID, amount: 1 }] } }), 400, /access_schedule.update_schedule_items\[0\].id .*not found/],
    ["an unknown access item id (remove)", async () => ({ commit_id: await create(prepaid(w)), access_schedule: { remove_schedule_items: [{ id: UNKNOWN_ID }] } }), 400, /access_schedule.remove_schedule_items\[0\].id .*not found/],
    ["an unknown invoice item id (update)", async () => ({ commit_id: await create(prepaid(w)), invoice_schedule: { update_schedule_items: [{ id: UNKNOWN_ID, amount: 1 }] } }), 400, /invoice_schedule.update_schedule_items\[0\].id .*not found/],
    ["an unknown invoice item id (remove)", async () => ({ commit_id: await create(prepaid(w)), invoice_schedule: { remove_schedule_items: [{ id: UNKNOWN_ID }] } }), 400, /invoice_schedule.remove_schedule_items\[0\].id .*not found/],
    ["applicable_contract_ids on POSTPAID", async () => ({ commit_id: await create(postpaid(w)), applicable_contract_ids: [w.contractId] }), 400, /applicable_contract_ids cannot be edited on POSTPAID/],
    ["POSTPAID totals drifting apart", async () => { const id = await create(postpaid(w)); const c = await readCommit(h.client, w.customerId, id); return { commit_id: id, access_schedule: { update_schedule_items: [{ id: c.access_schedule.schedule_items[0].id, amount: 1 }] } }; }, 400, /must equal the access_schedule amount/],
    ["a second POSTPAID access item", async () => ({ commit_id: await create(postpaid(w)), access_schedule: { add_schedule_items: [{ amount: 0, starting_at: "2028-01-01T00:00:00Z", ending_before: "2029-01-01T00:00:00Z" }] } }), 400, /exactly one item for POSTPAID/],
    ["removing every access item", async () => { const id = await create(prepaid(w)); const c = await readCommit(h.client, w.customerId, id); return { commit_id: id, access_schedule: { remove_schedule_items: [{ id: c.access_schedule.schedule_items[0].id }] } }; }, 400, /at least one item/],
    ["an update making start >= end", async () => { const id = await create(prepaid(w)); const c = await readCommit(h.client, w.customerId, id); return { commit_id: id, access_schedule: { update_schedule_items: [{ id: c.access_schedule.schedule_items[0].id, starting_at: "2028-01-01T00:00:00Z" }] } }; }, 400, /update_schedule_items\[0\]: starting_at .* must be before/],
    ["an added item off the hour", async () => ({ commit_id: await create(prepaid(w)), access_schedule: { add_schedule_items: [{ amount: 1, starting_at: "2028-01-01T00:15:00Z", ending_before: "2029-01-01T00:00:00Z" }] } }), 400, /add_schedule_items\[0\].starting_at .*hour/],
    ["specifiers next to applicable_product_ids", async () => ({ commit_id: await create(prepaid(w, { applicable_product_ids: [w.usageProductId] })), specifiers: [{ product_tags: ["api"] }] }), 400, /specifiers cannot be used together/],
    ["a USAGE product", async () => ({ commit_id: await create(prepaid(w)), product_id: w.usageProductId }), 400, /FIXED/],
    ["an empty CONTRACT_IDS hierarchy", async () => ({ commit_id: await create(prepaid(w)), hierarchy_configuration: { child_access: { type: "CONTRACT_IDS", contract_ids: [] } } }), 400, /contract_ids must contain at least one/],
    ["the same item updated and removed", async () => { const id = await create(twoHalves()); const c = await readCommit(h.client, w.customerId, id); const item = c.access_schedule.schedule_items[0].id; return { commit_id: id, access_schedule: { update_schedule_items: [{ id: item, amount: 1 }], remove_schedule_items: [{ id: item }] } }; }, 400, /both updated and removed/],
  ];

  it.each([
    ["priority: null (nullable in the spec) keeps the priority", { priority: null }, (c: any) => expect(c.priority).toBe(100)],
    ['name: "" (no minimum in the edit spec) is stored', { name: "" }, (c: any) => expect(c.name).toBe("")],
  ])("accepts %s", async (_name, change, expectCommit) => {
    const id = await create(prepaid(w));
    await edit({ commit_id: id, ...change });
    expectCommit(await readCommit(h.client, w.customerId, id));
  });

  it.each(refusals)("refuses %s", async (_name, make, status, message) => {
    await expectApiError(edit(await make()), status, message);
  });

  it("leaves the commit unchanged when it refuses", async () => {
    const id = await create(postpaid(w));
    const before = await readCommit(h.client, w.customerId, id);
    await expectApiError(
      edit({ commit_id: id, name: "should not stick", access_schedule: { update_schedule_items: [{ id: before.access_schedule.schedule_items[0].id, amount: 1 }] } }),
      400,
    );
    expect(await readCommit(h.client, w.customerId, id)).toEqual(before);
  });

  it("refuses to edit an archived commit", async () => {
    const id = await create(prepaid(w));
    await archive(w.customerId, id);
    await expectApiError(edit({ commit_id: id, name: "x" }), 400, /archived commits cannot be edited/);
  });

  describe("after invoices are finalized", () => {
    let id: string;
    let c: any;
    beforeAll(async () => {
      id = await create(twoHalves());
      const res = await finalize(id);
      expect(res.status).toBe(200);
      c = await readCommit(h.client, w.customerId, id);
    });

    it("answers each invoice item with its invoice_id", () => {
      for (const item of c.invoice_schedule.schedule_items) expect(item.invoice_id).toMatch(/^[0-9a-f-]{36}$/);
    });

    it.each([
      ["updating an invoice item", () => ({ invoice_schedule: { update_schedule_items: [{ id: c.invoice_schedule.schedule_items[0].id, amount: 1 }] } }), /finalized invoice and cannot be updated/],
      ["removing an invoice item", () => ({ invoice_schedule: { remove_schedule_items: [{ id: c.invoice_schedule.schedule_items[1].id }] } }), /finalized invoice and cannot be removed/],
      ["removing an access item applied to it", () => ({ access_schedule: { remove_schedule_items: [{ id: c.access_schedule.schedule_items[1].id }] } }), /applied to a finalized invoice/],
    ] as const)("refuses %s", async (_name, body, message) => {
      await expectApiError(edit({ commit_id: id, ...body() }), 400, message);
    });

    it("still allows other edits", async () => {
      await edit({ commit_id: id, name: "still editable", invoice_schedule: { add_schedule_items: [{ timestamp: "2027-10-01T00:00:00Z", amount: 5 }] } });
      const after = await readCommit(h.client, w.customerId, id);
      expect(after.name).toBe("still editable");
      expect(after.invoice_schedule.schedule_items).toHaveLength(3);
    });
  });
});

describe("POST /v2/contracts/commits/archive", () => {
  it("archives: hidden from list, archived_at set", async () => {
    const id = await create(prepaid(w));
    const res = await archive(w.customerId, id);
    expect(res).toEqual({ data: { id } });
    const visible = await h.client.v1.customers.commits.list({ customer_id: w.customerId, commit_id: id });
    expect(visible.data).toEqual([]);
    expect((await readCommit(h.client, w.customerId, id)).archived_at).toEqual(expect.any(String));
  });

  it("refuses an already archived commit with 400 and keeps archived_at", async () => {
    const id = await create(prepaid(w));
    await archive(w.customerId, id);
    const first = (await readCommit(h.client, w.customerId, id)).archived_at;
    await new Promise((r) => setTimeout(r, 5));
    await expectApiError(archive(w.customerId, id), 400, /archived/);
    expect((await readCommit(h.client, w.customerId, id)).archived_at).toBe(first);
  });

  it("refuses while the commit has finalized invoices", async () => {
    const id = await create(prepaid(w));
    await finalize(id);
    await expectApiError(archive(w.customerId, id), 400, /cannot be archived while it is on finalized invoices/);
    expect(await readCommit(h.client, w.customerId, id)).not.toHaveProperty("archived_at");
  });

  it("refuses a free commit whose access was applied to a finalized usage invoice", async () => {
    const id = await create(prepaid(w, { invoice_schedule: undefined, invoice_contract_id: undefined }));
    await finalize(id);
    await expectApiError(archive(w.customerId, id), 400, /finalized invoices/);
  });

  it("answers an unknown commit with 400 (the only error the path declares)", async () => {
    await expectApiError(archive(w.customerId, UNKNOWN_ID), 400, /commit not found/);
  });

  it("answers an unknown customer with 400 CustomerNotFound", async () => {
    const body = await expectApiError(archive(UNKNOWN_ID, UNKNOWN_ID), 400, /customer not found/);
    expect(body.code).toBe("CustomerNotFound");
  });

  it("requires commit_id", async () => {
    await expectApiError(h.client.post("/v2/contracts/commits/archive", { body: { customer_id: w.customerId } }) as Promise<any>, 400, /commit_id/);
  });
});

describe("the finalize-invoices control endpoint", () => {
  it("answers 404 for an unknown commit", async () => {
    const res = await finalize(UNKNOWN_ID);
    expect(res.status).toBe(404);
    expect(res.body.message).toMatch(/commit not found/);
  });
});
