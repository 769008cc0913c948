// update: each in-place change against the emulator. The request log shows
// only the calls the change needs (the live read it is planned against, the
// writes, the read-back), Metronome shows the change, and the outputs equal
// the new declaration, so the next preview is empty.

import { describe, expect, it } from "vitest";
import { CommitGoneError, UnsupportedChangeError, UpdateIncompleteError } from "../../../provider/runtime/errors";
import {
  PATHS,
  checked,
  created,
  expectJsonSafe,
  metronomeCommit,
  newWorld,
  prepaidArgs,
  provider,
  rejection,
  summarize,
  useRuntime,
  writesIn,
  type Raw,
  type World,
} from "./harness";

const h = useRuntime();

/** Outputs without item ids, server fields and revision: must equal the declared inputs. */
function declaredPart(outs: Raw): Raw {
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

describe("update", () => {
  it.each(cases)("applies $change in place with only the calls it needs", async ({ base, edit, writes, expectInMetronome }) => {
    await h.api.addCustomFieldKey({ entity: "commit", key: "region", enforce_uniqueness: false });
    await h.api.addCustomFieldKey({ entity: "commit", key: "deal_id", enforce_uniqueness: false });
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
    expect(declaredPart(outsAfter)).toEqual(news);
    expect(outsAfter.revision).toBe(writes.length > 0 ? 1 : 0);
    expectInMetronome(await metronomeCommit(h.api, w.customerId, id), w);
    // A refresh right after finds nothing to change.
    const read = await provider.read(id, outsAfter);
    expect(read.inputs).toEqual(news);
  });

  it("plans against Metronome, not the state: an edit made in the dashboard is brought back to the declaration", async () => {
    const w = await newWorld(h.api);
    const args = prepaidArgs(w);
    const { id, outs } = await created(args);
    const item = (await metronomeCommit(h.api, w.customerId, id)).access_schedule!.schedule_items[0]!;
    // Behind Pulumi's back: the amount changes and a second period appears.
    await h.api.editCommit({
      customer_id: w.customerId,
      commit_id: id,
      access_schedule: {
        update_schedule_items: [{ id: item.id, amount: 1_234_500 }],
        add_schedule_items: [{ amount: 1, starting_at: "2028-01-01T00:00:00Z", ending_before: "2028-02-01T00:00:00Z" }],
      },
    });
    // The program only renames the commit; the state still says 1,000,000.
    const news = await checked({ ...args, name: "Renamed" });
    const result = await provider.update(id, outs, news);
    const commit = await metronomeCommit(h.api, w.customerId, id);
    expect(commit.name).toBe("Renamed");
    expect(commit.access_schedule!.schedule_items.map((i) => i.amount)).toEqual([1_000_000]);
    expect(declaredPart(result.outs as Raw)).toEqual(news);
  });

  it("refuses a change Metronome cannot make in place before sending anything", async () => {
    const w = await newWorld(h.api);
    const args = prepaidArgs(w);
    const { id, outs } = await created(args);
    const { name: _dropped, ...withoutName } = args;
    const news = await checked(withoutName);
    await h.emu.clearLog();
    const error = await rejection(provider.update(id, outs, news));
    expect(error).toBeInstanceOf(UnsupportedChangeError);
    expect(error.message).toMatch(/name: Metronome cannot clear a commit's name/);
    expect(writesIn(await h.emu.calls())).toEqual([]);
  });

  it("records how far an update got when Metronome refuses part of it, and finishes it on the next run", async () => {
    const w = await newWorld(h.api);
    const args = prepaidArgs(w);
    const { id, outs } = await created(args);
    const next: any = structuredClone(args);
    next.accessSchedule.scheduleItems[0].amount = 2_000_000;
    next.customFields = { cost_center: "CC-7" }; // key not registered for commits yet
    const news = await checked(next);
    await h.emu.clearLog();

    const error = await rejection(provider.update(id, { __provider: "shim-text", ...outs }, { __provider: "shim-text", ...news }));
    expect(error).toBeInstanceOf(UpdateIncompleteError);
    const incomplete = error as UpdateIncompleteError;
    expect(incomplete.message).toMatch(/did not complete: BadRequestError: 400 .*cost_center/);
    expect(incomplete.message).toMatch(/Already applied: edit/);
    // The engine records these properties: Metronome's state, the revision used, and the plugin's __provider.
    expect(incomplete.id).toBe(id);
    expect(incomplete.reasons).toEqual([incomplete.message]);
    expect(incomplete.properties.__provider).toBe("shim-text");
    expect((incomplete.properties as any).accessSchedule.scheduleItems[0].amount).toBe(2_000_000);
    expect(incomplete.properties.customFields).toBeUndefined();
    expect(incomplete.properties.revision).toBe(1);
    expectJsonSafe(incomplete.properties);
    expect(writesIn(await h.emu.calls())).toEqual([`${PATHS.edit} 200`, `${PATHS.setFields} 400`]);

    // The user registers the key; the engine re-runs the update (init errors)
    // with the recorded properties. Only the missing part is sent, under a new
    // idempotency key (the refusal is not replayed).
    await h.api.addCustomFieldKey({ entity: "commit", key: "cost_center", enforce_uniqueness: false });
    await h.emu.clearLog();
    const { __provider: _p, ...recorded } = incomplete.properties;
    const result = await provider.update(id, recorded, news);
    expect(writesIn(await h.emu.calls())).toEqual([`${PATHS.setFields} 200`]);
    expect((result.outs as Raw).revision).toBe(2);
    const commit = await metronomeCommit(h.api, w.customerId, id);
    expect(commit.custom_fields).toEqual({ cost_center: "CC-7" });
    expect(commit.access_schedule!.schedule_items.map((i) => i.amount)).toEqual([2_000_000]);
  });

  it("uses a fresh idempotency key on the next run after a refusal (a stored refusal is never replayed)", async () => {
    const w = await newWorld(h.api);
    const args = prepaidArgs(w);
    const { id, outs } = await created(args);
    const news = await checked({ ...args, customFields: { po_number: "PO-9" } });
    const first = await rejection(provider.update(id, outs, news));
    expect(first).toBeInstanceOf(UpdateIncompleteError);
    expect(first.message).toMatch(/Nothing was changed/);
    await h.api.addCustomFieldKey({ entity: "commit", key: "po_number", enforce_uniqueness: false });
    await h.emu.clearLog();
    await provider.update(id, (first as UpdateIncompleteError).properties, news);
    expect(writesIn(await h.emu.calls())).toEqual([`${PATHS.setFields} 200`]);
    expect((await metronomeCommit(h.api, w.customerId, id)).custom_fields).toEqual({ po_number: "PO-9" });
  });

  it("says what to do when the commit was archived in Metronome", async () => {
    const w = await newWorld(h.api);
    const args = prepaidArgs(w);
    const { id, outs } = await created(args);
    await h.api.archiveCommit({ customer_id: w.customerId, commit_id: id });
    const error = await rejection(provider.update(id, outs, await checked({ ...args, name: "x" })));
    expect(error).toBeInstanceOf(CommitGoneError);
    expect(error.message).toMatch(new RegExp(`Commit ${id} of customer ${w.customerId} was archived in Metronome at .*pulumi refresh`));
  });
});
