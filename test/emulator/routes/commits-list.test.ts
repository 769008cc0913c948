// customerCommits/list: read-back shapes, filters, limits and pagination.

import { beforeAll, describe, expect, it } from "vitest";
import {
  USD,
  UNKNOWN_ID,
  control,
  expectApiError,
  makeWorld,
  postpaid,
  prepaid,
  rawPost,
  readCommit,
  useEmulator,
  type World,
} from "../fixtures";

const h = useEmulator();
let w: World;

beforeAll(async () => {
  w = await makeWorld(h.client);
  await h.client.v1.customFields.addKey({ entity: "commit", key: "deal_id", enforce_uniqueness: false });
});

describe("the Commit read-back shape", () => {
  it("answers a PREPAID commit as Metronome does", async () => {
    const before = Date.now();
    const { data } = await h.client.v1.customers.commits.create(
      prepaid(w, {
        type: "prepaid",
        description: "internal note",
        uniqueness_key: "shape-1",
        applicable_contract_ids: [w.contractId],
        applicable_product_tags: ["api"],
        custom_fields: { deal_id: "D-1" },
        netsuite_sales_order_id: "SO-1",
        salesforce_opportunity_id: "OPP-1",
        invoice_schedule: { schedule_items: [{ timestamp: "2027-01-01T00:00:00+00:00", unit_price: 500_000, quantity: 2 }] },
      }),
    );
    const c = await readCommit(h.client, w.customerId, data.id);
    expect(c).toEqual({
      id: data.id,
      type: "PREPAID",
      rate_type: "LIST_RATE",
      name: "Acme 2027 prepaid",
      description: "internal note",
      priority: 100,
      product: { id: w.productId, name: "Prepaid commit" },
      access_schedule: {
        credit_type: { id: USD, name: "USD (cents)" },
        schedule_items: [
          { id: expect.stringMatching(/^[0-9a-f-]{36}$/), amount: 1_000_000, starting_at: "2027-01-01T00:00:00.000Z", ending_before: "2028-01-01T00:00:00.000Z" },
        ],
      },
      invoice_schedule: {
        credit_type: { id: USD, name: "USD (cents)" },
        do_not_invoice: false,
        schedule_items: [
          { id: expect.stringMatching(/^[0-9a-f-]{36}$/), timestamp: "2027-01-01T00:00:00.000Z", amount: 1_000_000, quantity: 2, unit_price: 500_000, invoice_id: null },
        ],
      },
      invoice_contract: { id: w.contractId },
      applicable_contract_ids: [w.contractId],
      applicable_product_tags: ["api"],
      custom_fields: { deal_id: "D-1" },
      netsuite_sales_order_id: "SO-1",
      salesforce_opportunity_id: "OPP-1",
      uniqueness_key: "shape-1",
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      created_by: "pulumi-metronome-emulator",
    });
    expect(Date.parse(c.created_at)).toBeGreaterThanOrEqual(before - 1);
    expect(c).not.toHaveProperty("archived_at");
  });

  it("answers amount-only invoice items with quantity 1 and unit_price = amount", async () => {
    const { data } = await h.client.v1.customers.commits.create(prepaid(w));
    const c = await readCommit(h.client, w.customerId, data.id);
    expect(c.invoice_schedule.schedule_items[0]).toMatchObject({ amount: 1_000_000, quantity: 1, unit_price: 1_000_000 });
  });

  it("keeps the rate_type it was given and upper-cases it", async () => {
    const { data } = await h.client.v1.customers.commits.create(postpaid(w, { type: "postpaid", rate_type: "commit_rate" }));
    const c = await readCommit(h.client, w.customerId, data.id);
    expect(c.type).toBe("POSTPAID");
    expect(c.rate_type).toBe("COMMIT_RATE");
  });

  it("answers specifiers and product ids, and the custom credit type by name", async () => {
    const { data } = await h.client.v1.customers.commits.create(
      prepaid(w, {
        specifiers: [{ product_id: w.usageProductId, presentation_group_values: { team: "a" } }],
        access_schedule: {
          credit_type_id: "7d3c2d34-64a7-4a0c-9d39-1b7b0e1a6c21",
          schedule_items: [{ amount: 10, starting_at: "2027-01-01T00:00:00Z", ending_before: "2027-02-01T00:00:00Z" }],
        },
      }),
    );
    const c = await readCommit(h.client, w.customerId, data.id);
    expect(c.specifiers).toEqual([{ product_id: w.usageProductId, presentation_group_values: { team: "a" } }]);
    expect(c.access_schedule.credit_type).toEqual({ id: "7d3c2d34-64a7-4a0c-9d39-1b7b0e1a6c21", name: "Cloud credits" });
  });

  it("sorts schedule items by time whatever the input order", async () => {
    const { data } = await h.client.v1.customers.commits.create(
      prepaid(w, {
        access_schedule: {
          schedule_items: [
            { amount: 2, starting_at: "2027-07-01T00:00:00Z", ending_before: "2028-01-01T00:00:00Z" },
            { amount: 1, starting_at: "2027-01-01T00:00:00Z", ending_before: "2027-07-01T00:00:00Z" },
          ],
        },
      }),
    );
    const c = await readCommit(h.client, w.customerId, data.id);
    expect(c.access_schedule.schedule_items.map((i: any) => i.amount)).toEqual([1, 2]);
  });
});

