// customerCredits/list: the Credit read-back shape, archived credits,
// filters, balance and ledger, validation and pagination.

import { beforeAll, describe, expect, it } from "vitest";
import {
  USD,
  UNKNOWN_ID,
  archiveCredit,
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

beforeAll(async () => {
  w = await makeWorld(h.client);
  await h.client.v1.customFields.addKey({ entity: "contract_credit", key: "promo", enforce_uniqueness: false });
});

const LIST = "/v1/contracts/customerCredits/list";
const MILLIS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe("the Credit read-back shape", () => {
  it("answers exactly the spec's Credit fields, timestamps with milliseconds", async () => {
    const { data } = await h.client.v1.customers.credits.create(
      credit(w, {
        rate_type: "commit_rate",
        description: "onboarding",
        uniqueness_key: "credit-shape-1",
        applicable_contract_ids: [w.contractId],
        applicable_product_tags: ["api"],
        custom_fields: { promo: "P-1" },
        netsuite_sales_order_id: "SO-9",
        salesforce_opportunity_id: "OPP-9",
        access_schedule: { schedule_items: [{ amount: 50_000, starting_at: "2027-01-01T01:00:00+01:00", ending_before: "2028-01-01T00:00:00Z" }] },
      }),
    );
    const c = await readCredit(h.client, w.customerId, data.id);
    expect(c).toEqual({
      id: data.id,
      type: "CREDIT",
      rate_type: "COMMIT_RATE",
      name: "Acme 2027 credit",
      description: "onboarding",
      priority: 10,
      product: { id: w.productId, name: "Prepaid commit" },
      access_schedule: {
        credit_type: { id: USD, name: "USD (cents)" },
        schedule_items: [
          { id: expect.stringMatching(/^[0-9a-f-]{36}$/), amount: 50_000, starting_at: "2027-01-01T00:00:00.000Z", ending_before: "2028-01-01T00:00:00.000Z" },
        ],
      },
      applicable_contract_ids: [w.contractId],
      applicable_product_tags: ["api"],
      custom_fields: { promo: "P-1" },
      netsuite_sales_order_id: "SO-9",
      salesforce_opportunity_id: "OPP-9",
      uniqueness_key: "credit-shape-1",
    });
    expect(c.access_schedule.schedule_items[0].starting_at).toMatch(MILLIS);
  });

  it.each(["archived_at", "created_at", "created_by", "invoice_schedule", "invoice_contract", "balance", "ledger"])(
    "answers no %s unless asked for it",
    async (field) => {
      const { data } = await h.client.v1.customers.credits.create(credit(w));
      expect(await readCredit(h.client, w.customerId, data.id)).not.toHaveProperty(field);
    },
  );

  it("defaults rate_type to LIST_RATE and answers custom_fields as {}", async () => {
    const { data } = await h.client.v1.customers.credits.create(credit(w));
    const c = await readCredit(h.client, w.customerId, data.id);
    expect(c.rate_type).toBe("LIST_RATE");
    expect(c.custom_fields).toEqual({});
  });

  it("answers specifiers, applicable product ids and a custom credit type by name", async () => {
    const withSpecifiers = (await h.client.v1.customers.credits.create(
      credit(w, {
        specifiers: [{ product_id: w.usageProductId, presentation_group_values: { team: "a" } }],
        access_schedule: { credit_type_id: "7d3c2d34-64a7-4a0c-9d39-1b7b0e1a6c21", schedule_items: [{ amount: 10, starting_at: "2027-01-01T00:00:00Z", ending_before: "2027-02-01T00:00:00Z" }] },
      }),
    )).data.id;
    const a = await readCredit(h.client, w.customerId, withSpecifiers);
    expect(a.specifiers).toEqual([{ product_id: w.usageProductId, presentation_group_values: { team: "a" } }]);
    expect(a.access_schedule.credit_type).toEqual({ id: "7d3c2d34-64a7-4a0c-9d39-1b7b0e1a6c21", name: "Cloud credits" });
    const withIds = (await h.client.v1.customers.credits.create(credit(w, { applicable_product_ids: [w.usageProductId] }))).data.id;
    const b = await readCredit(h.client, w.customerId, withIds);
    expect(b.applicable_product_ids).toEqual([w.usageProductId]);
    expect(b).not.toHaveProperty("specifiers");
  });

  it("answers empty filter lists as absent", async () => {
    const { data } = await h.client.v1.customers.credits.create(credit(w, { applicable_contract_ids: [], applicable_product_ids: [], applicable_product_tags: [], specifiers: [] }));
    const c = await readCredit(h.client, w.customerId, data.id);
    for (const field of ["applicable_contract_ids", "applicable_product_ids", "applicable_product_tags", "specifiers"]) expect(c).not.toHaveProperty(field);
  });

  it("sorts access items by time whatever the input order", async () => {
    const { data } = await h.client.v1.customers.credits.create(
      credit(w, {
        access_schedule: {
          schedule_items: [
            { amount: 2, starting_at: "2027-07-01T00:00:00Z", ending_before: "2028-01-01T00:00:00Z" },
            { amount: 1, starting_at: "2027-01-01T00:00:00Z", ending_before: "2027-07-01T00:00:00Z" },
          ],
        },
      }),
    );
    const c = await readCredit(h.client, w.customerId, data.id);
    expect(c.access_schedule.schedule_items.map((i: any) => i.amount)).toEqual([1, 2]);
  });
});

describe("archived credits and list filters", () => {
  let world: World;
  let early: string; // 2026 only
  let late: string; // 2028 only
  let archived: string;

  beforeAll(async () => {
    world = await makeWorld(h.client);
    const span = (s: string, e: string) => ({ access_schedule: { schedule_items: [{ amount: 1, starting_at: s, ending_before: e }] } });
    early = (await h.client.v1.customers.credits.create(credit(world, span("2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z")))).data.id;
    late = (await h.client.v1.customers.credits.create(credit(world, span("2028-01-01T00:00:00Z", "2029-01-01T00:00:00Z")))).data.id;
    archived = (await h.client.v1.customers.credits.create(credit(world, span("2026-01-01T00:00:00Z", "2029-01-01T00:00:00Z")))).data.id;
    await archiveCredit(h.client, world.customerId, archived);
  });

  const ids = async (extra: Record<string, unknown>) =>
    (await h.client.v1.customers.credits.list({ customer_id: world.customerId, ...extra })).data.map((c) => c.id);

  it("hides an archived credit by default, even when asked for by credit_id", async () => {
    expect(await ids({})).toEqual([early, late]);
    expect(await ids({ credit_id: archived })).toEqual([]);
  });

  it("shows an archived credit on include_archived, with nothing in it saying so", async () => {
    expect(await ids({ include_archived: true })).toEqual([early, late, archived]);
    const archivedView = await readCredit(h.client, world.customerId, archived);
    const liveView = await readCredit(h.client, world.customerId, early);
    expect(archivedView).not.toHaveProperty("archived_at");
    expect(Object.keys(archivedView).sort()).toEqual(Object.keys(liveView).sort());
  });

  it.each([
    ["covering_date inside the first credit", { covering_date: "2026-06-01T00:00:00Z" }, () => [early]],
    ["covering_date at an exclusive end", { covering_date: "2027-01-01T00:00:00Z" }, () => []],
    ["covering_date at an inclusive start", { covering_date: "2028-01-01T00:00:00Z" }, () => [late]],
    ["starting_at: access on or after", { starting_at: "2027-06-01T00:00:00Z" }, () => [late]],
    ["effective_before: access before", { effective_before: "2027-06-01T00:00:00Z" }, () => [early]],
    ["effective_before is exclusive", { effective_before: "2026-01-01T00:00:00Z" }, () => []],
    ["credit_id", { credit_id: "LATE" }, () => [late]],
    ["an unknown credit_id", { credit_id: UNKNOWN_ID }, () => []],
    ["include_contract_credits is accepted", { include_contract_credits: true }, () => [early, late]],
    ["include_archived with covering_date", { include_archived: true, covering_date: "2028-06-01T00:00:00Z" }, () => [late, archived]],
  ] as const)("filters by %s", async (_name, filter, expected) => {
    const f: Record<string, unknown> = { ...filter };
    if (f.credit_id === "LATE") f.credit_id = late;
    expect(await ids(f)).toEqual(expected());
  });

  it("does not list a commit id as a credit", async () => {
    const commitId = (await h.client.v1.customers.commits.create({
      customer_id: world.customerId, type: "PREPAID", product_id: world.productId, priority: 1,
      access_schedule: { schedule_items: [{ amount: 1, starting_at: "2027-01-01T00:00:00Z", ending_before: "2028-01-01T00:00:00Z" }] },
    })).data.id;
    expect(await ids({ credit_id: commitId, include_archived: true })).toEqual([]);
  });
});

describe("include_balance and include_ledgers", () => {
  it("adds the balance available now and one CREDIT_SEGMENT_START per started segment; archived: 0 and null", async () => {
    const world = await makeWorld(h.client);
    const { data } = await h.client.v1.customers.credits.create(
      credit(world, {
        access_schedule: {
          schedule_items: [
            { amount: 700, starting_at: "2020-01-01T00:00:00Z", ending_before: "2100-01-01T00:00:00Z" },
            { amount: 300, starting_at: "2100-01-01T00:00:00Z", ending_before: "2101-01-01T00:00:00Z" },
          ],
        },
      }),
    );
    const rich = await readCredit(h.client, world.customerId, data.id, { include_balance: true, include_ledgers: true });
    expect(rich.balance).toBe(700);
    expect(rich.ledger).toEqual([
      { type: "CREDIT_SEGMENT_START", amount: 700, segment_id: rich.access_schedule.schedule_items[0].id, timestamp: "2020-01-01T00:00:00.000Z" },
    ]);
    await archiveCredit(h.client, world.customerId, data.id);
    const gone = await readCredit(h.client, world.customerId, data.id, { include_balance: true, include_ledgers: true });
    expect(gone.balance).toBe(0);
    expect(gone.ledger).toBeNull();
  });
});

describe("list of a customer Metronome does not know", () => {
  it("answers 200 with no credits (the path declares only a 200)", async () => {
    const res = await rawPost(h.url, LIST, { customer_id: UNKNOWN_ID });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: [], next_page: null });
  });
});

