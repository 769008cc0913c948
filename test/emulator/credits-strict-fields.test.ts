// Strict mode on the credit endpoints: the commit-only fields (`type`,
// `invoice_schedule`, `invoice_contract_id`) and anything else outside the
// spec's field list are refused by path; every listed field is accepted.

import { beforeAll, describe, expect, it } from "vitest";
import { archiveCredit, credit, makeWorld, rawPost, readCredit, useEmulator, type World } from "./fixtures";

const strict = useEmulator({ strictFields: true });
let w: World;
beforeAll(async () => {
  w = await makeWorld(strict.client);
  await strict.client.v1.customFields.addKey({ entity: "contract_credit", key: "any_key", enforce_uniqueness: false });
});

const CREATE = "/v1/contracts/customerCredits/create";
const LIST = "/v1/contracts/customerCredits/list";
const END = "/v1/contracts/customerCredits/updateEndDate";
const EDIT = "/v2/contracts/credits/edit";
const ARCHIVE = "/v2/contracts/credits/archive";
const newCredit = async () => (await rawPost(strict.url, CREATE, credit(w))).body.data.id as string;

describe("strict mode refuses, naming the field and the path", () => {
  it.each<[string, string, () => Promise<Record<string, unknown>>, string]>([
    ["type on create", CREATE, async () => credit(w, { type: "PREPAID" }), "type"],
    ["invoice_schedule on create", CREATE, async () => credit(w, { invoice_schedule: { schedule_items: [] } }), "invoice_schedule"],
    ["invoice_contract_id on create", CREATE, async () => credit(w, { invoice_contract_id: w.contractId }), "invoice_contract_id"],
    ["hierarchy_configuration on create", CREATE, async () => credit(w, { hierarchy_configuration: { child_access: { type: "ALL" } } }), "hierarchy_configuration"],
    ["an invented access item field", CREATE, async () => {
      const body = credit(w);
      body.access_schedule.schedule_items[0].amount_cents = 1;
      return body;
    }, "access_schedule.schedule_items[].amount_cents"],
    ["commit_id on list", LIST, async () => ({ customer_id: w.customerId, commit_id: w.contractId }), "commit_id"],
    ["include_contract_commits on list", LIST, async () => ({ customer_id: w.customerId, include_contract_commits: true }), "include_contract_commits"],
    ["invoices_ending_before on updateEndDate", END, async () => ({ customer_id: w.customerId, credit_id: await newCredit(), access_ending_before: "2027-06-01T00:00:00Z", invoices_ending_before: "2027-06-01T00:00:00Z" }), "invoices_ending_before"],
    ["invoice_schedule on edit", EDIT, async () => ({ customer_id: w.customerId, credit_id: await newCredit(), invoice_schedule: {} }), "invoice_schedule"],
    ["commit_id on archive", ARCHIVE, async () => ({ customer_id: w.customerId, commit_id: await newCredit() }), "commit_id"],
  ])("%s", async (_name, path, make, field) => {
    const res = await rawPost(strict.url, path, await make());
    expect(res.status).toBe(400);
    expect(res.body.message).toContain(`strict mode: ${field} is not a request field of POST ${path}`);
  });
});

describe("strict mode accepts every listed field", () => {
  it("on create, with any key inside the maps", async () => {
    const res = await rawPost(strict.url, CREATE, credit(w, {
      description: "d",
      rate_type: "LIST_RATE",
      applicable_contract_ids: [w.contractId],
      specifiers: [{ product_tags: ["api"], pricing_group_values: { region: "eu" }, presentation_group_values: { team: "a" } }],
      netsuite_sales_order_id: "SO",
      salesforce_opportunity_id: "OPP",
      custom_fields: { any_key: "v" },
      uniqueness_key: "strict-credit-1",
      access_schedule: { credit_type_id: "2714e483-4ff1-48e4-9e25-ac732e8f24f2", schedule_items: [{ amount: 1, starting_at: "2027-01-01T00:00:00Z", ending_before: "2028-01-01T00:00:00Z" }] },
    }));
    expect(res.status).toBe(200);
  });

  it("on list, updateEndDate, edit and archive", async () => {
    const id = await newCredit();
    const [item] = (await readCredit(strict.client, w.customerId, id)).access_schedule.schedule_items;
    const listed = await rawPost(strict.url, LIST, {
      customer_id: w.customerId, credit_id: id, covering_date: "2027-06-01T00:00:00Z", starting_at: "2027-01-01T00:00:00Z",
      effective_before: "2028-01-01T00:00:00Z", include_contract_credits: true, include_archived: true, include_ledgers: true,
      include_balance: true, limit: 5,
    });
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((c: any) => c.id)).toEqual([id]);
    const edited = await rawPost(strict.url, EDIT, {
      customer_id: w.customerId, credit_id: id, name: "n", description: "d", priority: 2, product_id: w.productId, rate_type: "COMMIT_RATE",
      applicable_contract_ids: [w.contractId], applicable_product_ids: null, applicable_product_tags: null, specifiers: null,
      hierarchy_configuration: { child_access: { type: "NONE" } },
      access_schedule: { update_schedule_items: [{ id: item.id, amount: 3, starting_at: item.starting_at, ending_before: item.ending_before }], add_schedule_items: [], remove_schedule_items: [] },
    });
    expect(edited.status).toBe(200);
    const ended = await rawPost(strict.url, END, { customer_id: w.customerId, credit_id: id, access_ending_before: "2027-06-01T00:00:00Z" });
    expect(ended.status).toBe(200);
    const archived = await rawPost(strict.url, ARCHIVE, { customer_id: w.customerId, credit_id: id });
    expect(archived.status).toBe(200);
  });

  it("through the SDK's own credit methods", async () => {
    const id = (await strict.client.v1.customers.credits.create(credit(w))).data.id;
    await strict.client.v2.contracts.editCredit({ customer_id: w.customerId, credit_id: id, priority: 4 });
    await strict.client.v1.customers.credits.updateEndDate({ customer_id: w.customerId, credit_id: id, access_ending_before: "2027-03-01T00:00:00Z" });
    await archiveCredit(strict.client, w.customerId, id);
    expect((await readCredit(strict.client, w.customerId, id)).priority).toBe(4);
  });
});
