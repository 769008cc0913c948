// create, one kind of commit per row, against the emulator: the commit exists
// in Metronome exactly once under our key, the id returned is its id, and the
// outputs are every canonical input plus Metronome's own fields, JSON-safe
// (the gRPC Struct conversion rejects undefined), with schedule-item ids.

import { describe, expect, it } from "vitest";
import { SERVER_OUTPUT_KEYS } from "../../../provider/core";
import {
  EUR,
  PATHS,
  commitsWithKey,
  created,
  expectJsonSafe,
  freeArgs,
  metronomeCommit,
  newWorld,
  prepaidArgs,
  rejection,
  summarize,
  useRuntime,
  type Raw,
  type World,
  canonicalOf,
} from "./harness";

const h = useRuntime();

interface Case {
  kind: string;
  args: (w: World) => Raw;
  /** What Metronome must hold, beyond what every row checks. */
  expectInMetronome?: (commit: any, w: World) => void;
  before?: () => Promise<void>;
}

const cases: Case[] = [
  {
    kind: "free PREPAID (no invoice schedule)",
    args: (w) => freeArgs(w),
    expectInMetronome: (c) => {
      expect(c.invoice_schedule).toBeUndefined();
      expect(c.access_schedule.schedule_items).toHaveLength(1);
    },
  },
  {
    kind: "invoiced PREPAID",
    args: (w) => prepaidArgs(w, { description: "Signed 2026-11-02", rateType: "commit_rate" }),
    expectInMetronome: (c, w) => {
      expect(c.invoice_contract).toEqual({ id: w.contractId });
      expect(c.invoice_schedule.schedule_items.map((i: any) => i.amount)).toEqual([1_000_000]);
      expect(c.rate_type).toBe("COMMIT_RATE");
      expect(c.description).toBe("Signed 2026-11-02");
    },
  },
  {
    kind: "PREPAID with two access periods and unit-price invoices, in EUR",
    args: (w) =>
      prepaidArgs(w, {
        accessSchedule: {
          creditTypeId: EUR,
          scheduleItems: [
            { amount: 600_000, startingAt: "2027-07-01T00:00:00Z", endingBefore: "2028-01-01T00:00:00Z" },
            { amount: 400_000, startingAt: "2027-01-01T00:00:00Z", endingBefore: "2027-07-01T00:00:00Z" },
          ],
        },
        invoiceSchedule: {
          creditTypeId: EUR,
          scheduleItems: [
            { timestamp: "2027-01-01T00:00:00Z", quantity: 2, unitPrice: 250_000 },
            { timestamp: "2027-07-01T00:00:00Z", quantity: 1, unitPrice: 500_000 },
          ],
        },
      }),
    expectInMetronome: (c) => {
      expect(c.access_schedule.credit_type.id).toBe(EUR);
      expect(c.access_schedule.schedule_items).toHaveLength(2);
      expect(c.invoice_schedule.schedule_items.map((i: any) => [i.quantity, i.unit_price])).toEqual([
        [2, 250_000],
        [1, 500_000],
      ]);
    },
  },
  {
    kind: "recurring invoice schedule",
    args: (w) =>
      prepaidArgs(w, {
        invoiceSchedule: {
          recurringSchedule: {
            amountDistribution: "divided",
            frequency: "quarterly",
            startingAt: "2027-01-01T00:00:00Z",
            endingBefore: "2028-01-01T00:00:00Z",
            amount: 1_000_000,
          },
        },
      }),
    expectInMetronome: (c) => {
      expect(c.invoice_schedule.schedule_items.map((i: any) => i.amount)).toEqual([250_000, 250_000, 250_000, 250_000]);
    },
  },
  {
    kind: "POSTPAID",
    args: (w) =>
      prepaidArgs(w, {
        type: "POSTPAID",
        name: "Acme 2027 minimum spend",
        accessSchedule: { scheduleItems: [{ amount: 500_000, startingAt: "2027-01-01T00:00:00Z", endingBefore: "2028-01-01T00:00:00Z" }] },
        invoiceSchedule: { scheduleItems: [{ timestamp: "2027-12-31T00:00:00Z", amount: 500_000 }] },
        applicableContractIds: [],
      }),
    expectInMetronome: (c) => {
      expect(c.type).toBe("POSTPAID");
      expect(c.invoice_schedule.schedule_items[0].timestamp).toBe("2027-12-31T00:00:00.000Z");
    },
  },
  {
    kind: "specifiers",
    args: (w) =>
      prepaidArgs(w, {
        specifiers: [
          { productTags: ["api"], pricingGroupValues: { region: "eu" } },
          { productId: w.usageProductId, presentationGroupValues: { tier: "gold" } },
        ],
      }),
    expectInMetronome: (c, w) => {
      expect(c.specifiers).toHaveLength(2);
      expect(c.specifiers).toEqual(
        expect.arrayContaining([
          { product_tags: ["api"], pricing_group_values: { region: "eu" } },
          { product_id: w.usageProductId, presentation_group_values: { tier: "gold" } },
        ]),
      );
    },
  },
  {
    kind: "applicable products, tags and contracts",
    args: (w) =>
      prepaidArgs(w, {
        applicableProductIds: [w.usageProductId],
        applicableProductTags: ["api", "api"],
        applicableContractIds: [w.contractId],
      }),
    expectInMetronome: (c, w) => {
      // Either form Metronome may answer them in (emulator mode ignoreUnsourced answers specifiers).
      expect(c.applicable_product_ids ?? c.specifiers.map((s: any) => s.product_id)).toEqual([w.usageProductId]);
      expect(c.applicable_product_tags).toEqual(["api"]);
      expect(c.applicable_contract_ids).toEqual([w.contractId]);
    },
  },
  {
    kind: "custom fields",
    before: async () => {
      await h.api.customFields.addKey({ entity: "commit", key: "deal_id", enforce_uniqueness: false });
      await h.api.customFields.addKey({ entity: "commit", key: "region", enforce_uniqueness: false });
    },
    args: (w) => prepaidArgs(w, { customFields: { region: "eu", deal_id: "D-42" } }),
    expectInMetronome: (c) => expect(c.custom_fields).toEqual({ deal_id: "D-42", region: "eu" }),
  },
  {
    kind: "NetSuite and Salesforce ids",
    args: (w) => prepaidArgs(w, { netsuiteSalesOrderId: "SO-1001", salesforceOpportunityId: "006Dn00000A1" }),
    expectInMetronome: (c) => {
      expect(c.netsuite_sales_order_id).toBe("SO-1001");
      expect(c.salesforce_opportunity_id).toBe("006Dn00000A1");
    },
  },
];