describe("list request validation", () => {
  it.each([
    ["customer_id missing", { customer_id: undefined }, /customer_id is required/],
    ["credit_id malformed", { credit_id: "nope" }, /credit_id must be a uuid/],
    ["limit 0", { limit: 0 }, /limit must be an integer between 1 and 25/],
    ["limit 26", { limit: 26 }, /limit must be an integer between 1 and 25/],
    ["limit not an integer", { limit: 2.5 }, /limit/],
    ["covering_date malformed", { covering_date: "yesterday" }, /covering_date must be an RFC 3339/],
    ["starting_at malformed", { starting_at: 5 }, /starting_at must be an RFC 3339/],
    ["include_archived not a boolean", { include_archived: "yes" }, /include_archived must be a boolean/],
    ["include_contract_credits not a boolean", { include_contract_credits: 1 }, /include_contract_credits must be a boolean/],
    ["next_page not a cursor", { next_page: "garbage!" }, /next_page is not a valid cursor/],
  ] as const)("refuses %s with 400", async (_name, extra, message) => {
    const res = await rawPost(h.url, LIST, { customer_id: w.customerId, ...extra });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(message);
  });
});

describe("pagination", () => {
  let world: World;
  let created: string[];

  beforeAll(async () => {
    world = await makeWorld(h.client);
    created = [];
    for (let i = 0; i < 27; i++) created.push((await h.client.v1.customers.credits.create(credit(world, { priority: 27 - i }))).data.id);
  });

  it("answers 25 per page by default with an opaque next_page, then the rest and null", async () => {
    const first = await rawPost(h.url, LIST, { customer_id: world.customerId });
    expect(first.body.data.map((c: any) => c.id)).toEqual(created.slice(0, 25));
    expect(first.body.next_page).toEqual(expect.any(String));
    const second = await rawPost(h.url, LIST, { customer_id: world.customerId, next_page: first.body.next_page });
    expect(second.body.data.map((c: any) => c.id)).toEqual(created.slice(25));
    expect(second.body.next_page).toBeNull();
  });

  it("iterates every credit once, in creation order, through the SDK", async () => {
    const seen: string[] = [];
    for await (const c of h.client.v1.customers.credits.list({ customer_id: world.customerId, limit: 4 })) seen.push(c.id);
    expect(seen).toEqual(created);
  });

  it("keeps its place when credits are created between pages", async () => {
    const first = await h.client.v1.customers.credits.list({ customer_id: world.customerId, limit: 10 });
    const extra = (await h.client.v1.customers.credits.create(credit(world))).data.id;
    created.push(extra);
    const rest: string[] = [];
    let cursor: string | null = first.next_page;
    while (cursor) {
      const page = await h.client.v1.customers.credits.list({ customer_id: world.customerId, limit: 10, next_page: cursor });
      rest.push(...page.data.map((c) => c.id));
      cursor = page.next_page;
    }
    expect([...first.data.map((c) => c.id), ...rest]).toEqual(created);
  });
});

describe("refusals that carry a status", () => {
  it("answers an unauthorised list with 401", async () => {
    const res = await fetch(h.url + LIST, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ customer_id: w.customerId }) });
    expect(res.status).toBe(401);
  });

  it("answers a GET on the list path with 405", async () => {
    await expectApiError(h.client.get(LIST) as Promise<unknown>, 405);
  });
});
