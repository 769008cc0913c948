// Seeds a Metronome (the emulator) with varied customer commits and credits through the
// official SDK, as a team's existing dashboard/script history would look:
// free and invoiced PREPAID, a recurring invoice schedule, POSTPAID,
// specifiers, custom fields, another credit type with unit-price invoices, a
// hierarchy configuration, a nameless commit, a name shared across
// customers, and an archived commit that the generator must skip; and
// credits: a plain one with a key, one with specifiers and custom fields
// named like a commit, a nameless one with a hierarchy configuration, and an
// archived one.

import Metronome from "@metronome/sdk";

export const EUR_CENTS = "4f7e0f0a-5a16-4f4b-8f55-2f2c7b0d9e13";

export interface Seeded {
  /** Customers in the order they are passed to the command. */
  customers: { acme: string; globex: string };
  products: { fixed: string; usage: string };
  contracts: { acme: string; globex: string };
  /** Commit ids by a test-local label. */
  commits: Record<string, string>;
  /** Labels of the commits that are live (declared) and archived (skipped). */
  live: string[];
  archived: string[];
  /** Credit ids by a test-local label, and the labels of the live and archived ones. */
  credits: Record<string, string>;
  liveCredits: string[];
  archivedCredits: string[];
}

export const sdkFor = (url: string, token: string): Metronome => new Metronome({ bearerToken: token, baseURL: url, maxRetries: 0 });

