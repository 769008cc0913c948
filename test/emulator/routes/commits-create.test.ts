// customerCommits/create: every rule with a refused and an accepted case.

import { beforeAll, describe, expect, it } from "vitest";
import {
  USD,
  UNKNOWN_ID,
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
let other: World;

beforeAll(async () => {
  w = await makeWorld(h.client);
  other = await makeWorld(h.client);
  await h.client.v1.customFields.addKey({ entity: "commit", key: "deal_id", enforce_uniqueness: false });
});

const item = (starting_at: string, ending_before: string, amount = 1000) => ({ amount, starting_at, ending_before });
const recurring = (extra: Record<string, unknown> = {}) => ({
  recurring_schedule: {
    frequency: "MONTHLY",
    amount_distribution: "EACH",
    starting_at: "2027-01-01T00:00:00Z",
    ending_before: "2027-04-01T00:00:00Z",
    amount: 100,
    ...extra,
  },
});

type Case = [string, (w: World) => any, number, RegExp];

const refused: Case[] = [
  ["customer_id missing", (w) => ({ ...prepaid(w), customer_id: undefined }), 400, /customer_id/],
  ["customer_id not a uuid", (w) => prepaid(w, { customer_id: "acme" }), 400, /customer_id must be a uuid/],
  ["customer unknown", (w) => prepaid(w, { customer_id: UNKNOWN_ID }), 404, /customer/],
  ["type missing", (w) => prepaid(w, { type: undefined }), 400, /type/],
  ["type not an enum value", (w) => prepaid(w, { type: "PREPAY" }), 400, /type must be one of PREPAID, POSTPAID/],
  ["priority missing", (w) => prepaid(w, { priority: undefined }), 400, /priority/],
  ["priority not a number", (w) => prepaid(w, { priority: "1" }), 400, /priority/],
  ["product_id missing", (w) => prepaid(w, { product_id: undefined }), 400, /product_id/],
  ["product unknown", (w) => prepaid(w, { product_id: UNKNOWN_ID }), 400, /product_id .*not found/],
  ["product not FIXED", (w) => prepaid(w, { product_id: w.usageProductId }), 400, /product_id .*FIXED/],
  ["access_schedule missing", (w) => prepaid(w, { access_schedule: undefined }), 400, /access_schedule is required/],
  ["access items missing", (w) => prepaid(w, { access_schedule: {} }), 400, /access_schedule.schedule_items/],
  ["access items empty", (w) => prepaid(w, { access_schedule: { schedule_items: [] } }), 400, /access_schedule.schedule_items must contain at least one/],
  ["access amount missing", (w) => prepaid(w, { access_schedule: { schedule_items: [{ starting_at: "2027-01-01T00:00:00Z", ending_before: "2028-01-01T00:00:00Z" }] } }), 400, /schedule_items\[0\].amount/],
  ["access amount negative", (w) => prepaid(w, { access_schedule: { schedule_items: [item("2027-01-01T00:00:00Z", "2028-01-01T00:00:00Z", -1)] } }), 400, /amount must be at least 0/],
  ["starting_at equal to ending_before", (w) => prepaid(w, { access_schedule: { schedule_items: [item("2027-01-01T00:00:00Z", "2027-01-01T00:00:00Z")] } }), 400, /schedule_items\[0\].*starting_at .* must be before ending_before/],
  ["starting_at after ending_before", (w) => prepaid(w, { access_schedule: { schedule_items: [item("2028-01-01T00:00:00Z", "2027-01-01T00:00:00Z")] } }), 400, /must be before ending_before/],
  ["timestamp not RFC 3339", (w) => prepaid(w, { access_schedule: { schedule_items: [item("2027-01-01", "2028-01-01T00:00:00Z")] } }), 400, /starting_at must be an RFC 3339 timestamp/],
  ["impossible date", (w) => prepaid(w, { access_schedule: { schedule_items: [item("2027-02-30T00:00:00Z", "2028-01-01T00:00:00Z")] } }), 400, /starting_at must be an RFC 3339/],
  ["timestamp off the hour", (w) => prepaid(w, { access_schedule: { schedule_items: [item("2027-01-01T00:30:00Z", "2028-01-01T00:00:00Z")] } }), 400, /schedule_items\[0\].starting_at .*hour boundary/],
  ["offset that is not a whole UTC hour", (w) => prepaid(w, { access_schedule: { schedule_items: [item("2027-01-01T00:00:00+05:30", "2028-01-01T00:00:00Z")] } }), 400, /hour boundary/],
  ["invoice timestamp off the hour", (w) => prepaid(w, { invoice_schedule: { schedule_items: [{ timestamp: "2027-01-01T00:00:01Z", amount: 1 }] } }), 400, /invoice_schedule.schedule_items\[0\].timestamp .*hour/],
  ["unknown access credit type", (w) => prepaid(w, { access_schedule: { credit_type_id: UNKNOWN_ID, schedule_items: [item("2027-01-01T00:00:00Z", "2028-01-01T00:00:00Z")] } }), 400, /access_schedule.credit_type_id .*credit type not found/],
  ["unknown invoice credit type", (w) => prepaid(w, { invoice_schedule: { credit_type_id: UNKNOWN_ID, schedule_items: [{ timestamp: "2027-01-01T00:00:00Z", amount: 1 }] } }), 400, /invoice_schedule.credit_type_id/],
  ["unknown invoice contract", (w) => prepaid(w, { invoice_contract_id: UNKNOWN_ID }), 400, /invoice_contract_id .*contract not found/],
  ["another customer's contract", (w) => prepaid(w, { invoice_contract_id: other.contractId }), 400, /invoice_contract_id .*contract not found/],
  ["unknown applicable contract", (w) => prepaid(w, { applicable_contract_ids: [UNKNOWN_ID] }), 400, /applicable_contract_ids\[0\]/],
  ["unknown applicable product", (w) => prepaid(w, { applicable_product_ids: [UNKNOWN_ID] }), 400, /applicable_product_ids\[0\]/],
  ["unknown specifier product", (w) => prepaid(w, { specifiers: [{ product_id: UNKNOWN_ID }] }), 400, /specifiers\[0\].product_id/],
  ["PREPAID invoiced without invoice_contract_id", (w) => prepaid(w, { invoice_contract_id: undefined }), 400, /invoice_contract_id is required for PREPAID/],
  ["POSTPAID without invoice_schedule", (w) => postpaid(w, { invoice_schedule: undefined }), 400, /invoice_schedule is required for POSTPAID/],
  ["POSTPAID without invoice_contract_id", (w) => postpaid(w, { invoice_contract_id: undefined }), 400, /invoice_contract_id is required for POSTPAID/],
  ["POSTPAID with two access items", (w) => postpaid(w, { access_schedule: { schedule_items: [item("2027-01-01T00:00:00Z", "2027-06-01T00:00:00Z", 250_000), item("2027-06-01T00:00:00Z", "2028-01-01T00:00:00Z", 250_000)] } }), 400, /access_schedule.schedule_items must contain exactly one item for POSTPAID/],
  ["POSTPAID with two invoice items", (w) => postpaid(w, { invoice_schedule: { schedule_items: [{ timestamp: "2027-06-01T00:00:00Z", amount: 250_000 }, { timestamp: "2027-12-01T00:00:00Z", amount: 250_000 }] } }), 400, /invoice_schedule.schedule_items must contain exactly one item for POSTPAID/],
  ["POSTPAID with unequal totals", (w) => postpaid(w, { invoice_schedule: { schedule_items: [{ timestamp: "2027-12-31T00:00:00Z", amount: 400_000 }] } }), 400, /invoice_schedule total \(400000\) must equal the access_schedule amount \(500000\)/],
  ["POSTPAID with a recurring schedule of several items", (w) => postpaid(w, { invoice_schedule: recurring({ amount: 500_000, amount_distribution: "DIVIDED" }) }), 400, /exactly one item for POSTPAID/],
  ["invoice schedule with both forms", (w) => prepaid(w, { invoice_schedule: { schedule_items: [{ timestamp: "2027-01-01T00:00:00Z", amount: 1 }], ...recurring() } }), 400, /exactly one of schedule_items or recurring_schedule/],
  ["invoice schedule with neither form", (w) => prepaid(w, { invoice_schedule: {} }), 400, /exactly one of schedule_items or recurring_schedule/],
  ["invoice items empty", (w) => prepaid(w, { invoice_schedule: { schedule_items: [] } }), 400, /invoice_schedule.schedule_items must contain at least one/],
  ["invoice item without an amount", (w) => prepaid(w, { invoice_schedule: { schedule_items: [{ timestamp: "2027-01-01T00:00:00Z" }] } }), 400, /invoice_schedule.schedule_items\[0\]: amount, or both unit_price and quantity/],
  ["invoice item with unit_price only", (w) => prepaid(w, { invoice_schedule: { schedule_items: [{ timestamp: "2027-01-01T00:00:00Z", unit_price: 5 }] } }), 400, /amount, or both unit_price and quantity/],
  ["invoice item with amount and quantity", (w) => prepaid(w, { invoice_schedule: { schedule_items: [{ timestamp: "2027-01-01T00:00:00Z", amount: 5, quantity: 1 }] } }), 400, /either amount or unit_price and quantity, not both/],
  ["recurring frequency unknown", (w) => prepaid(w, { invoice_schedule: recurring({ frequency: "WEEKLY" }) }), 400, /recurring_schedule.frequency/],
  ["recurring distribution unknown", (w) => prepaid(w, { invoice_schedule: recurring({ amount_distribution: "SPLIT" }) }), 400, /recurring_schedule.amount_distribution/],
  ["recurring range empty", (w) => prepaid(w, { invoice_schedule: recurring({ ending_before: "2027-01-01T00:00:00Z" }) }), 400, /recurring_schedule: starting_at .* must be before/],
  ["recurring without amount", (w) => prepaid(w, { invoice_schedule: recurring({ amount: undefined }) }), 400, /recurring_schedule: amount, or both unit_price and quantity/],
  ["specifiers with applicable_product_ids", (w) => prepaid(w, { specifiers: [{ product_tags: ["api"] }], applicable_product_ids: [w.usageProductId] }), 400, /specifiers cannot be used together with applicable_product_ids or applicable_product_tags/],
  ["specifiers with applicable_product_tags", (w) => prepaid(w, { specifiers: [{ product_tags: ["api"] }], applicable_product_tags: ["api"] }), 400, /specifiers cannot be used together/],
  ["rate_type unknown", (w) => prepaid(w, { rate_type: "DISCOUNT_RATE" }), 400, /rate_type/],
  ["name empty", (w) => prepaid(w, { name: "" }), 400, /name must be/],
  ["a mixed-case type (the spec lists only PREPAID and prepaid)", (w) => prepaid(w, { type: "Prepaid" }), 400, /type must be one of PREPAID, POSTPAID, upper or lower case \(got "Prepaid"\)/],
  ["a mixed-case rate_type", (w) => prepaid(w, { rate_type: "List_Rate" }), 400, /rate_type must be one of/],
  ["uniqueness_key empty", (w) => prepaid(w, { uniqueness_key: "" }), 400, /uniqueness_key must be between 1 and 128/],
  ["uniqueness_key of 129 characters", (w) => prepaid(w, { uniqueness_key: "k".repeat(129) }), 400, /uniqueness_key must be between 1 and 128/],
  ["custom field key not on the allow-list", (w) => prepaid(w, { custom_fields: { region: "eu" } }), 400, /custom_fields.region: .*not defined for entity commit/],
  ["custom field value over 200 characters", (w) => prepaid(w, { custom_fields: { deal_id: "x".repeat(201) } }), 400, /custom_fields.deal_id must be at most 200/],
];

describe("POST /v1/contracts/customerCommits/create refuses", () => {
  it.each(refused)("%s", async (_name, build, status, message) => {
    await expectApiError(h.client.v1.customers.commits.create(build(w)), status, message);
  });

  it("refuses an unknown customer with code CustomerNotFound", async () => {
    const body = await expectApiError(h.client.v1.customers.commits.create(prepaid(w, { customer_id: UNKNOWN_ID })), 404);
    expect(body.code).toBe("CustomerNotFound");
  });

  it("creates nothing when it refuses", async () => {
    const fresh = await makeWorld(h.client);
    await expectApiError(h.client.v1.customers.commits.create(postpaid(fresh, { invoice_schedule: undefined })), 400);
    const page = await h.client.v1.customers.commits.list({ customer_id: fresh.customerId, include_archived: true });
    expect(page.data).toEqual([]);
  });
});

type Accepted = [string, (w: World) => any];

const accepted: Accepted[] = [
  ["a PREPAID commit invoiced once", (w) => prepaid(w)],
  ["a POSTPAID commit with equal totals", (w) => postpaid(w)],
  ["a free PREPAID commit (no invoice schedule, no contract)", (w) => prepaid(w, { invoice_schedule: undefined, invoice_contract_id: undefined })],
  ["do_not_invoice without an invoice contract", (w) => prepaid(w, { invoice_contract_id: undefined, invoice_schedule: { do_not_invoice: true, schedule_items: [{ timestamp: "2027-01-01T00:00:00Z", amount: 1 }] } })],
  ["lower-case enums", (w) => prepaid(w, { type: "prepaid", rate_type: "commit_rate", invoice_schedule: recurring({ frequency: "monthly", amount_distribution: "each" }) })],
  ["unit_price and quantity", (w) => prepaid(w, { invoice_schedule: { schedule_items: [{ timestamp: "2027-01-01T00:00:00Z", unit_price: 10, quantity: 3 }] } })],
  ["POSTPAID totals from unit_price x quantity", (w) => postpaid(w, { invoice_schedule: { schedule_items: [{ timestamp: "2027-12-31T00:00:00Z", unit_price: 250_000, quantity: 2 }] } })],
  ["several access items", (w) => prepaid(w, { access_schedule: { schedule_items: [item("2027-01-01T00:00:00Z", "2027-07-01T00:00:00Z"), item("2027-07-01T00:00:00Z", "2028-01-01T00:00:00Z")] } })],
  ["a UTC offset that lands on a whole hour", (w) => prepaid(w, { access_schedule: { schedule_items: [item("2027-01-01T02:00:00+02:00", "2028-01-01T00:00:00.000Z")] } })],
  ["specifiers alone", (w) => prepaid(w, { specifiers: [{ product_id: w.usageProductId, pricing_group_values: { region: "eu" } }] })],
  ["applicable products and tags together", (w) => prepaid(w, { applicable_product_ids: [w.usageProductId], applicable_product_tags: ["api"] })],
  ["specifiers with empty product filters", (w) => prepaid(w, { specifiers: [{ product_tags: ["api"] }], applicable_product_ids: [] })],
  ["a uniqueness key of 128 characters", (w) => prepaid(w, { uniqueness_key: "u".repeat(128) })],
  ["an allowed custom field of 200 characters", (w) => prepaid(w, { custom_fields: { deal_id: "d".repeat(200) } })],
  ["a custom pricing unit", (w) => prepaid(w, { access_schedule: { credit_type_id: "7d3c2d34-64a7-4a0c-9d39-1b7b0e1a6c21", schedule_items: [item("2027-01-01T00:00:00Z", "2028-01-01T00:00:00Z")] } })],
  ["unknown body fields (ignored)", (w) => prepaid(w, { amout: 5, hierarchy_configuration: { child_access: { type: "ALL" } } })],
];

describe("POST /v1/contracts/customerCommits/create accepts", () => {
  it.each(accepted)("%s", async (_name, build) => {
    const res = await h.client.v1.customers.commits.create(build(w));
    expect(res.data.id).toMatch(/^[0-9a-f-]{36}$/);
    const commit = await readCommit(h.client, w.customerId, res.data.id);
    expect(commit.id).toBe(res.data.id);
  });

  it("answers { data: { id } } and nothing else", async () => {
    const res = await rawPost(h.url, "/v1/contracts/customerCommits/create", prepaid(w));
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(["data"]);
    expect(Object.keys(res.body.data)).toEqual(["id"]);
  });

  it("does not store unknown body fields", async () => {
    const res = await h.client.v1.customers.commits.create(prepaid(w, { amout: 5, hierarchy_configuration: { child_access: { type: "ALL" } } }));
    const commit = await readCommit(h.client, w.customerId, res.data.id);
    expect(commit).not.toHaveProperty("amout");
    expect(commit).not.toHaveProperty("hierarchy_configuration");
  });

  it("defaults both credit types to USD (cents)", async () => {
    const res = await h.client.v1.customers.commits.create(prepaid(w));
    const commit = await readCommit(h.client, w.customerId, res.data.id);
    expect(commit.access_schedule.credit_type).toEqual({ id: USD, name: "USD (cents)" });
    expect(commit.invoice_schedule.credit_type).toEqual({ id: USD, name: "USD (cents)" });
  });
});

describe("uniqueness_key", () => {
  const message = "This uniqueness key has already been used.";

  it("refuses a reused key with 409", async () => {
    await h.client.v1.customers.commits.create(prepaid(w, { uniqueness_key: "acme-2027" }));
    const body = await expectApiError(h.client.v1.customers.commits.create(prepaid(w, { uniqueness_key: "acme-2027", priority: 1 })), 409);
    expect(body.message).toBe(message);
  });

  it("keeps the key of an archived commit (never released)", async () => {
    const res = await h.client.v1.customers.commits.create(prepaid(w, { uniqueness_key: "archived-key" }));
    await h.client.post("/v2/contracts/commits/archive", { body: { customer_id: w.customerId, commit_id: res.data.id } });
    await expectApiError(h.client.v1.customers.commits.create(prepaid(w, { uniqueness_key: "archived-key" })), 409, message);
  });

  it("shares one key space across customers", async () => {
    await h.client.v1.customers.commits.create(prepaid(w, { uniqueness_key: "shared-key" }));
    await expectApiError(h.client.v1.customers.commits.create(prepaid(other, { uniqueness_key: "shared-key" })), 409, message);
  });

  it("keeps commit keys apart from contract keys", async () => {
    await h.client.v1.contracts.create({ customer_id: w.customerId, starting_at: "2027-01-01T00:00:00Z", uniqueness_key: "contract-key" });
    const res = await h.client.v1.customers.commits.create(prepaid(w, { uniqueness_key: "contract-key" }));
    expect(res.data.id).toBeTruthy();
  });

  it("accepts distinct keys for the same customer", async () => {
    await h.client.v1.customers.commits.create(prepaid(w, { uniqueness_key: "k-1" }));
    const res = await h.client.v1.customers.commits.create(prepaid(w, { uniqueness_key: "k-2" }));
    expect(res.data.id).toBeTruthy();
  });
});
