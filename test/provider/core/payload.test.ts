import { describe, expect, it } from "vitest";
import { type CustomerCommitInputs, checkInputs, toCreateBody } from "../../../provider/core";
import { COMMIT_ID, CONTRACT, CUSTOMER, KEY, PRODUCT, PRODUCT_A, USD, prepaidRaw, recurringRaw, tweak } from "./fixtures";

const checked = (raw: Record<string, unknown>): CustomerCommitInputs => {
  const { inputs, failures } = checkInputs({}, { ...raw, __provider: "serialized" });
  expect(failures).toStrictEqual([]);
  return inputs as CustomerCommitInputs;
};

/** Every path in `v` whose value is undefined. */
function undefinedPaths(v: unknown, at = ""): string[] {
  if (v === undefined) return [at];
  if (Array.isArray(v)) return v.flatMap((x, i) => undefinedPaths(x, `${at}[${i}]`));
  if (v !== null && typeof v === "object") return Object.entries(v).flatMap(([k, x]) => undefinedPaths(x, `${at}.${k}`));
  return [];
}

describe("toCreateBody", () => {
  it("maps the PREPAID fixture to the snake_case create body", () => {
    expect(toCreateBody(checked(prepaidRaw()))).toStrictEqual({
      customer_id: CUSTOMER,
      type: "PREPAID",
      product_id: PRODUCT,
      priority: 100,
      name: "Acme 2027 prepaid commit",
      access_schedule: {
        credit_type_id: USD,
        schedule_items: [{ amount: 1_000_000, starting_at: "2027-01-01T00:00:00Z", ending_before: "2028-01-01T00:00:00Z" }],
      },
      invoice_contract_id: CONTRACT,
      invoice_schedule: {
        credit_type_id: USD,
        do_not_invoice: false,
        schedule_items: [{ timestamp: "2027-01-01T00:00:00Z", amount: 1_000_000 }],
      },
      rate_type: "LIST_RATE",
      uniqueness_key: KEY,
    });
  });

  it("maps a recurring schedule, unit prices, specifiers and every optional field", () => {
    const raw = tweak(recurringRaw(), (r) => {
      r.invoiceSchedule.recurringSchedule = { amountDistribution: "each", frequency: "quarterly", startingAt: "2027-01-01T00:00:00Z", endingBefore: "2028-01-01T00:00:00Z", unitPrice: 100, quantity: 3 };
      r.specifiers = [{ productId: PRODUCT_A, productTags: ["gpu"], pricingGroupValues: { region: "eu" }, presentationGroupValues: { team: "ml" } }];
      r.applicableContractIds = [CONTRACT];
      r.description = "internal note";
      r.customFields = { deal: "D-1" };
      r.netsuiteSalesOrderId = "SO-1";
      r.salesforceOpportunityId = "006xx";
      r.rateType = "commit_rate";
    });
    const body = toCreateBody(checked(raw));
    expect(body.invoice_schedule).toStrictEqual({
      credit_type_id: USD,
      do_not_invoice: false,
      recurring_schedule: { amount_distribution: "EACH", frequency: "QUARTERLY", starting_at: "2027-01-01T00:00:00Z", ending_before: "2028-01-01T00:00:00Z", unit_price: 100, quantity: 3 },
    });
    expect(body.specifiers).toStrictEqual([{ product_id: PRODUCT_A, product_tags: ["gpu"], pricing_group_values: { region: "eu" }, presentation_group_values: { team: "ml" } }]);
    expect(body).toMatchObject({
      applicable_contract_ids: [CONTRACT],
      description: "internal note",
      custom_fields: { deal: "D-1" },
      netsuite_sales_order_id: "SO-1",
      salesforce_opportunity_id: "006xx",
      rate_type: "COMMIT_RATE",
    });
  });

  it("maps invoice items given as unitPrice and quantity", () => {
    const raw = tweak(prepaidRaw(), (r) => { r.invoiceSchedule.scheduleItems = [{ timestamp: "2027-01-01T00:00:00Z", unitPrice: 500_000, quantity: 2 }]; });
    expect(toCreateBody(checked(raw)).invoice_schedule?.schedule_items).toStrictEqual([{ timestamp: "2027-01-01T00:00:00Z", unit_price: 500_000, quantity: 2 }]);
  });

  it("omits provider-level fields, __ keys and every undefined value", () => {
    const body = toCreateBody(checked(tweak(prepaidRaw(), (r) => { r.onDelete = "endAccess"; r.existingCommitId = COMMIT_ID; })));
    const keys = Object.keys(body);
    expect(keys).not.toContain("on_delete");
    expect(keys).not.toContain("onDelete");
    expect(keys).not.toContain("existing_commit_id");
    expect(keys).not.toContain("existingCommitId");
    expect(keys.filter((k) => k.startsWith("__"))).toStrictEqual([]);
    expect(undefinedPaths(body)).toStrictEqual([]);
    expect(undefinedPaths(toCreateBody(checked(recurringRaw())))).toStrictEqual([]);
  });

  it("leaves out an absent invoice schedule entirely", () => {
    const body = toCreateBody(checked(tweak(prepaidRaw(), (r) => { delete r.invoiceSchedule; delete r.invoiceContractId; })));
    expect("invoice_schedule" in body).toBe(false);
    expect("invoice_contract_id" in body).toBe(false);
  });
});