describe("list filters", () => {
  let world: World;
  let early: string; // 2026 only
  let late: string; // 2028 only
  let archived: string;

  beforeAll(async () => {
    world = await makeWorld(h.client);
    const span = (s: string, e: string) => ({ access_schedule: { schedule_items: [{ amount: 1, starting_at: s, ending_before: e }] }, invoice_schedule: undefined, invoice_contract_id: undefined });
    early = (await h.client.v1.customers.commits.create(prepaid(world, span("2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z")))).data.id;
    late = (await h.client.v1.customers.commits.create(prepaid(world, span("2028-01-01T00:00:00Z", "2029-01-01T00:00:00Z")))).data.id;
    archived = (await h.client.v1.customers.commits.create(prepaid(world, span("2026-01-01T00:00:00Z", "2029-01-01T00:00:00Z")))).data.id;
    await h.client.post("/v2/contracts/commits/archive", { body: { customer_id: world.customerId, commit_id: archived } });
  });

  const ids = async (extra: Record<string, unknown>) =>
    (await h.client.v1.customers.commits.list({ customer_id: world.customerId, ...extra })).data.map((c) => c.id);

  it("hides archived commits by default", async () => {
    expect(await ids({})).toEqual([early, late]);
  });

  it("shows archived commits, with archived_at, on include_archived", async () => {
    expect(await ids({ include_archived: true })).toEqual([early, late, archived]);
    const c = await readCommit(h.client, world.customerId, archived);
    expect(c.archived_at).toMatch(/\.\d{3}Z$/);
  });

  it.each([
    ["covering_date inside the first commit", { covering_date: "2026-06-01T00:00:00Z" }, () => [early]],
    ["covering_date at an exclusive end", { covering_date: "2027-01-01T00:00:00Z" }, () => []],
    ["covering_date at an inclusive start", { covering_date: "2028-01-01T00:00:00Z" }, () => [late]],
    ["starting_at: access on or after", { starting_at: "2027-06-01T00:00:00Z" }, () => [late]],
    ["effective_before: access before", { effective_before: "2027-06-01T00:00:00Z" }, () => [early]],
    ["effective_before is exclusive", { effective_before: "2026-01-01T00:00:00Z" }, () => []],
    ["commit_id", { commit_id: "LATE" }, () => [late]],
    ["include_contract_commits is accepted", { include_contract_commits: true }, () => [early, late]],
  ] as const)("filters by %s", async (_name, filter, expected) => {
    const f: Record<string, unknown> = { ...filter };
    if (f.commit_id === "LATE") f.commit_id = late;
    expect(await ids(f)).toEqual(expected());
  });

  it("finds nothing for an unknown commit_id", async () => {
    expect(await ids({ commit_id: UNKNOWN_ID })).toEqual([]);
  });
});

describe("include_balance and include_ledgers", () => {
  it("adds balance (segments available now) and a ledger", async () => {
    const world = await makeWorld(h.client);
    const { data } = await h.client.v1.customers.commits.create(
      prepaid(world, {
        invoice_schedule: undefined,
        invoice_contract_id: undefined,
        access_schedule: {
          schedule_items: [
            { amount: 700, starting_at: "2020-01-01T00:00:00Z", ending_before: "2100-01-01T00:00:00Z" },
            { amount: 300, starting_at: "2100-01-01T00:00:00Z", ending_before: "2101-01-01T00:00:00Z" },
          ],
        },
      }),
    );
    const plain = await readCommit(h.client, world.customerId, data.id);
    expect(plain).not.toHaveProperty("balance");
    expect(plain).not.toHaveProperty("ledger");
    const rich = await readCommit(h.client, world.customerId, data.id, { include_balance: true, include_ledgers: true });
    expect(rich.balance).toBe(700);
    expect(rich.ledger).toEqual([
      { type: "PREPAID_COMMIT_SEGMENT_START", amount: 700, segment_id: rich.access_schedule.schedule_items[0].id, timestamp: "2020-01-01T00:00:00.000Z" },
    ]);
    await h.client.post("/v2/contracts/commits/archive", { body: { customer_id: world.customerId, commit_id: data.id } });
    const gone = await readCommit(h.client, world.customerId, data.id, { include_balance: true, include_ledgers: true });
    expect(gone.balance).toBe(0);
    expect(gone.ledger).toBeNull();
  });
});

