// customerCredits/create: every rule with a refused and an accepted case, and
// the uniqueness-key space it shares with commits.

import { beforeAll, describe, expect, it } from "vitest";
import {
  UNKNOWN_ID,
  archiveCredit,
  credit,
  expectApiError,
  makeWorld,
  prepaid,
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
  await h.client.v1.customFields.addKey({ entity: "contract_credit", key: "promo", enforce_uniqueness: false });
  await h.client.v1.customFields.addKey({ entity: "commit", key: "deal_id", enforce_uniqueness: false });
});

const item = (starting_at: string, ending_before: string, amount = 1000) => ({ amount, starting_at, ending_before });
const access = (...items: unknown[]) => ({ access_schedule: { schedule_items: items } });

type Case = [string, (w: World) => any, number, RegExp];

const refused: Case[] = [
  ["customer_id missing", (w) => ({ ...credit(w), customer_id: undefined }), 400, /customer_id/],
  ["customer_id not a uuid", (w) => credit(w, { customer_id: "acme" }), 400, /customer_id must be a uuid/],
  ["customer unknown", (w) => credit(w, { customer_id: UNKNOWN_ID }), 404, /customer_id .*customer not found/],
  ["priority missing", (w) => credit(w, { priority: undefined }), 400, /priority is required/],
  ["priority not a number", (w) => credit(w, { priority: "1" }), 400, /priority/],
  ["product_id missing", (w) => credit(w, { product_id: undefined }), 400, /product_id is required/],
  ["product unknown", (w) => credit(w, { product_id: UNKNOWN_ID }), 400, /product_id .*product not found/],
  ["product not FIXED", (w) => credit(w, { product_id: w.usageProductId }), 400, /product_id .*a credit's product must be a FIXED product/],
  ["access_schedule missing", (w) => credit(w, { access_schedule: undefined }), 400, /access_schedule is required/],
  ["access_schedule not an object", (w) => credit(w, { access_schedule: [] }), 400, /access_schedule must be an object/],
  ["access items missing", (w) => credit(w, { access_schedule: {} }), 400, /access_schedule.schedule_items is required/],
  ["access items empty", (w) => credit(w, access()), 400, /access_schedule.schedule_items must contain at least one/],
  ["access amount missing", (w) => credit(w, access({ starting_at: "2027-01-01T00:00:00Z", ending_before: "2028-01-01T00:00:00Z" })), 400, /schedule_items\[0\].amount/],
  ["access amount negative", (w) => credit(w, access(item("2027-01-01T00:00:00Z", "2028-01-01T00:00:00Z", -1))), 400, /amount must be at least 0/],
  ["an empty range", (w) => credit(w, access(item("2027-01-01T00:00:00Z", "2027-01-01T00:00:00Z"))), 400, /schedule_items\[0\].*must be before ending_before/],
  ["a reversed range", (w) => credit(w, access(item("2028-01-01T00:00:00Z", "2027-01-01T00:00:00Z"))), 400, /must be before ending_before/],
  ["a timestamp that is not RFC 3339", (w) => credit(w, access(item("2027-01-01", "2028-01-01T00:00:00Z"))), 400, /starting_at must be an RFC 3339 timestamp/],
  ["a timestamp off the hour", (w) => credit(w, access(item("2027-01-01T00:30:00Z", "2028-01-01T00:00:00Z"))), 400, /schedule_items\[0\].starting_at .*hour boundary/],
  ["an ending_before off the hour", (w) => credit(w, access(item("2027-01-01T00:00:00Z", "2028-01-01T00:00:01Z"))), 400, /schedule_items\[0\].ending_before .*hour boundary/],
  ["an unknown credit type", (w) => credit(w, { access_schedule: { credit_type_id: UNKNOWN_ID, schedule_items: [item("2027-01-01T00:00:00Z", "2028-01-01T00:00:00Z")] } }), 400, /access_schedule.credit_type_id .*credit type not found/],
  ["an unknown applicable contract", (w) => credit(w, { applicable_contract_ids: [UNKNOWN_ID] }), 400, /applicable_contract_ids\[0\] .*contract not found/],
  ["another customer's contract", (w) => credit(w, { applicable_contract_ids: [other.contractId] }), 400, /applicable_contract_ids\[0\] .*contract not found/],
  ["an unknown applicable product", (w) => credit(w, { applicable_product_ids: [UNKNOWN_ID] }), 400, /applicable_product_ids\[0\]/],
  ["an applicable product id that is not a uuid", (w) => credit(w, { applicable_product_ids: ["api"] }), 400, /applicable_product_ids\[0\] must be a uuid/],
  ["an unknown specifier product", (w) => credit(w, { specifiers: [{ product_id: UNKNOWN_ID }] }), 400, /specifiers\[0\].product_id/],
  ["specifiers with applicable_product_ids", (w) => credit(w, { specifiers: [{ product_tags: ["api"] }], applicable_product_ids: [w.usageProductId] }), 400, /specifiers cannot be used together with applicable_product_ids or applicable_product_tags/],
  ["specifiers with applicable_product_tags", (w) => credit(w, { specifiers: [{ product_tags: ["api"] }], applicable_product_tags: ["api"] }), 400, /specifiers cannot be used together/],
  ["rate_type unknown", (w) => credit(w, { rate_type: "DISCOUNT_RATE" }), 400, /rate_type must be one of COMMIT_RATE, LIST_RATE/],
  ["a mixed-case rate_type", (w) => credit(w, { rate_type: "List_Rate" }), 400, /rate_type must be one of/],
  ["name empty", (w) => credit(w, { name: "" }), 400, /name must be at least 1/],
  ["uniqueness_key empty", (w) => credit(w, { uniqueness_key: "" }), 400, /uniqueness_key must be between 1 and 128/],
  ["uniqueness_key of 129 characters", (w) => credit(w, { uniqueness_key: "k".repeat(129) }), 400, /uniqueness_key must be between 1 and 128/],
  ["a custom field key not on the allow-list", (w) => credit(w, { custom_fields: { region: "eu" } }), 400, /custom_fields.region: .*not defined for entity contract_credit/],
  ["a custom field key of entity commit only", (w) => credit(w, { custom_fields: { deal_id: "D-1" } }), 400, /custom_fields.deal_id: .*not defined for entity contract_credit/],
  ["a custom field value over 200 characters", (w) => credit(w, { custom_fields: { promo: "x".repeat(201) } }), 400, /custom_fields.promo must be at most 200/],
];

describe("POST /v1/contracts/customerCredits/create refuses", () => {
  it.each(refused)("%s", async (_name, build, status, message) => {
    await expectApiError(h.client.v1.customers.credits.create(build(w)), status, message);
  });

  it("refuses an unknown customer with code CustomerNotFound", async () => {
    const body = await expectApiError(h.client.v1.customers.credits.create(credit(w, { customer_id: UNKNOWN_ID })), 404);
    expect(body.code).toBe("CustomerNotFound");
  });

  it("creates nothing when it refuses", async () => {
    const fresh = await makeWorld(h.client);
    await expectApiError(h.client.v1.customers.credits.create(credit(fresh, { specifiers: [{ product_tags: ["api"] }], applicable_product_tags: ["api"] })), 400);
    const page = await h.client.v1.customers.credits.list({ customer_id: fresh.customerId, include_archived: true });
    expect(page.data).toEqual([]);
  });
});

type Accepted = [string, (w: World) => any];

const accepted: Accepted[] = [
  ["the required fields only", (w) => ({ customer_id: w.customerId, product_id: w.productId, priority: 1, access_schedule: access(item("2027-01-01T00:00:00Z", "2028-01-01T00:00:00Z")).access_schedule })],
  ["several access items", (w) => credit(w, access(item("2027-01-01T00:00:00Z", "2027-07-01T00:00:00Z"), item("2027-07-01T00:00:00Z", "2028-01-01T00:00:00Z")))],
  ["a fractional amount", (w) => credit(w, access(item("2027-01-01T00:00:00Z", "2028-01-01T00:00:00Z", 0.5)))],
  ["a UTC offset that lands on a whole hour", (w) => credit(w, access(item("2027-01-01T02:00:00+02:00", "2028-01-01T00:00:00.000Z")))],
  ["lower-case rate_type", (w) => credit(w, { rate_type: "commit_rate" })],
  ["a custom pricing unit", (w) => credit(w, { access_schedule: { credit_type_id: "7d3c2d34-64a7-4a0c-9d39-1b7b0e1a6c21", schedule_items: [item("2027-01-01T00:00:00Z", "2028-01-01T00:00:00Z")] } })],
  ["specifiers alone", (w) => credit(w, { specifiers: [{ product_id: w.usageProductId, pricing_group_values: { region: "eu" } }] })],
  ["applicable products, tags and contracts together", (w) => credit(w, { applicable_product_ids: [w.usageProductId], applicable_product_tags: ["api"], applicable_contract_ids: [w.contractId] })],
  ["specifiers with empty product filters", (w) => credit(w, { specifiers: [{ product_tags: ["api"] }], applicable_product_ids: [] })],
  ["a uniqueness key of 128 characters", (w) => credit(w, { uniqueness_key: "c".repeat(128) })],
  ["an allowed custom field of 200 characters", (w) => credit(w, { custom_fields: { promo: "p".repeat(200) } })],
  ["the commit-only fields, ignored (no strict mode)", (w) => credit(w, { type: "PREPAID", invoice_contract_id: w.contractId, invoice_schedule: { schedule_items: [{ timestamp: "2027-01-01T00:00:00Z", amount: 1 }] } })],
];

describe("POST /v1/contracts/customerCredits/create accepts", () => {
  it.each(accepted)("%s", async (_name, build) => {
    const res = await h.client.v1.customers.credits.create(build(w));
    expect(res.data.id).toMatch(/^[0-9a-f-]{36}$/);
    const c = await readCredit(h.client, w.customerId, res.data.id);
    expect(c.id).toBe(res.data.id);
    expect(c.type).toBe("CREDIT");
  });

  it("answers { data: { id } } and nothing else", async () => {
    const res = await rawPost(h.url, "/v1/contracts/customerCredits/create", credit(w));
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(["data"]);
    expect(Object.keys(res.body.data)).toEqual(["id"]);
  });

  it("stores none of the commit-only fields it ignored", async () => {
    const res = await h.client.v1.customers.credits.create(
      credit(w, { type: "POSTPAID", invoice_contract_id: w.contractId, hierarchy_configuration: { child_access: { type: "ALL" } } } as any),
    );
    const c = await readCredit(h.client, w.customerId, res.data.id);
    expect(c.type).toBe("CREDIT");
    expect(c).not.toHaveProperty("invoice_contract");
    expect(c).not.toHaveProperty("invoice_schedule");
    expect(c).not.toHaveProperty("hierarchy_configuration");
  });

  it("is not a commit: the commit list does not show it", async () => {
    const fresh = await makeWorld(h.client);
    await h.client.v1.customers.credits.create(credit(fresh));
    const commits = await h.client.v1.customers.commits.list({ customer_id: fresh.customerId, include_archived: true });
    expect(commits.data).toEqual([]);
  });
});

describe("the uniqueness-key space shared with commits", () => {
  const message = "This uniqueness key has already been used.";
  type KeyCase = [string, (key: string) => Promise<unknown>, (key: string) => Promise<unknown>];
  const commitOf = (x: () => World) => (key: string) => h.client.v1.customers.commits.create(prepaid(x(), { uniqueness_key: key }));
  const creditOf = (x: () => World) => (key: string) => h.client.v1.customers.credits.create(credit(x(), { uniqueness_key: key }));

  it.each<KeyCase>([
    ["a credit's key refuses a second credit", creditOf(() => w), creditOf(() => w)],
    ["a credit's key refuses a credit of another customer", creditOf(() => w), creditOf(() => other)],
    ["a commit's key refuses a credit", commitOf(() => w), creditOf(() => w)],
    ["a commit's key refuses a credit of another customer", commitOf(() => w), creditOf(() => other)],
    ["a credit's key refuses a commit", creditOf(() => w), commitOf(() => w)],
    ["a credit's key refuses a commit of another customer", creditOf(() => w), commitOf(() => other)],
  ])("%s with 409 and the commits' answer", async (name, first, second) => {
    const key = `key-${name.replace(/\W+/g, "-")}`;
    await first(key);
    const body = await expectApiError(second(key), 409);
    expect(body).toEqual({ message });
  });

  it("keeps the key of an archived credit (never released)", async () => {
    const res = await h.client.v1.customers.credits.create(credit(w, { uniqueness_key: "archived-credit-key" }));
    await archiveCredit(h.client, w.customerId, res.data.id);
    await expectApiError(h.client.v1.customers.credits.create(credit(w, { uniqueness_key: "archived-credit-key" })), 409, message);
    await expectApiError(h.client.v1.customers.commits.create(prepaid(w, { uniqueness_key: "archived-credit-key" })), 409, message);
  });

  it("creates nothing when it refuses a key", async () => {
    const fresh = await makeWorld(h.client);
    await h.client.v1.customers.commits.create(prepaid(w, { uniqueness_key: "taken-by-commit" }));
    await expectApiError(h.client.v1.customers.credits.create(credit(fresh, { uniqueness_key: "taken-by-commit" })), 409);
    expect((await h.client.v1.customers.credits.list({ customer_id: fresh.customerId, include_archived: true })).data).toEqual([]);
  });

  it("keeps credit keys apart from contract keys", async () => {
    await h.client.v1.contracts.create({ customer_id: w.customerId, starting_at: "2027-01-01T00:00:00Z", uniqueness_key: "contract-key-c" });
    const res = await h.client.v1.customers.credits.create(credit(w, { uniqueness_key: "contract-key-c" }));
    expect(res.data.id).toBeTruthy();
  });
});
