// The in-place changes the update tests make, one per row, and the test
// that applies each: shared so that the same rows run against the emulator
// in its default mode (update.test.ts) and with \`ignoreUnsourced\`
// (verify-edit.test.ts), where Metronome does only what a source says.

import { expect, it } from "vitest";
import { PATHS, canonicalOf, checked, created, expectJsonSafe, metronomeCommit, newWorld, prepaidArgs, provider, summarize, type Harness, type Raw, type World } from "./harness";

/** Outputs without item ids, server fields and revision: must equal the declared inputs. */
export function declaredPart(outs: Raw): Raw {
  const copy: any = JSON.parse(JSON.stringify(outs));
  for (const k of ["createdAt", "archivedAt", "revision"]) delete copy[k];
  for (const s of [copy.accessSchedule, copy.invoiceSchedule]) for (const item of s?.scheduleItems ?? []) delete item.id;
  return copy;
}

interface Case {
  change: string;
  base?: (w: World) => Raw;
  edit: (args: any, w: World) => void;
  writes: string[];
  expectInMetronome: (commit: any, w: World) => void;
}

const EDIT = `${PATHS.edit} 200`;
const SET = `${PATHS.setFields} 200`;
const DEL = `${PATHS.deleteFields} 200`;

const cases: Case[] = [
  {
    change: "access amount",
    edit: (a) => (a.accessSchedule.scheduleItems[0].amount = 1_500_000),
    writes: [EDIT],
    expectInMetronome: (c) => expect(c.access_schedule.schedule_items.map((i: any) => i.amount)).toEqual([1_500_000]),
  },
  {
    change: "access dates",
    edit: (a) => (a.accessSchedule.scheduleItems[0].endingBefore = "2028-07-01T00:00:00+00:00"),
    writes: [EDIT],
    expectInMetronome: (c) => expect(c.access_schedule.schedule_items[0].ending_before).toBe("2028-07-01T00:00:00.000Z"),
  },
  {
    change: "invoice date and amount",
    edit: (a) => {
      a.invoiceSchedule.scheduleItems[0] = { timestamp: "2027-02-01T00:00:00Z", amount: 900_000 };
    },
    writes: [EDIT],
    expectInMetronome: (c) =>
      expect(c.invoice_schedule.schedule_items.map((i: any) => [i.timestamp, i.amount])).toEqual([["2027-02-01T00:00:00.000Z", 900_000]]),
  },
  {
    change: "an added access period and invoice",
    edit: (a) => {
      a.accessSchedule.scheduleItems.push({ amount: 250_000, startingAt: "2028-01-01T00:00:00Z", endingBefore: "2028-04-01T00:00:00Z" });
      a.invoiceSchedule.scheduleItems.push({ timestamp: "2028-01-01T00:00:00Z", amount: 250_000 });
    },
    writes: [EDIT],
    expectInMetronome: (c) => {
      expect(c.access_schedule.schedule_items.map((i: any) => i.amount)).toEqual([1_000_000, 250_000]);
      expect(c.invoice_schedule.schedule_items.map((i: any) => i.amount)).toEqual([1_000_000, 250_000]);
    },
  },
  {
    change: "a removed access period and invoice",
    base: (w) =>
      prepaidArgs(w, {
        accessSchedule: {
          scheduleItems: [
            { amount: 500_000, startingAt: "2027-01-01T00:00:00Z", endingBefore: "2027-07-01T00:00:00Z" },
            { amount: 500_000, startingAt: "2027-07-01T00:00:00Z", endingBefore: "2028-01-01T00:00:00Z" },
          ],
        },
        invoiceSchedule: {
          scheduleItems: [
            { timestamp: "2027-01-01T00:00:00Z", amount: 500_000 },
            { timestamp: "2027-07-01T00:00:00Z", amount: 500_000 },
          ],
        },
      }),
    edit: (a) => {
      a.accessSchedule.scheduleItems.pop();
      a.invoiceSchedule.scheduleItems.pop();
    },
    writes: [EDIT],
    expectInMetronome: (c) => {
      expect(c.access_schedule.schedule_items.map((i: any) => i.starting_at)).toEqual(["2027-01-01T00:00:00.000Z"]);
      expect(c.invoice_schedule.schedule_items.map((i: any) => i.timestamp)).toEqual(["2027-01-01T00:00:00.000Z"]);
    },
  },
  {
    change: "name, description, priority, product and rate type",
    edit: (a, w) => {
      a.name = "Acme 2027 prepaid (amended)";
      a.description = "Amendment 1";
      a.priority = 10;
      a.productId = w.otherProductId;
      a.rateType = "COMMIT_RATE";
    },
    writes: [EDIT],
    expectInMetronome: (c, w) => {
      expect(c).toMatchObject({ name: "Acme 2027 prepaid (amended)", description: "Amendment 1", priority: 10, rate_type: "COMMIT_RATE" });
      expect(c.product.id).toBe(w.otherProductId);
    },
  },
  {
    change: "custom fields added",
    edit: (a) => (a.customFields = { region: "eu", deal_id: "D-1" }),
    writes: [SET],
    expectInMetronome: (c) => expect(c.custom_fields).toEqual({ region: "eu", deal_id: "D-1" }),
  },
  {
    change: "custom fields changed and removed",
    base: (w) => prepaidArgs(w, { customFields: { region: "eu", deal_id: "D-1" } }),
    edit: (a) => (a.customFields = { region: "us" }),
    writes: [SET, DEL],
    expectInMetronome: (c) => expect(c.custom_fields).toEqual({ region: "us" }),
  },
  {
    change: "all custom fields removed",
    base: (w) => prepaidArgs(w, { customFields: { region: "eu" } }),
    edit: (a) => delete a.customFields,
    writes: [DEL],
    expectInMetronome: (c) => expect(c.custom_fields ?? {}).toEqual({}),
  },
  {
    change: "applicableProductIds cleared",
    base: (w) => prepaidArgs(w, { applicableProductIds: [w.usageProductId], applicableProductTags: ["api"] }),
    edit: (a) => {
      delete a.applicableProductIds;
      a.applicableProductTags = [];
    },
    writes: [EDIT],
    expectInMetronome: (c) => {
      expect(c.applicable_product_ids).toBeUndefined();
      expect(c.applicable_product_tags).toBeUndefined();
    },
  },
  {
    change: "specifiers replaced",
    base: (w) => prepaidArgs(w, { specifiers: [{ productTags: ["api"] }] }),
    edit: (a, w) => (a.specifiers = [{ productId: w.usageProductId, pricingGroupValues: { region: "eu" } }]),
    writes: [EDIT],
    expectInMetronome: (c, w) => expect(c.specifiers).toEqual([{ product_id: w.usageProductId, pricing_group_values: { region: "eu" } }]),
  },
  {
    change: "onDelete only (nothing to send)",
    edit: (a) => (a.onDelete = "forget"),
    writes: [],
    expectInMetronome: (c) => expect(c.archived_at).toBeUndefined(),
  },
];

