// The change model built from hand-written `pulumi preview --json` fixtures:
// actions, amounts, field and schedule-item changes, removals, deltas, totals.
import { describe, expect, it } from "vitest";
import { SECRET_VALUE, UNKNOWN_VALUE } from "../../../cli/review/values";
import { changeNamed, reviewOf } from "./helpers";

const USD = "2714e483-4ff1-48e4-9e25-ac732e8f24f2";
const EUR = "4f7e0f0a-5a16-4f4b-8f55-2f2c7b0d9e13";
const CLOUD = "7d3c2d34-64a7-4a0c-9d39-1b7b0e1a6c21";

describe("create", () => {
  const review = reviewOf("create");
  it("reads the new commit from the checked inputs, ignoring the stack and __provider", () => {
    expect(review.unchanged).toBe(0);
    expect(review.changes).toHaveLength(1);
    const c = changeNamed(review, "acme-2027");
    expect(c.action).toBe("create");
    expect(c.before).toBeUndefined();
    expect(c.after).toMatchObject({
      customerId: "cus-acme",
      productId: "prod-prepaid-commit",
      type: "PREPAID",
      name: "Acme 2027",
      creditTypeId: USD,
      value: 12_000_000,
      access: [{ amount: 12_000_000, startingAt: "2027-01-01T00:00:00Z", endingBefore: "2028-01-01T00:00:00Z" }],
      invoicing: { kind: "items", creditTypeId: USD, items: [{ amount: 6_000_000 }, { amount: 6_000_000 }] },
    });
    expect(JSON.stringify(c)).not.toContain("__provider");
    expect(review.totals.byCustomer).toEqual([{ customerId: "cus-acme", creditTypeId: USD, net: 12_000_000, pending: [] }]);
  });
});

describe("edit", () => {
  const c = changeNamed(reviewOf("edit"), "acme-2027");
  it("lists changed fields old -> new", () => {
    expect(c.action).toBe("edit");
    expect(c.before?.id).toBe("cmt-acme-2027");
    expect(c.fields).toEqual([
      { path: "name", before: "Acme 2027", after: "Acme 2027 (expanded)" },
      { path: "priority", before: 100, after: 50 },
    ]);
  });

  it("matches schedule items by id, as `pulumi up` will edit them", () => {
    expect(c.items).toEqual([
      {
        schedule: "access",
        kind: "update",
        id: "acc-acme-h2",
        before: { id: "acc-acme-h2", amount: 6_000_000, startingAt: "2027-07-01T00:00:00Z", endingBefore: "2028-01-01T00:00:00Z" },
        after: { id: "acc-acme-h2", amount: 9_000_000, startingAt: "2027-07-01T00:00:00Z", endingBefore: "2028-01-01T00:00:00Z" },
      },
      { schedule: "access", kind: "add", after: { amount: 3_000_000, startingAt: "2028-01-01T00:00:00Z", endingBefore: "2028-04-01T00:00:00Z" } },
      {
        schedule: "invoice",
        kind: "update",
        id: "inv-acme-2",
        before: { id: "inv-acme-2", timestamp: "2027-07-01T00:00:00Z", amount: 6_000_000 },
        after: { id: "inv-acme-2", timestamp: "2027-07-01T00:00:00Z", amount: 9_000_000 },
      },
      { schedule: "invoice", kind: "add", after: { timestamp: "2028-01-01T00:00:00Z", amount: 3_000_000 } },
    ]);
  });

  it("nets the committed value", () => {
    expect(c.before?.value).toBe(12_000_000);
    expect(c.after?.value).toBe(18_000_000);
    expect(c.deltas).toEqual([{ customerId: "cus-acme", creditTypeId: USD, amount: 6_000_000 }]);
  });
});