/** Outputs with the server's additions removed: what must equal the canonical inputs. */
function declaredPart(outs: Raw): Raw {
  const copy: any = JSON.parse(JSON.stringify(outs));
  for (const k of [...SERVER_OUTPUT_KEYS, "revision"]) delete copy[k];
  for (const s of [copy.accessSchedule, copy.invoiceSchedule]) for (const item of s?.scheduleItems ?? []) delete item.id;
  return copy;
}

describe("create", () => {
  it.each(cases)("creates a $kind commit once, with JSON-safe outputs holding every input", async ({ args, expectInMetronome, before }) => {
    await before?.();
    const w = await newWorld(h.api);
    await h.emu.clearLog();
    const { inputs, id, outs } = await created(args(w));
    // One create and the read-back, nothing else.
    expect(summarize(await h.emu.calls())).toEqual([`${PATHS.create} 200`, `${PATHS.list} 200`]);

    // Metronome holds exactly one commit with our key, and it is the one returned.
    const holders = await commitsWithKey(h.api, w.customerId, inputs.uniquenessKey as string);
    expect(holders.map((c) => c.id)).toEqual([id]);
    const commit = await metronomeCommit(h.api, w.customerId, id);
    expect(commit.archived_at).toBeUndefined();
    expectInMetronome?.(commit, w);

    // Outputs: JSON-safe, every canonical input, plus ids and Metronome's fields.
    expectJsonSafe(outs);
    expect(declaredPart(outs)).toEqual(canonicalOf(inputs));
    expect(outs.uniquenessKey).toBe(inputs.uniquenessKey);
    expect(Date.parse(outs.createdAt as string)).toBe(Date.parse(commit.created_at));
    expect(outs.revision).toBe(0);
    expect(outs).not.toHaveProperty("archivedAt");
    const access = (outs.accessSchedule as any).scheduleItems as any[];
    expect(access.map((i) => i.id)).toEqual(commit.access_schedule!.schedule_items.map((i) => i.id));
    const invoice = (outs.invoiceSchedule as any)?.scheduleItems as any[] | undefined;
    if (invoice) expect(invoice.map((i) => i.id).sort()).toEqual(commit.invoice_schedule!.schedule_items!.map((i) => i.id).sort());
  });

  it("refuses, naming the key, a key another customer's commit holds, and creates nothing", async () => {
    const first = await newWorld(h.api);
    const second = await newWorld(h.api);
    const { id, inputs } = await created(freeArgs(first));
    const error = await rejection(created(freeArgs(second, { uniquenessKey: inputs.uniquenessKey })));
    expect(error.message).toContain(`uniqueness key "${String(inputs.uniquenessKey)}" is already used`);
    expect(await h.api.commits.listAll({ customer_id: second.customerId, include_archived: true })).toEqual([]);
    expect((await commitsWithKey(h.api, first.customerId, inputs.uniquenessKey as string)).map((c) => c.id)).toEqual([id]);
  });

  it("drops the engine's __provider before anything reaches Metronome, and returns none", async () => {
    const w = await newWorld(h.api);
    const { outs } = await created(freeArgs(w));
    expect(Object.keys(outs).filter((k) => k.startsWith("__"))).toEqual([]);
  });
});