describe("list of a customer Metronome does not know", () => {
  it("answers 200 with no commits (the path declares only a 200)", async () => {
    const page = await h.client.v1.customers.commits.list({ customer_id: UNKNOWN_ID });
    expect(page.data).toEqual([]);
    expect(page.getPaginatedItems()).toEqual([]);
  });
});

describe("list request validation", () => {
  it.each([
    ["customer_id missing", {}, 400, /customer_id/],
    ["commit_id malformed", { commit_id: "nope" }, 400, /commit_id must be a uuid/],
    ["limit 0", { limit: 0 }, 400, /limit must be an integer between 1 and 25/],
    ["limit 26", { limit: 26 }, 400, /limit must be an integer between 1 and 25/],
    ["limit not an integer", { limit: 2.5 }, 400, /limit/],
    ["covering_date malformed", { covering_date: "yesterday" }, 400, /covering_date/],
    ["next_page not a cursor", { next_page: "garbage!" }, 400, /next_page is not a valid cursor/],
  ] as const)("refuses %s", async (_name, extra, status, message) => {
    const body: any = "customer_id" in extra ? { ...extra } : { customer_id: w.customerId, ...extra };
    if (_name === "customer_id missing") delete body.customer_id;
    await expectApiError(h.client.v1.customers.commits.list(body), status, message);
  });

  it("accepts limit 1 and 25", async () => {
    const one = await h.client.v1.customers.commits.list({ customer_id: w.customerId, limit: 1 });
    expect(one.data).toHaveLength(1);
    const max = await h.client.v1.customers.commits.list({ customer_id: w.customerId, limit: 25 });
    expect(max.data.length).toBeGreaterThan(1);
  });
});

describe("pagination", () => {
  let world: World;
  let created: string[];

  beforeAll(async () => {
    world = await makeWorld(h.client);
    created = [];
    for (let i = 0; i < 30; i++) {
      created.push((await h.client.v1.customers.commits.create(prepaid(world, { priority: 30 - i }))).data.id);
    }
  });

  it("answers 25 per page by default with an opaque next_page, then the rest", async () => {
    const first = await h.client.v1.customers.commits.list({ customer_id: world.customerId });
    expect(first.data.map((c) => c.id)).toEqual(created.slice(0, 25));
    expect(first.next_page).toEqual(expect.any(String));
    expect(first.next_page).not.toMatch(/^\d+$/);
    // Raw, because the SDK turns a null next_page into "".
    const second = await rawPost(h.url, "/v1/contracts/customerCommits/list", { customer_id: world.customerId, next_page: first.next_page });
    expect(second.body.data.map((c: any) => c.id)).toEqual(created.slice(25));
    expect(second.body.next_page).toBeNull();
  });

  it("iterates every commit once, in creation order, through the SDK", async () => {
    const seen: string[] = [];
    for await (const c of h.client.v1.customers.commits.list({ customer_id: world.customerId, limit: 7 })) seen.push(c.id);
    expect(seen).toEqual(created);
  });

  it("keeps its place when commits are created between pages", async () => {
    const first = await h.client.v1.customers.commits.list({ customer_id: world.customerId, limit: 10 });
    const extra = (await h.client.v1.customers.commits.create(prepaid(world))).data.id;
    const rest: string[] = [];
    let cursor: string | null = first.next_page;
    while (cursor) {
      const page = await h.client.v1.customers.commits.list({ customer_id: world.customerId, limit: 10, next_page: cursor });
      rest.push(...page.data.map((c) => c.id));
      cursor = page.next_page;
    }
    expect([...first.data.map((c) => c.id), ...rest]).toEqual([...created, extra]);
  });

  it("answers next_page null when the last page is exactly full", async () => {
    const world2 = await makeWorld(h.client);
    for (let i = 0; i < 2; i++) await h.client.v1.customers.commits.create(prepaid(world2));
    const page = await rawPost(h.url, "/v1/contracts/customerCommits/list", { customer_id: world2.customerId, limit: 2 });
    expect(page.body.data).toHaveLength(2);
    expect(page.body.next_page).toBeNull();
    // The control surface is untouched by listing.
    expect((await control(h.url, "GET", "/_emulator/health")).body).toEqual({ status: "ok" });
  });
});
