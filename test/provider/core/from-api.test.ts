import { describe, expect, it } from "vitest";
import type { Commit } from "../../../provider/api/wire";
import { type CustomerCommitInputs, UNKNOWN, canonicalize, checkInputs, commitToState, toCreateBody } from "../../../provider/core";
import { isExactJson } from "../../../provider/core/util";
import { readBack } from "./fake-metronome";
import { CONTRACT, CUSTOMER, KEY, OTHER_CONTRACT, PRODUCT_A, PRODUCT_B, postpaidRaw, prepaidRaw, prepaidTwoHalvesRaw, recurringRaw, tweak, twoHalvesCommit, twoHalvesOutputs } from "./fixtures";

/** The canonical form of what check returns (check leaves out the defaults canonicalizing fills in). */
const checked = (raw: Record<string, unknown>): CustomerCommitInputs => {
  const { inputs, failures } = checkInputs({}, raw);
  expect(failures).toStrictEqual([]);
  return canonicalize(inputs) as CustomerCommitInputs;
};

/** Every path in `v` holding a value JSON cannot carry. */
function nonJsonPaths(v: unknown, at = ""): string[] {
  if (v === undefined || typeof v === "bigint" || typeof v === "function" || (typeof v === "number" && !Number.isFinite(v))) return [at];
  if (Array.isArray(v)) return v.flatMap((x, i) => nonJsonPaths(x, `${at}[${i}]`));
  if (v !== null && typeof v === "object") {
    if (Object.getPrototypeOf(v) !== Object.prototype) return [at];
    return Object.entries(v).flatMap(([k, x]) => nonJsonPaths(x, `${at}.${k}`));
  }
  return [];
}

const FIXTURES: Array<[string, Record<string, unknown>]> = [
  ["PREPAID", prepaidRaw()],
  ["two halves, mixed amount forms", prepaidTwoHalvesRaw()],
  ["POSTPAID", postpaidRaw()],
  ["recurring", recurringRaw()],
  ["recurring by unit price", tweak(recurringRaw(), (r) => { delete r.invoiceSchedule.recurringSchedule.amount; Object.assign(r.invoiceSchedule.recurringSchedule, { unitPrice: 100_000, quantity: 12, amountDistribution: "each" }); })],
  ["unit price of quantity 1", tweak(prepaidRaw(), (r) => { r.invoiceSchedule.scheduleItems = [{ timestamp: "2027-01-01T00:00:00Z", unitPrice: 1_000_000, quantity: 1 }]; })],
  ["complimentary (no invoice schedule)", tweak(prepaidRaw(), (r) => { delete r.invoiceSchedule; delete r.invoiceContractId; })],
  ["everything optional", tweak(prepaidRaw(), (r) => {
    r.applicableContractIds = [OTHER_CONTRACT, CONTRACT];
    r.specifiers = [{ productTags: ["b", "a"] }, { productId: PRODUCT_A, pricingGroupValues: { region: "eu" } }];
    r.description = "internal";
    r.customFields = { z: "1", a: "2" };
    r.netsuiteSalesOrderId = "SO-1";
    r.salesforceOpportunityId = "006xx";
    r.rateType = "commit_rate";
    r.onDelete = "endAccess";
  })],
  ["product ids and tags", tweak(prepaidRaw(), (r) => { r.applicableProductIds = [PRODUCT_B, PRODUCT_A]; r.applicableProductTags = ["gpu"]; })],
  ["adopted", tweak(prepaidRaw(), (r) => { r.existingCommitId = "55555555-5555-4555-8555-555555555555"; r.onDelete = "forget"; })],
];