describe("replace", () => {
  const review = reviewOf("replace");
  it("names the replace reasons with old and new values", () => {
    const c = changeNamed(review, "globex-2027");
    expect(c.action).toBe("replace");
    expect(c.replaceUncertain).toBe(false);
    expect(c.replaceReasons.map((r) => [r.property, r.before, r.after])).toEqual([
      ["customerId", "cus-globex-eu", "cus-globex-us"],
      ["uniquenessKey", "billing/prod/globex-2027#5b0e3c7d9a1f2e48", "billing/prod/globex-2027#e1d2c3b4a5968778"],
    ]);
    expect(c.fields).toEqual([]); // everything that differs is a replace reason
    expect(c.items).toEqual([]); // a new commit: no item-by-item edits
    expect(c.removal).toEqual({ policy: "archive", retained: false });
  });

  it("moves committed value from the old customer to the new one", () => {
    expect(changeNamed(review, "globex-2027").deltas).toEqual([
      { customerId: "cus-globex-us", creditTypeId: USD, amount: 5_000_000 },
      { customerId: "cus-globex-eu", creditTypeId: USD, amount: -5_000_000 },
    ]);
  });

  it("keeps the old commit's value when its policy is forget", () => {
    const c = changeNamed(review, "initech-credits");
    expect(c.removal?.policy).toBe("forget");
    expect(c.replaceReasons[0]).toMatchObject({ property: "accessSchedule", before: USD, after: CLOUD });
    expect(c.deltas).toEqual([
      { customerId: "cus-initech", creditTypeId: CLOUD, amount: 2_000_000 },
      { customerId: "cus-initech", creditTypeId: USD, amount: 0 },
    ]);
  });
});

describe("delete, per onDelete", () => {
  const review = reviewOf("delete");
  it("archive removes the whole committed value", () => {
    const c = changeNamed(review, "acme-2026");
    expect(c.action).toBe("archive");
    expect(c.deltas).toEqual([{ customerId: "cus-acme", creditTypeId: USD, amount: -8_000_000 }]);
  });

  it("endAccess removes the access that starts after the next whole hour", () => {
    const c = changeNamed(review, "hooli-2027");
    expect(c.action).toBe("endAccess");
    expect(c.removal?.endAccess).toMatchObject({
      asOf: "2027-06-15T10:30:00Z",
      endsAt: "2027-06-15T11:00:00Z",
      lostValue: 5_000_000,
      droppedAccess: [{ id: "acc-hooli-q3" }, { id: "acc-hooli-q4" }],
      droppedInvoices: [{ id: "inv-hooli-q3" }, { id: "inv-hooli-q4" }],
    });
    expect(c.deltas).toEqual([{ customerId: "cus-hooli", creditTypeId: USD, amount: -5_000_000 }]);
  });

  it("forget, and retainOnDelete, leave the value in Metronome", () => {
    expect(changeNamed(review, "pied-piper-2027")).toMatchObject({ action: "forget", removal: { policy: "forget", retained: false } });
    expect(changeNamed(review, "umbrella-2027")).toMatchObject({ action: "forget", removal: { policy: "forget", retained: true } });
    expect(changeNamed(review, "umbrella-2027").deltas[0]?.amount).toBe(0);
  });

  it("totals the plan", () => {
    expect(review.totals.overall).toEqual([{ creditTypeId: USD, net: -13_000_000, pending: [] }]);
  });
});

describe("mixed plan across two customers", () => {
  const review = reviewOf("mixed");
  it("has one change per resource, by resource name", () => {
    expect(review.changes.map((c) => [c.action, c.name])).toEqual([
      ["edit", "acme-2027"],
      ["create", "acme-2028"],
      ["replace", "globex-2027"],
      ["archive", "globex-cloud-credits"],
    ]);
    expect(review.unchanged).toBe(1);
  });

  it("removes schedule items by id", () => {
    expect(changeNamed(review, "acme-2027").items.map((i) => [i.schedule, i.kind, i.id])).toEqual([
      ["access", "remove", "acc-acme-q4"],
      ["invoice", "remove", "inv-acme-q4"],
    ]);
  });

  it("lists what else differs in a replacement, but not item edits of the old commit", () => {
    const globex = changeNamed(review, "globex-2027");
    expect(globex.fields).toEqual([
      { path: "onDelete", before: "endAccess", after: "archive" },
      { path: "productId", before: "prod-prepaid-commit", after: "prod-postpaid-commit" },
    ]);
    expect(globex.items).toEqual([]);
    // The old commit goes by its own (stored) policy.
    expect(globex.removal?.policy).toBe("endAccess");
  });

  it("totals per customer and per currency", () => {
    expect(review.totals.byCustomer).toEqual([
      { customerId: "cus-acme", creditTypeId: USD, net: 15_000_000 - 3_000_000, pending: [] },
      { customerId: "cus-globex", creditTypeId: EUR, net: 20_000_000 - 8_000_000, pending: [] },
      { customerId: "cus-globex", creditTypeId: CLOUD, net: -500_000, pending: [] },
    ]);
    expect(review.totals.overall.map((r) => [r.creditTypeId, r.net])).toEqual([
      [USD, 12_000_000],
      [EUR, 12_000_000],
      [CLOUD, -500_000],
    ]);
  });
});