export async function seed(client: Metronome): Promise<Seeded> {
  const acme = (await client.v1.customers.create({ name: "Acme Corp" })).data.id;
  const globex = (await client.v1.customers.create({ name: "Globex" })).data.id;
  const fixed = (await client.v1.contracts.products.create({ name: "Committed spend", type: "FIXED" })).data.id;
  const usage = (await client.v1.contracts.products.create({ name: "API calls", type: "USAGE", tags: ["api"] })).data.id;
  const acmeContract = (await client.v1.contracts.create({ customer_id: acme, starting_at: "2026-01-01T00:00:00Z" })).data.id;
  const globexContract = (await client.v1.contracts.create({ customer_id: globex, starting_at: "2026-01-01T00:00:00Z" })).data.id;
  await client.v1.customFields.addKey({ entity: "commit", key: "sales-region", enforce_uniqueness: false });
  await client.v1.customFields.addKey({ entity: "commit", key: "owner", enforce_uniqueness: false });
  await client.v1.customFields.addKey({ entity: "contract_credit", key: "campaign", enforce_uniqueness: false });

  const commits: Record<string, string> = {};
  const create = async (label: string, body: Record<string, unknown>): Promise<string> => {
    const id = (await client.v1.customers.commits.create(body as never)).data.id;
    commits[label] = id;
    return id;
  };
  const year = (amount: number, from = "2027-01-01T00:00:00Z", to = "2028-01-01T00:00:00Z") => ({
    schedule_items: [{ amount, starting_at: from, ending_before: to }],
  });

  // A free PREPAID commit: no invoice schedule, commit rate.
  await create("freeCredit", {
    customer_id: acme,
    type: "PREPAID",
    product_id: fixed,
    priority: 10,
    name: "Onboarding credit",
    rate_type: "COMMIT_RATE",
    access_schedule: year(50_000, "2027-01-01T00:00:00Z", "2027-04-01T00:00:00Z"),
  });

  // An invoiced PREPAID commit carrying a uniqueness key and a description.
  await create("prepaid", {
    customer_id: acme,
    type: "PREPAID",
    product_id: fixed,
    priority: 100,
    name: "2027 prepaid",
    description: "Signed with the 2027 order form",
    uniqueness_key: "acme-order-form-2027",
    access_schedule: year(1_000_000),
    invoice_contract_id: acmeContract,
    invoice_schedule: { schedule_items: [{ timestamp: "2027-01-01T00:00:00Z", amount: 1_000_000 }] },
  });

  // Monthly invoices from a recurring schedule (Metronome answers 12 items).
  await create("recurring", {
    customer_id: acme,
    type: "PREPAID",
    product_id: fixed,
    priority: 110,
    name: "2027 monthly prepaid",
    access_schedule: {
      schedule_items: [
        { amount: 600_000, starting_at: "2027-01-01T00:00:00Z", ending_before: "2027-07-01T00:00:00Z" },
        { amount: 600_000, starting_at: "2027-07-01T00:00:00Z", ending_before: "2028-01-01T00:00:00Z" },
      ],
    },
    invoice_contract_id: acmeContract,
    invoice_schedule: {
      recurring_schedule: {
        amount_distribution: "DIVIDED",
        frequency: "MONTHLY",
        starting_at: "2027-01-01T00:00:00Z",
        ending_before: "2028-01-01T00:00:00Z",
        amount: 1_200_000,
      },
    },
  });

  // POSTPAID: one access item, one true-up invoice, limited to a contract.
  await create("postpaid", {
    customer_id: acme,
    type: "POSTPAID",
    product_id: fixed,
    priority: 50,
    name: "2027 minimum spend",
    access_schedule: year(2_500_000),
    invoice_contract_id: acmeContract,
    applicable_contract_ids: [acmeContract],
    invoice_schedule: { schedule_items: [{ timestamp: "2027-12-31T00:00:00Z", amount: 2_500_000 }] },
  });

  // Specifiers, custom fields, another credit type and unit-price invoices.
  await create("specifiers", {
    customer_id: acme,
    type: "PREPAID",
    product_id: fixed,
    priority: 200,
    name: "API usage — EU",
    access_schedule: { credit_type_id: EUR_CENTS, ...year(100_000) },
    invoice_contract_id: acmeContract,
    invoice_schedule: {
      credit_type_id: EUR_CENTS,
      schedule_items: [{ timestamp: "2027-01-01T00:00:00Z", quantity: 4, unit_price: 25_000 }],
    },
    specifiers: [
      { product_id: usage, pricing_group_values: { region: "eu-west-1" } },
      { product_tags: ["api"], presentation_group_values: { "team name": "platform" } },
    ],
    custom_fields: { "sales-region": "emea", owner: "finance" },
  });

  // A nameless commit (named after its id) whose hierarchy configuration
  // (settable only by edit) has no place in CustomerCommitArgs.
  const nameless = await create("nameless", {
    customer_id: acme,
    type: "PREPAID",
    product_id: fixed,
    priority: 300,
    access_schedule: year(25_050, "2028-01-01T00:00:00Z", "2029-01-01T00:00:00Z"),
    applicable_product_tags: ["api", "batch"],
  });
  await client.v2.contracts.editCommit({
    customer_id: acme,
    commit_id: nameless,
    hierarchy_configuration: { child_access: { type: "ALL" } },
  } as never);

  // Archived: listed with include_archived, skipped by the generator.
  const old = await create("archived", {
    customer_id: acme,
    type: "PREPAID",
    product_id: fixed,
    priority: 5,
    name: "2026 prepaid",
    access_schedule: year(300_000, "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"),
  });
  await client.post("/v2/contracts/commits/archive", { body: { customer_id: acme, commit_id: old } });

  // Another customer with a commit of the same name as Acme's.
  await create("globexPrepaid", {
    customer_id: globex,
    type: "PREPAID",
    product_id: fixed,
    priority: 100,
    name: "2027 prepaid",
    access_schedule: year(750_000, "2027-02-01T00:00:00Z", "2028-02-01T00:00:00Z"),
    invoice_contract_id: globexContract,
    invoice_schedule: {
      do_not_invoice: true,
      schedule_items: [{ timestamp: "2027-02-01T00:00:00Z", amount: 750_000 }],
    },
  });

  // Quarterly invoices from the 31st (Metronome clamps to the month's end:
  // Jan 31, Apr 30, Jul 31) dividing 1,000 dollars in three: fractional cents.
  await create("quarterly", {
    customer_id: globex,
    type: "PREPAID",
    product_id: fixed,
    priority: 120,
    name: "Support retainer",
    access_schedule: year(100_000, "2027-01-31T00:00:00Z", "2027-08-01T00:00:00Z"),
    invoice_contract_id: globexContract,
    invoice_schedule: {
      recurring_schedule: {
        amount_distribution: "DIVIDED",
        frequency: "QUARTERLY",
        starting_at: "2027-01-31T00:00:00Z",
        ending_before: "2027-08-01T00:00:00Z",
        amount: 100_000,
      },
    },
  });

  // ---- credits ----
  const credits: Record<string, string> = {};
  const grant = async (label: string, body: Record<string, unknown>): Promise<string> => {
    const id = (await client.v1.customers.credits.create(body as never)).data.id;
    credits[label] = id;
    return id;
  };

  // A plain USD credit with Metronome's key, a description and a NetSuite id.
  await grant("sla", {
    customer_id: acme,
    product_id: fixed,
    priority: 5,
    name: "SLA credit Q1",
    description: "Outage of 2027-01-12",
    uniqueness_key: "acme-sla-2027-q1",
    netsuite_sales_order_id: "SO-1042",
    access_schedule: year(25_000, "2027-02-01T00:00:00Z", "2027-05-01T00:00:00Z"),
  });

  // Specifiers, custom fields, another credit type, commit rate and one
  // contract; named like Globex's commit, so both names get an id suffix.
  await grant("promo", {
    customer_id: acme,
    product_id: fixed,
    priority: 20,
    name: "Support retainer",
    rate_type: "COMMIT_RATE",
    access_schedule: { credit_type_id: EUR_CENTS, ...year(40_000) },
    applicable_contract_ids: [acmeContract],
    specifiers: [{ product_id: usage, pricing_group_values: { region: "eu-west-1" } }, { product_tags: ["api"] }],
    custom_fields: { campaign: "spring-2027" },
  });

  // Archived: counted, not declared.
  const expired = await grant("archivedCredit", {
    customer_id: acme,
    product_id: fixed,
    priority: 1,
    name: "2026 goodwill",
    access_schedule: year(10_000, "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"),
  });
  await client.post("/v2/contracts/credits/archive", { body: { customer_id: acme, credit_id: expired } });

  // A nameless credit limited by product tags, with a hierarchy configuration.
  const namelessCredit = await grant("namelessCredit", {
    customer_id: globex,
    product_id: fixed,
    priority: 30,
    access_schedule: year(5_000, "2027-03-01T00:00:00Z", "2027-04-01T00:00:00Z"),
    applicable_product_tags: ["api"],
  });
  await client.v2.contracts.editCredit({
    customer_id: globex,
    credit_id: namelessCredit,
    hierarchy_configuration: { child_access: { type: "ALL" } },
  } as never);

  return {
    customers: { acme, globex },
    products: { fixed, usage },
    contracts: { acme: acmeContract, globex: globexContract },
    commits,
    live: Object.keys(commits).filter((k) => k !== "archived"),
    archived: ["archived"],
    credits,
    liveCredits: Object.keys(credits).filter((k) => k !== "archivedCredit"),
    archivedCredits: ["archivedCredit"],
  };
}