describe("commitToState", () => {
  it("maps the read-back fixture to the expected outputs", () => {
    const { outputs } = commitToState(twoHalvesCommit(), checked(prepaidTwoHalvesRaw()));
    expect(outputs).toStrictEqual(twoHalvesOutputs());
  });

  describe("round trip: declared → create body → read-back → inputs equal the declared canonical inputs", () => {
    it.each(FIXTURES)("right after create: %s", (_label, raw) => {
      const declared = checked(raw);
      const { inputs } = commitToState(readBack(toCreateBody(declared)), declared);
      expect(inputs).toStrictEqual(declared);
    });

    it.each(FIXTURES)("on refresh from the previous outputs: %s", (_label, raw) => {
      const declared = checked(raw);
      const first = commitToState(readBack(toCreateBody(declared)), declared);
      const again = commitToState(readBack(toCreateBody(declared)), first.outputs);
      expect(again.inputs).toStrictEqual(declared);
      expect(again.outputs).toStrictEqual(first.outputs);
    });

    it.each(FIXTURES)("outputs are JSON-safe and hold every input: %s", (_label, raw) => {
      const declared = checked(raw);
      const { outputs } = commitToState(readBack(toCreateBody(declared)), declared);
      expect(nonJsonPaths(outputs)).toStrictEqual([]);
      expect(outputs).toMatchObject({ ...declared, accessSchedule: expect.anything(), ...(declared.invoiceSchedule ? { invoiceSchedule: expect.anything() } : {}) });
    });
  });

  it("keeps server ids on output items only, matched to their own items", () => {
    const { inputs, outputs } = commitToState(twoHalvesCommit(), checked(prepaidTwoHalvesRaw()));
    expect(outputs.accessSchedule.scheduleItems.map((i) => [i.id, i.startingAt])).toStrictEqual([
      ["acc-1", "2027-01-01T00:00:00Z"],
      ["acc-2", "2027-07-01T00:00:00Z"],
    ]);
    expect(outputs.invoiceSchedule?.scheduleItems?.map((i) => i.id)).toStrictEqual(["inv-1", "inv-2"]);
    expect(JSON.stringify(inputs)).not.toContain('"id"');
  });

  it("adds createdAt always and archivedAt only when archived, to outputs only", () => {
    const live = commitToState(twoHalvesCommit(), twoHalvesOutputs());
    expect(live.outputs.createdAt).toBe("2026-12-15T10:30:00Z");
    expect("archivedAt" in live.outputs).toBe(false);
    const archived = commitToState({ ...twoHalvesCommit(), archived_at: "2027-02-01T00:00:00.000Z" }, twoHalvesOutputs());
    expect(archived.outputs.archivedAt).toBe("2027-02-01T00:00:00Z");
    expect("createdAt" in archived.inputs).toBe(false);
    expect("archivedAt" in archived.inputs).toBe(false);
  });

  it("takes customerId and the provider-only fields from the prior state", () => {
    const prior = { ...twoHalvesOutputs(), onDelete: "endAccess", existingCommitId: "55555555-5555-4555-8555-555555555555" };
    const { inputs } = commitToState({ ...twoHalvesCommit(), uniqueness_key: "server-copy" }, prior);
    expect(inputs).toMatchObject({ customerId: CUSTOMER, uniquenessKey: KEY, onDelete: "endAccess", existingCommitId: prior.existingCommitId });
  });

  it("falls back to the commit's own uniqueness key when the prior state has none", () => {
    const { uniquenessKey: _k, ...prior } = twoHalvesOutputs();
    expect(commitToState({ ...twoHalvesCommit(), uniqueness_key: "from-server" }, prior).inputs.uniquenessKey).toBe("from-server");
  });

  it("keeps a declared recurring schedule instead of its expanded items", () => {
    const declared = checked(recurringRaw());
    const commit = readBack(toCreateBody(declared));
    expect(commit.invoice_schedule?.schedule_items).toHaveLength(12);
    const { inputs, outputs } = commitToState(commit, declared);
    expect(inputs.invoiceSchedule).toStrictEqual(declared.invoiceSchedule);
    expect(outputs.invoiceSchedule?.scheduleItems).toBeUndefined();
  });

  describe("drift is visible in inputs", () => {
    it.each<[string, (c: any) => void, (i: any) => unknown, unknown]>([
      ["access amount edited elsewhere", (c) => { c.access_schedule.schedule_items[1].amount = 1; }, (i) => i.accessSchedule.scheduleItems[0].amount, 1],
      ["name edited elsewhere", (c) => { c.name = "Renamed"; }, (i) => i.name, "Renamed"],
      ["invoice contract changed", (c) => { c.invoice_contract = { id: OTHER_CONTRACT }; }, (i) => i.invoiceContractId, OTHER_CONTRACT],
      ["amount item re-split elsewhere", (c) => { Object.assign(c.invoice_schedule.schedule_items[0], { quantity: 2, unit_price: 250_000 }); }, (i) => i.invoiceSchedule.scheduleItems[0], { timestamp: "2027-01-01T00:00:00Z", quantity: 2, unitPrice: 250_000 }],
      ["item removed elsewhere", (c) => { c.access_schedule.schedule_items.pop(); }, (i) => i.accessSchedule.scheduleItems.length, 1],
    ])("%s", (_label, change, read, expected) => {
      const commit = tweak(twoHalvesCommit(), change);
      expect(read(commitToState(commit, twoHalvesOutputs()).inputs)).toStrictEqual(expected);
    });
  });

  describe("invoice item form", () => {
    const item = { id: "inv-9", timestamp: "2027-01-01T00:00:00.000Z", amount: 500, quantity: 1, unit_price: 500 };
    const commit = (i: object) => ({ ...twoHalvesCommit(), invoice_schedule: { do_not_invoice: false, schedule_items: [{ ...item, ...i }] } });
    it.each<[string, object, Record<string, unknown>, Record<string, unknown>]>([
      ["no prior item, trivial split → amount", {}, {}, { amount: 500 }],
      ["no prior item, real split → unit price", { quantity: 4, unit_price: 125 }, {}, { quantity: 4, unitPrice: 125 }],
      ["prior declared unit price (matched by id) → unit price", {}, { id: "inv-9", timestamp: "2027-01-01T00:00:00Z", quantity: 1, unitPrice: 500 }, { quantity: 1, unitPrice: 500 }],
      ["prior declared unit price (matched by timestamp) → unit price", {}, { timestamp: "2027-01-01T00:00:00Z", quantity: 1, unitPrice: 500 }, { quantity: 1, unitPrice: 500 }],
      ["prior declared amount → amount", {}, { timestamp: "2027-01-01T00:00:00Z", amount: 500 }, { amount: 500 }],
    ])("%s", (_label, server, priorItem, expected) => {
      const prior = { ...twoHalvesOutputs(), invoiceSchedule: { scheduleItems: Object.keys(priorItem).length ? [priorItem] : [] } };
      const { inputs } = commitToState(commit(server), prior);
      expect(inputs.invoiceSchedule?.scheduleItems).toStrictEqual([{ timestamp: "2027-01-01T00:00:00Z", ...expected }]);
    });
  });

  describe("applicable product ids answered as specifiers (no source says which form comes back)", () => {
    const declared = (extra: Record<string, unknown> = {}) => ({ ...twoHalvesOutputs(), applicableProductIds: [PRODUCT_A, PRODUCT_B], ...extra });
    const answered = (specifiers: unknown, ids?: string[]) => ({ ...twoHalvesCommit(), specifiers, applicable_product_ids: ids }) as Commit;
    it.each<[string, Commit, Record<string, unknown>, unknown, unknown]>([
      ["the declared set, one product per specifier → the declared ids", answered([{ product_id: PRODUCT_B }, { product_id: PRODUCT_A }]), declared(), [PRODUCT_A, PRODUCT_B], undefined],
      ["answered as declared → as declared", answered(undefined, [PRODUCT_B, PRODUCT_A]), declared(), [PRODUCT_A, PRODUCT_B], undefined],
      ["another set → shown as specifiers (drift)", answered([{ product_id: PRODUCT_A }]), declared(), undefined, [{ productId: PRODUCT_A }]],
      ["specifiers with more than a product → shown as they are", answered([{ product_id: PRODUCT_A, product_tags: ["x"] }, { product_id: PRODUCT_B }]), declared(), undefined, [{ productId: PRODUCT_A, productTags: ["x"] }, { productId: PRODUCT_B }]],
      ["declared as specifiers → kept as specifiers", answered([{ product_id: PRODUCT_A }, { product_id: PRODUCT_B }]), declared({ applicableProductIds: undefined, specifiers: [{ productId: PRODUCT_A }, { productId: PRODUCT_B }] }), undefined, [{ productId: PRODUCT_A }, { productId: PRODUCT_B }]],
    ])("%s", (_label, commit, prior, ids, specifiers) => {
      const { inputs } = commitToState(commit, prior);
      expect(inputs.applicableProductIds).toStrictEqual(ids);
      expect(inputs.specifiers).toStrictEqual(specifiers);
    });
  });

  it("never lets an unknown or undefined from the prior state into outputs", () => {
    const prior = { ...twoHalvesOutputs(), onDelete: undefined, existingCommitId: undefined };
    const { outputs } = commitToState(twoHalvesCommit(), prior);
    expect(nonJsonPaths(outputs)).toStrictEqual([]);
    expect(JSON.stringify(outputs)).not.toContain(UNKNOWN);
    expect(outputs.onDelete).toBe("archive");
  });

  it.each<[string, (c: any) => void]>([
    ["a negative zero amount", (c) => { c.access_schedule.schedule_items[0].amount = -0; }],
    ["a NaN priority", (c) => { c.priority = Number.NaN; }],
    ["undefined in a list", (c) => { c.applicable_product_tags = ["a", undefined]; }],
    ["a Date as a timestamp", (c) => { c.created_at = new Date(Date.UTC(2027, 0, 1)); }],
  ])("gives what JSON would carry when the wire holds more than JSON (%s)", (_label, alter) => {
    const commit = twoHalvesCommit();
    alter(commit);
    const { inputs, outputs } = commitToState(commit, twoHalvesOutputs());
    for (const value of [inputs, outputs]) {
      expect(isExactJson(value)).toBe(true);
      expect(JSON.parse(JSON.stringify(value))).toStrictEqual(value);
    }
  });
});