describe("unknowns", () => {
  const review = reviewOf("unknowns");
  it("shows unknown inputs as unknown, whatever their form", () => {
    expect(changeNamed(review, "initech-2027").after?.customerId).toEqual(UNKNOWN_VALUE);
    const vandelay = changeNamed(review, "vandelay-2027").after;
    expect(vandelay?.productId).toEqual(UNKNOWN_VALUE); // the CLI's output<string>
    expect(vandelay?.invoicing).toEqual({ kind: "opaque", value: UNKNOWN_VALUE });
  });

  it("keeps an unknown amount out of the totals and says so", () => {
    const acme = changeNamed(review, "acme-2027");
    expect(acme.after?.value).toEqual(UNKNOWN_VALUE);
    expect(acme.items).toEqual([expect.objectContaining({ id: "acc-acme-1", after: expect.objectContaining({ amount: UNKNOWN_VALUE }) })]);
    expect(review.totals.byCustomer.find((r) => r.customerId === "cus-acme")).toEqual({ customerId: "cus-acme", creditTypeId: USD, net: 0, pending: ["unknown"] });
    expect(review.totals.byCustomer.find((r) => JSON.stringify(r.customerId) === JSON.stringify(UNKNOWN_VALUE))?.net).toBe(7_500_000);
    expect(review.totals.overall).toEqual([{ creditTypeId: USD, net: 8_500_000, pending: ["unknown"] }]);
  });

  it("marks a replacement forced only by an unknown as uncertain", () => {
    const globex = changeNamed(review, "globex-2027");
    expect(globex.replaceUncertain).toBe(true);
    expect(globex.replaceReasons).toEqual([expect.objectContaining({ property: "uniquenessKey", after: UNKNOWN_VALUE, unknownUntilApply: true })]);
    expect(globex.fields).toEqual([{ path: "description", before: undefined, after: UNKNOWN_VALUE }]);
  });
});

describe("secrets", () => {
  const review = reviewOf("secrets");
  it("shows secrets as secret, and a changed secret as changed", () => {
    const acme = changeNamed(review, "acme-2027");
    expect(acme.after?.name).toEqual(SECRET_VALUE);
    expect(acme.fields).toEqual([{ path: "name", before: SECRET_VALUE, after: SECRET_VALUE }]);
    expect(acme.after?.value).toEqual(SECRET_VALUE);
    const hooli = changeNamed(review, "hooli-2027").after;
    expect(hooli?.access).toEqual(SECRET_VALUE);
    expect(hooli?.creditTypeId).toEqual(SECRET_VALUE);
    expect(review.totals.overall.every((r) => r.pending.includes("secret"))).toBe(true);
  });
});

describe("detailedDiff: null (the provider overrode the engine's diff)", () => {
  it("computes the changes from the two states", () => {
    const c = changeNamed(reviewOf("detailed-diff-null"), "acme-2027");
    expect(c.fields).toEqual([
      { path: "customFields", before: undefined, after: { "deal-id": "D-4471" } },
      { path: "description", before: undefined, after: "Shortened after renegotiation" },
    ]);
    expect(c.items.map((i) => [i.schedule, i.kind, i.id])).toEqual([
      ["access", "update", "acc-acme-1"],
      ["invoice", "update", "inv-acme-1"],
    ]);
    expect(c.deltas[0]?.amount).toBe(-2_000_000);
  });
});
