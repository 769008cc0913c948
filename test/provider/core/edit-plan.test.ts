import { describe, expect, it } from "vitest";
import { type UpdatePlan, canonicalize, checkInputs, commitToState, planUpdate, toCreateBody } from "../../../provider/core";
import { applyPlan, readBack } from "./fake-metronome";
import { CONTRACT, CREDITS, OTHER_CONTRACT, PRODUCT_A, PRODUCT_B, postpaidRaw, prepaidTwoHalvesRaw, tweak, twoHalvesCommit, twoHalvesOutputs } from "./fixtures";

type Raw = Record<string, unknown>;
const news = (change: (r: any) => void): Raw => canonicalize(tweak(prepaidTwoHalvesRaw(), change));

// Old state: twoHalvesOutputs() — access items acc-1 (Jan–Jul), acc-2 (Jul–Jan),
// invoice items inv-1 (Jan, amount 500000), inv-2 (Jul, 2 × 250000).
const CASES: Array<[string, (r: any) => void, UpdatePlan]> = [
  ["nothing changed", () => {}, {}],
  ["items reordered only", (r) => { r.accessSchedule.scheduleItems.reverse(); r.invoiceSchedule.scheduleItems.reverse(); }, {}],
  ["same values written differently", (r) => { r.type = "prepaid"; r.accessSchedule.scheduleItems[0].startingAt = "2027-01-01T01:00:00+01:00"; }, {}],
  ["invoice item switched to an equal unit-price form", (r) => { r.invoiceSchedule.scheduleItems[0] = { timestamp: "2027-01-01T00:00:00Z", unitPrice: 500_000, quantity: 1 }; }, {}],
  ["access amount updated", (r) => { r.accessSchedule.scheduleItems[0].amount = 600_000; },
    { edit: { access_schedule: { update_schedule_items: [{ id: "acc-1", amount: 600_000 }] } } }],
  ["access dates moved (matched by start)", (r) => { r.accessSchedule.scheduleItems[1].endingBefore = "2028-02-01T00:00:00Z"; },
    { edit: { access_schedule: { update_schedule_items: [{ id: "acc-2", ending_before: "2028-02-01T00:00:00Z" }] } } }],
  ["access boundary moved on both items (matched by start, then by position)", (r) => {
    r.accessSchedule.scheduleItems[0].endingBefore = "2027-08-01T00:00:00Z";
    r.accessSchedule.scheduleItems[1].startingAt = "2027-08-01T00:00:00Z";
  }, { edit: { access_schedule: { update_schedule_items: [
    { id: "acc-1", ending_before: "2027-08-01T00:00:00Z" },
    { id: "acc-2", starting_at: "2027-08-01T00:00:00Z" },
  ] } } }],
  ["access item added", (r) => { r.accessSchedule.scheduleItems.push({ amount: 100, startingAt: "2028-01-01T00:00:00Z", endingBefore: "2028-02-01T00:00:00Z" }); },
    { edit: { access_schedule: { add_schedule_items: [{ amount: 100, starting_at: "2028-01-01T00:00:00Z", ending_before: "2028-02-01T00:00:00Z" }] } } }],
  ["access item removed", (r) => { r.accessSchedule.scheduleItems.pop(); },
    { edit: { access_schedule: { remove_schedule_items: [{ id: "acc-2" }] } } }],
  ["first access item removed while the second changes amount (matched by start, not position)", (r) => {
    r.accessSchedule.scheduleItems.shift();
    r.accessSchedule.scheduleItems[0].amount = 600_000;
  }, { edit: { access_schedule: { update_schedule_items: [{ id: "acc-2", amount: 600_000 }], remove_schedule_items: [{ id: "acc-1" }] } } }],
  ["first invoice item removed while the second changes (matched by timestamp, not position)", (r) => {
    r.invoiceSchedule.scheduleItems.shift();
    r.invoiceSchedule.scheduleItems[0].quantity = 4;
  }, { edit: { invoice_schedule: { update_schedule_items: [{ id: "inv-2", unit_price: 250_000, quantity: 4 }], remove_schedule_items: [{ id: "inv-1" }] } } }],
  ["invoice amount updated", (r) => { r.invoiceSchedule.scheduleItems[0].amount = 400_000; },
    { edit: { invoice_schedule: { update_schedule_items: [{ id: "inv-1", unit_price: 400_000, quantity: 1 }] } } }],
  ["invoice quantity updated", (r) => { r.invoiceSchedule.scheduleItems[1].quantity = 3; },
    { edit: { invoice_schedule: { update_schedule_items: [{ id: "inv-2", unit_price: 250_000, quantity: 3 }] } } }],
  ["invoice unit-price item switched to an amount", (r) => { r.invoiceSchedule.scheduleItems[1] = { timestamp: "2027-07-01T00:00:00Z", amount: 500_000 }; },
    { edit: { invoice_schedule: { update_schedule_items: [{ id: "inv-2", unit_price: 500_000, quantity: 1 }] } } }],
  ["invoice date moved (paired by position)", (r) => { r.invoiceSchedule.scheduleItems[1].timestamp = "2027-06-01T00:00:00Z"; },
    { edit: { invoice_schedule: { update_schedule_items: [{ id: "inv-2", timestamp: "2027-06-01T00:00:00Z" }] } } }],
  ["invoice item removed and another added", (r) => { r.invoiceSchedule.scheduleItems = [r.invoiceSchedule.scheduleItems[0]]; r.accessSchedule.scheduleItems.pop(); },
    { edit: { access_schedule: { remove_schedule_items: [{ id: "acc-2" }] }, invoice_schedule: { remove_schedule_items: [{ id: "inv-2" }] } } }],
  ["name, description, priority, product, rate type, invoice contract", (r) => {
    r.name = "Renamed"; r.description = "note"; r.priority = 5; r.productId = PRODUCT_A; r.rateType = "commit_rate"; r.invoiceContractId = OTHER_CONTRACT;
  }, { edit: { name: "Renamed", description: "note", priority: 5, product_id: PRODUCT_A, rate_type: "COMMIT_RATE", invoice_contract_id: OTHER_CONTRACT } }],
  ["applicable product ids set", (r) => { r.applicableProductIds = [PRODUCT_B, PRODUCT_A]; }, { edit: { applicable_product_ids: [PRODUCT_A, PRODUCT_B] } }],
  ["applicable contract ids set on PREPAID", (r) => { r.applicableContractIds = [CONTRACT]; }, { edit: { applicable_contract_ids: [CONTRACT] } }],
  ["specifiers set", (r) => { r.specifiers = [{ productTags: ["gpu"], pricingGroupValues: { region: "eu" } }]; },
    { edit: { specifiers: [{ product_tags: ["gpu"], pricing_group_values: { region: "eu" } }] } }],
  ["custom fields set", (r) => { r.customFields = { deal: "D-1", owner: "ana" }; }, { setCustomFields: { deal: "D-1", owner: "ana" } }],
  ["replace-only change plans nothing", (r) => { r.accessSchedule.creditTypeId = CREDITS; r.netsuiteSalesOrderId = "SO-1"; r.uniquenessKey = "k2"; }, {}],
  ["provider-level change plans nothing", (r) => { r.onDelete = "forget"; }, {}],
  ["name cleared: unsupported, not silently skipped", (r) => { delete r.name; },
    { unsupported: [{ property: "name", reason: "Metronome cannot clear a commit's name; give a new name instead" }] }],
];

