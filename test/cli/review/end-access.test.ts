import { describe, expect, it } from "vitest";
import { estimateEndAccess, nextWholeHour } from "../../../cli/review/end-access";
import type { Snapshot } from "../../../cli/review/model";
import { SECRET_VALUE } from "../../../cli/review/values";

const USD = "2714e483-4ff1-48e4-9e25-ac732e8f24f2";
const quarter = (n: number, start: string, end: string) => ({ id: `q${n}`, amount: 2_500_000, startingAt: start, endingBefore: end });
const commit = (over: Partial<Snapshot> = {}): Snapshot => ({
  id: "cmt-1",
  customerId: "cus-1",
  productId: "prod-1",
  type: "PREPAID",
  creditTypeId: USD,
  access: [
    quarter(1, "2027-01-01T00:00:00Z", "2027-04-01T00:00:00Z"),
    quarter(2, "2027-04-01T00:00:00Z", "2027-07-01T00:00:00Z"),
    quarter(3, "2027-07-01T00:00:00Z", "2027-10-01T00:00:00Z"),
    quarter(4, "2027-10-01T00:00:00Z", "2028-01-01T00:00:00Z"),
  ],
  value: 10_000_000,
  invoicing: {
    kind: "items",
    creditTypeId: USD,
    items: [
      { id: "i1", timestamp: "2027-01-01T00:00:00Z", amount: 5_000_000 },
      { id: "i2", timestamp: "2027-07-01T00:00:00Z", amount: 5_000_000 },
    ],
  },
  onDelete: "endAccess",
  ...over,
});

describe("nextWholeHour", () => {
  it("is the hour after, as the provider computes it", () => {
    expect(nextWholeHour(new Date("2027-06-15T10:30:00Z"))).toBe("2027-06-15T11:00:00Z");
    expect(nextWholeHour(new Date("2027-06-15T10:00:00Z"))).toBe("2027-06-15T11:00:00Z");
  });
});

describe("estimateEndAccess", () => {
  it("drops the items and invoices at or after the end; the item in progress keeps its amount", () => {
    const e = estimateEndAccess(commit(), new Date("2027-06-30T23:10:00Z"));
    expect(e.endsAt).toBe("2027-07-01T00:00:00Z");
    expect(e.droppedAccess.map((i) => i.id)).toEqual(["q3", "q4"]);
    expect(e.lostValue).toBe(5_000_000);
    expect(e.droppedInvoices.map((i) => i.id)).toEqual(["i2"]);
    expect(e.refusal).toBeUndefined();
  });

  it("predicts Metronome's refusal for a POSTPAID commit", () => {
    expect(estimateEndAccess(commit({ type: "POSTPAID" }), new Date("2027-06-15T10:30:00Z")).refusal).toMatch(/only for PREPAID/);
  });

  it("predicts Metronome's refusal before access starts", () => {
    const e = estimateEndAccess(commit(), new Date("2026-11-20T12:00:00Z"));
    expect(e.refusal).toBe("Metronome cannot end access before it starts (2027-01-01T00:00:00Z)");
    expect(e.lostValue).toBe(0);
  });

  it("knows there is nothing to end after access ended", () => {
    expect(estimateEndAccess(commit(), new Date("2028-02-01T00:00:00Z"))).toMatchObject({ alreadyEnded: true, lostValue: 0 });
  });

  it("does not guess from a secret schedule", () => {
    expect(estimateEndAccess(commit({ access: SECRET_VALUE }), new Date("2027-06-15T10:30:00Z")).lostValue).toEqual(SECRET_VALUE);
  });
});