// What commitToState makes of a commit must be canonicalize's fixed point,
// key order included, whatever the wire holds.
describe("commitToState builds canonical form", () => {
  const UPPER_ID = PRODUCT_A.toUpperCase();
  const wire: Array<[string, (c: any) => void]> = [
    ["as read back", () => {}],
    ["archived", (c) => { c.archived_at = "2027-02-01T00:00:00.000Z"; }],
    ["sets out of order, with repeats and upper-case ids", (c) => {
      c.applicable_product_ids = [PRODUCT_B, UPPER_ID, PRODUCT_A];
      c.applicable_contract_ids = [OTHER_CONTRACT, CONTRACT, CONTRACT];
      c.applicable_product_tags = ["z", "a", "z"];
    }],
    ["specifiers out of order, with maps", (c) => {
      c.specifiers = [
        { product_tags: ["gpu", "cpu"], pricing_group_values: { region: "eu", az: "1" } },
        { product_id: UPPER_ID, presentation_group_values: { b: "2", a: "1" } },
        {},
      ];
    }],
    ["custom fields out of order", (c) => { c.custom_fields = { zeta: "1", alpha: "2" }; }],
    ["empty description, lower-case enums", (c) => { c.description = ""; c.type = "prepaid"; c.rate_type = "list_rate"; }],
    ["nulls where fields may be absent", (c) => {
      Object.assign(c, { name: null, description: null, priority: null, netsuite_sales_order_id: null, invoice_contract: null });
      c.invoice_schedule.credit_type = null;
      c.invoice_schedule.do_not_invoice = null;
      c.access_schedule.schedule_items[0].amount = null;
    }],
    ["items out of order, in other timestamp forms", (c) => {
      c.access_schedule.schedule_items.reverse();
      c.access_schedule.schedule_items[0].starting_at = "2027-01-01T01:00:00+01:00";
      c.invoice_schedule.schedule_items.reverse();
    }],
    ["invoice items split into unit price and quantity", (c) => {
      Object.assign(c.invoice_schedule.schedule_items[0], { quantity: 4, unit_price: 125_000, amount: 500_000 });
    }],
    ["no invoice schedule", (c) => { delete c.invoice_schedule; }],
    ["an empty invoice schedule", (c) => { c.invoice_schedule.schedule_items = []; }],
    ["no access schedule (the prior state's is kept)", (c) => { delete c.access_schedule; }],
    ["NetSuite and Salesforce ids, a custom credit type", (c) => {
      Object.assign(c, { netsuite_sales_order_id: "SO-1", salesforce_opportunity_id: "006-1" });
      c.access_schedule.credit_type = { id: UPPER_ID, name: "credits" };
    }],
  ];
  const priors: Array<[string, () => Record<string, unknown>]> = [
    ["outputs", twoHalvesOutputs],
    ["declared inputs", () => checked(prepaidTwoHalvesRaw())],
    ["outputs holding a recurring schedule", () => tweak(twoHalvesOutputs(), (o) => { o.invoiceSchedule = { ...o.invoiceSchedule, recurringSchedule: (checked(recurringRaw()).invoiceSchedule as any).recurringSchedule }; delete o.invoiceSchedule.scheduleItems; })],
    ["nothing", () => ({})],
  ];

  for (const [priorLabel, prior] of priors) {
    it.each(wire)(`is its own canonical form: %s (prior: ${priorLabel})`, (_label, alter) => {
      const commit = twoHalvesCommit() as any;
      alter(commit);
      const { inputs, outputs } = commitToState(commit, prior());
      expect(JSON.stringify(canonicalize(outputs as Record<string, unknown>))).toBe(JSON.stringify(outputs));
      expect(JSON.stringify(canonicalize(inputs as Record<string, unknown>))).toBe(JSON.stringify(inputs));
    });
  }

  it("carries every field of the wire it knows into the outputs", () => {
    const commit = {
      ...twoHalvesCommit(),
      archived_at: "2027-02-01T00:00:00.000Z",
      applicable_contract_ids: [CONTRACT],
      applicable_product_ids: [PRODUCT_A],
      applicable_product_tags: ["gpu"],
      specifiers: [{ product_tags: ["gpu"] }],
      custom_fields: { team: "infra" },
      description: "Prepaid",
      netsuite_sales_order_id: "SO-1",
      salesforce_opportunity_id: "006-1",
      rate_type: "LIST_RATE",
    } as Commit;
    const { outputs } = commitToState(commit, { ...twoHalvesOutputs(), existingCommitId: commit.id });
    expect(Object.keys(outputs)).toStrictEqual([
      "accessSchedule", "applicableContractIds", "applicableProductIds", "applicableProductTags", "archivedAt", "createdAt",
      "customFields", "customerId", "description", "existingCommitId", "invoiceContractId", "invoiceSchedule", "name",
      "netsuiteSalesOrderId", "onDelete", "priority", "productId", "rateType", "salesforceOpportunityId", "specifiers", "type",
      "uniquenessKey",
    ]);
    expect(outputs).toMatchObject({
      applicableContractIds: [CONTRACT],
      applicableProductIds: [PRODUCT_A],
      applicableProductTags: ["gpu"],
      archivedAt: "2027-02-01T00:00:00Z",
      customFields: { team: "infra" },
      description: "Prepaid",
      existingCommitId: commit.id,
      netsuiteSalesOrderId: "SO-1",
      salesforceOpportunityId: "006-1",
      specifiers: [{ productTags: ["gpu"] }],
    });
  });
});