const withExtras = (o: Raw): Raw => ({
  ...o,
  description: "old note",
  applicableProductIds: [PRODUCT_A],
  applicableProductTags: ["gpu"],
  customFields: { deal: "D-1", owner: "bo" },
});

describe("planUpdate", () => {
  it.each(CASES)("%s", (_label, change, expected) => {
    expect(planUpdate(twoHalvesOutputs(), news(change))).toStrictEqual(expected);
  });

  it.each<[string, (r: any) => void, UpdatePlan]>([
    ["clearing applicable product ids and tags sends null", (r) => { delete r.applicableProductIds; delete r.applicableProductTags; },
      { edit: { applicable_product_ids: null, applicable_product_tags: null } }],
    ["clearing the description sends an empty one", (r) => { delete r.description; }, { edit: { description: "" } }],
    ["custom field changed, one deleted", (r) => { r.customFields = { deal: "D-2" }; }, { setCustomFields: { deal: "D-2" }, deleteCustomFieldKeys: ["owner"] }],
    ["all custom fields removed", (r) => { delete r.customFields; }, { deleteCustomFieldKeys: ["deal", "owner"] }],
    ["switching from product ids to specifiers", (r) => { delete r.applicableProductIds; delete r.applicableProductTags; r.specifiers = [{ productId: PRODUCT_A }]; },
      { edit: { applicable_product_ids: null, applicable_product_tags: null, specifiers: [{ product_id: PRODUCT_A }] } }],
  ])("clearing: %s", (_label, change, expected) => {
    const old = withExtras(twoHalvesOutputs());
    const next = canonicalize(tweak(withExtras(prepaidTwoHalvesRaw()), change));
    expect(planUpdate(old, next)).toStrictEqual(expected);
  });

  it("clearing specifiers sends null", () => {
    const old = { ...twoHalvesOutputs(), specifiers: [{ productTags: ["gpu"] }] };
    expect(planUpdate(old, news(() => {}))).toStrictEqual({ edit: { specifiers: null } });
  });

  it("does not plan POSTPAID applicable contract ids (replace-only)", () => {
    const old = canonicalize(postpaidRaw());
    expect(planUpdate(old, canonicalize(tweak(postpaidRaw(), (r) => { r.applicableContractIds = [CONTRACT]; })))).toStrictEqual({});
  });

  it("is deterministic, whatever the order of the old items in state", () => {
    const next = news((r) => { r.accessSchedule.scheduleItems[0].amount = 1; r.invoiceSchedule.scheduleItems.pop(); });
    const shuffled = tweak(twoHalvesOutputs(), (o) => { o.accessSchedule.scheduleItems.reverse(); o.invoiceSchedule.scheduleItems.reverse(); });
    expect(planUpdate(shuffled, next)).toStrictEqual(planUpdate(twoHalvesOutputs(), next));
  });

  it("leaves identical items untouched even when other items around them change", () => {
    const next = news((r) => { r.accessSchedule.scheduleItems.unshift({ amount: 7, startingAt: "2026-12-01T00:00:00Z", endingBefore: "2027-01-01T00:00:00Z" }); });
    expect(planUpdate(twoHalvesOutputs(), next)).toStrictEqual({
      edit: { access_schedule: { add_schedule_items: [{ amount: 7, starting_at: "2026-12-01T00:00:00Z", ending_before: "2027-01-01T00:00:00Z" }] } },
    });
  });

  it("reports old items without ids as unsupported instead of guessing", () => {
    const old = tweak(twoHalvesOutputs(), (o) => { delete o.accessSchedule.scheduleItems[1].id; });
    const plan = planUpdate(old, news((r) => { r.accessSchedule.scheduleItems.pop(); }));
    expect(plan.edit).toBeUndefined();
    expect(plan.unsupported?.[0]?.property).toBe("accessSchedule.scheduleItems");
  });

  // Applying a plan and reading the commit back must leave nothing to plan:
  // the runtime relies on this to confirm a write whose answer was lost.
  it.each(CASES.filter(([, , plan]) => plan.unsupported === undefined))("converges after applying: %s", (_label, change) => {
    const declared = checkInputs({}, prepaidTwoHalvesRaw()).inputs;
    const created = commitToState(readBack(toCreateBody(declared as any)), declared);
    const desired = news(change);
    const plan = planUpdate(created.outputs, desired);
    const after = commitToState(applyPlan(readBack(toCreateBody(declared as any)), plan), created.outputs);
    expect(planUpdate(after.outputs, desired)).toStrictEqual({});
  });

  it("plans against read-back outputs exactly as against the fixture outputs", () => {
    const fromServer = commitToState(twoHalvesCommit(), checkInputs({}, prepaidTwoHalvesRaw()).inputs).outputs;
    const next = news((r) => { r.accessSchedule.scheduleItems[0].amount = 600_000; });
    expect(planUpdate(fromServer, next)).toStrictEqual(planUpdate(twoHalvesOutputs(), next));
  });
});
