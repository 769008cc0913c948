// Expansion of recurring invoice schedules: unit checks of the split, and the
// read-back through customerCommits/list (items, never recurring_schedule).

import { beforeAll, describe, expect, it } from "vitest";
import { expandRecurring, periodStarts } from "../../emulator/recurring";
import { makeWorld, prepaid, readCommit, useEmulator, type World } from "./fixtures";

const ms = (s: string) => Date.parse(s);

describe("periodStarts", () => {
  it.each([
    ["MONTHLY", "2027-01-01T00:00:00Z", "2027-04-01T00:00:00Z", 3],
    ["QUARTERLY", "2027-01-01T00:00:00Z", "2028-01-01T00:00:00Z", 4],
    ["SEMI_ANNUAL", "2027-01-01T00:00:00Z", "2028-01-01T00:00:00Z", 2],
    ["ANNUAL", "2027-01-01T00:00:00Z", "2030-01-01T00:00:00Z", 3],
    ["MONTHLY", "2027-01-01T00:00:00Z", "2027-02-15T00:00:00Z", 2], // a partial last period still bills
  ] as const)("%s from %s to %s gives %i periods", (frequency, s, e, n) => {
    expect(periodStarts(ms(s), ms(e), frequency)).toHaveLength(n);
  });

  it("clamps month ends without drifting (Jan 31, Feb 28, Mar 31)", () => {
    const starts = periodStarts(ms("2027-01-31T00:00:00Z"), ms("2027-05-01T00:00:00Z"), "MONTHLY").map((t) => new Date(t).toISOString());
    expect(starts).toEqual(["2027-01-31T00:00:00.000Z", "2027-02-28T00:00:00.000Z", "2027-03-31T00:00:00.000Z", "2027-04-30T00:00:00.000Z"]);
  });
});

describe("expandRecurring", () => {
  const base = { startMs: ms("2027-01-01T00:00:00Z"), endMs: ms("2027-04-01T00:00:00Z"), frequency: "MONTHLY" as const };
  const money = (items: ReturnType<typeof expandRecurring>) => items.map(({ amount, quantity, unit_price }) => ({ amount, quantity, unit_price }));

  it.each([
    ["EACH with amount", { distribution: "EACH", amount: 100 }, [100, 100, 100].map((a) => ({ amount: a, quantity: 1, unit_price: a }))],
    ["EACH with unit_price x quantity", { distribution: "EACH", unitPrice: 5, quantity: 4 }, Array(3).fill({ amount: 20, quantity: 4, unit_price: 5 })],
    ["DIVIDED with amount", { distribution: "DIVIDED", amount: 300 }, Array(3).fill({ amount: 100, quantity: 1, unit_price: 100 })],
    ["DIVIDED keeps fractions", { distribution: "DIVIDED", amount: 100 }, Array(3).fill({ amount: 100 / 3, quantity: 1, unit_price: 100 / 3 })],
    ["DIVIDED with unit_price x quantity divides the quantity", { distribution: "DIVIDED", unitPrice: 10, quantity: 6 }, Array(3).fill({ amount: 20, quantity: 2, unit_price: 10 })],
    ["DIVIDED_ROUNDED puts the remainder last", { distribution: "DIVIDED_ROUNDED", amount: 100 }, [33, 33, 34].map((a) => ({ amount: a, quantity: 1, unit_price: a }))],
    ["DIVIDED_ROUNDED rounds to the nearest unit", { distribution: "DIVIDED_ROUNDED", amount: 200 }, [67, 67, 66].map((a) => ({ amount: a, quantity: 1, unit_price: a }))],
  ] as const)("%s", (_name, input, expected) => {
    const items = expandRecurring({ ...base, ...(input as any) });
    expect(money(items)).toEqual(expected);
    expect(items.map((i) => i.timestamp)).toEqual(["2027-01-01T00:00:00.000Z", "2027-02-01T00:00:00.000Z", "2027-03-01T00:00:00.000Z"]);
    expect(new Set(items.map((i) => i.id)).size).toBe(3);
  });
});

describe("recurring invoice schedules through the API", () => {
  const h = useEmulator();
  let w: World;
  beforeAll(async () => {
    w = await makeWorld(h.client);
  });

  it("answers the expanded items and no recurring_schedule", async () => {
    const { data } = await h.client.v1.customers.commits.create(
      prepaid(w, {
        invoice_schedule: {
          recurring_schedule: {
            frequency: "quarterly",
            amount_distribution: "divided",
            starting_at: "2027-01-01T00:00:00Z",
            ending_before: "2028-01-01T00:00:00Z",
            amount: 1_000_000,
          },
        },
      }),
    );
    const c = await readCommit(h.client, w.customerId, data.id);
    expect(c.invoice_schedule).not.toHaveProperty("recurring_schedule");
    expect(c.invoice_schedule.schedule_items.map(({ timestamp, amount, quantity, unit_price }: any) => ({ timestamp, amount, quantity, unit_price }))).toEqual([
      { timestamp: "2027-01-01T00:00:00.000Z", amount: 250_000, quantity: 1, unit_price: 250_000 },
      { timestamp: "2027-04-01T00:00:00.000Z", amount: 250_000, quantity: 1, unit_price: 250_000 },
      { timestamp: "2027-07-01T00:00:00.000Z", amount: 250_000, quantity: 1, unit_price: 250_000 },
      { timestamp: "2027-10-01T00:00:00.000Z", amount: 250_000, quantity: 1, unit_price: 250_000 },
    ]);
    for (const item of c.invoice_schedule.schedule_items) expect(item.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("expands EACH with unit_price and quantity over an annual schedule", async () => {
    const { data } = await h.client.v1.customers.commits.create(
      prepaid(w, {
        invoice_schedule: {
          recurring_schedule: {
            frequency: "ANNUAL",
            amount_distribution: "EACH",
            starting_at: "2027-01-01T00:00:00Z",
            ending_before: "2029-01-01T00:00:00Z",
            unit_price: 1000,
            quantity: 3,
          },
        },
      }),
    );
    const c = await readCommit(h.client, w.customerId, data.id);
    expect(c.invoice_schedule.schedule_items.map((i: any) => [i.timestamp, i.amount, i.quantity, i.unit_price])).toEqual([
      ["2027-01-01T00:00:00.000Z", 3000, 3, 1000],
      ["2028-01-01T00:00:00.000Z", 3000, 3, 1000],
    ]);
  });
});