/** Each row: the change is applied in place with only the calls it needs, and Metronome and the outputs show it. */
export function itAppliesEachChange(h: Harness): void {
  it.each(cases)("applies $change in place with only the calls it needs", async ({ base, edit, writes, expectInMetronome }) => {
    await h.api.customFields.addKey({ entity: "commit", key: "region", enforce_uniqueness: false });
    await h.api.customFields.addKey({ entity: "commit", key: "deal_id", enforce_uniqueness: false });
    const w = await newWorld(h.api);
    const args = (base ?? ((x: World) => prepaidArgs(x)))(w);
    const { id, outs } = await created(args);
    const next: any = structuredClone(args);
    edit(next, w);
    const news = await checked(next, args);
    await h.emu.clearLog();

    const result = await provider.update(id, { __provider: "shim", ...outs }, { __provider: "shim", ...news });

    // The live read the change is planned against, the writes, the read-back
    // (none when nothing was sent).
    const readBack = writes.length > 0 ? [`${PATHS.list} 200`] : [];
    expect(summarize(await h.emu.calls())).toEqual([`${PATHS.list} 200`, ...writes, ...readBack]);
    const outsAfter = result.outs as Raw;
    expectJsonSafe(outsAfter);
    expect(declaredPart(outsAfter)).toEqual(canonicalOf(news));
    expect(outsAfter.revision).toBe(writes.length > 0 ? 1 : 0);
    expectInMetronome(await metronomeCommit(h.api, w.customerId, id), w);
    // A refresh right after finds nothing to change, and keeps the stored inputs.
    expect(await provider.read(id, outsAfter)).toEqual({ id, props: outsAfter });
  });
}
