// read (`pulumi refresh`): an untouched commit reads back as exactly what was
// declared (so the next preview is empty); a change made in Metronome behind
// Pulumi's back shows field by field; an archived or missing commit is gone.

import { describe, expect, it } from "vitest";
import { differences } from "../../../provider/core/differences";
import {
  PATHS,
  UNKNOWN_ID,
  created,
  expectJsonSafe,
  freeArgs,
  metronomeCommit,
  newWorld,
  prepaidArgs,
  provider,
  rejection,
  summarize,
  useRuntime,
  type Raw,
  type World,
} from "./harness";

const h = useRuntime();

const kinds: Array<[string, (w: World) => Raw]> = [
  ["free PREPAID", (w) => freeArgs(w)],
  ["invoiced PREPAID", (w) => prepaidArgs(w)],
  [
    "unit-price invoices",
    (w) => prepaidArgs(w, { invoiceSchedule: { scheduleItems: [{ timestamp: "2027-01-01T00:00:00Z", quantity: 4, unitPrice: 250_000 }] } }),
  ],
  [
    "recurring invoices",
    (w) =>
      prepaidArgs(w, {
        invoiceSchedule: {
          recurringSchedule: { amountDistribution: "EACH", frequency: "ANNUAL", startingAt: "2027-01-01T00:00:00Z", endingBefore: "2028-01-01T00:00:00Z", amount: 1_000_000 },
        },
      }),
  ],
  ["specifiers", (w) => prepaidArgs(w, { specifiers: [{ productTags: ["api"] }, { productId: w.usageProductId }] })],
  [
    "POSTPAID",
    (w) =>
      prepaidArgs(w, {
        type: "POSTPAID",
        accessSchedule: { scheduleItems: [{ amount: 500_000, startingAt: "2027-01-01T00:00:00Z", endingBefore: "2028-01-01T00:00:00Z" }] },
        invoiceSchedule: { scheduleItems: [{ timestamp: "2027-12-31T00:00:00Z", amount: 500_000 }] },
      }),
  ],
];

describe("read", () => {
  it.each(kinds)("reads an untouched %s commit back as the state holds it, leaving the stored inputs as they are", async (_kind, args) => {
    const w = await newWorld(h.api);
    const { id, outs } = await created(args(w));
    await h.emu.clearLog();
    const result = await provider.read(id, { __provider: "shim", ...outs });
    expect(result.id).toBe(id);
    expect(result).not.toHaveProperty("inputs");
    expect(result.props).toEqual(outs);
    expectJsonSafe(result);
    expect(summarize(await h.emu.calls())).toEqual([`${PATHS.list} 200`]);
  });

  it("shows a change made in Metronome field by field", async () => {
    const w = await newWorld(h.api);
    await h.api.customFields.addKey({ entity: "commit", key: "owner", enforce_uniqueness: false });
    const { inputs, id, outs } = await created(prepaidArgs(w));
    const commit = await metronomeCommit(h.api, w.customerId, id);
    const accessItem = commit.access_schedule!.schedule_items[0]!;
    // Someone edits the commit in Metronome's dashboard.
    await h.api.commits.edit({
      customer_id: w.customerId,
      commit_id: id,
      name: "Renamed in the dashboard",
      priority: 5,
      access_schedule: { update_schedule_items: [{ id: accessItem.id, amount: 1_200_000 }] },
      invoice_schedule: { add_schedule_items: [{ timestamp: "2027-07-01T00:00:00Z", amount: 200_000 }] },
    });
    await h.api.customFields.setValues({ entity: "commit", entity_id: id, custom_fields: { owner: "finance" } });

    const result = await provider.read(id, outs);
    expect(result.id).toBe(id);
    expectJsonSafe(result);
    const drift = differences(inputs, result.inputs);
    expect(drift).toEqual([
      { path: "accessSchedule.scheduleItems[0].amount", declared: 1_000_000, actual: 1_200_000 },
      { path: "customFields", declared: undefined, actual: { owner: "finance" } },
      { path: "invoiceSchedule.scheduleItems", declared: inputs.invoiceSchedule && (inputs.invoiceSchedule as any).scheduleItems, actual: expect.any(Array) },
      { path: "name", declared: "Acme 2027 prepaid", actual: "Renamed in the dashboard" },
      { path: "priority", declared: 100, actual: 5 },
    ]);
    expect((result.inputs as any).invoiceSchedule.scheduleItems).toEqual([
      { amount: 1_000_000, timestamp: "2027-01-01T00:00:00Z" },
      { amount: 200_000, timestamp: "2027-07-01T00:00:00Z" },
    ]);
    // Outputs carry the new item's id, so a later update can remove it by id.
    expect((result.props as any).invoiceSchedule.scheduleItems.every((i: any) => typeof i.id === "string")).toBe(true);
    // The provider-level fields survive a refresh; the inputs leave out the defaults, as check does.
    expect(result.inputs).toMatchObject({ uniquenessKey: inputs.uniquenessKey, customerId: w.customerId });
    expect(result.inputs).not.toHaveProperty("onDelete");
    expect(result.props).toMatchObject({ onDelete: "archive" });
  });

  it("drops a commit archived in Metronome ({} = gone)", async () => {
    const w = await newWorld(h.api);
    const { id, outs } = await created(freeArgs(w));
    await h.api.commits.archive({ customer_id: w.customerId, commit_id: id });
    expect(await provider.read(id, outs)).toEqual({});
  });

  it("drops a commit Metronome does not know ({} = gone)", async () => {
    const w = await newWorld(h.api);
    const { outs } = await created(freeArgs(w));
    expect(await provider.read(UNKNOWN_ID, outs)).toEqual({});
  });

  it("drops a commit of a customer Metronome does not know: the list answers 200 with no commits, as the spec declares", async () => {
    const w = await newWorld(h.api);
    const { id, outs } = await created(freeArgs(w));
    expect(await provider.read(id, { ...outs, customerId: UNKNOWN_ID })).toEqual({});
  });

  it("fails, dropping nothing, when the list answers 404 (an answer the spec does not declare)", async () => {
    const w = await newWorld(h.api);
    const { id, outs } = await created(freeArgs(w));
    await h.emu.arm({ path: PATHS.list, kind: "status", status: 404 });
    await rejection(provider.read(id, outs));
    expect((await provider.read(id, outs)).id).toBe(id);
  });

  it("keeps the revision counter of the state", async () => {
    const w = await newWorld(h.api);
    const { id, outs } = await created(freeArgs(w));
    const result = await provider.read(id, { ...outs, revision: 7 });
    expect((result.props as Raw).revision).toBe(7);
    expect(result).toEqual({ id, props: { ...outs, revision: 7 } });
  });
});
