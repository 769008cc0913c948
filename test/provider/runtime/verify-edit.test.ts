// The provider against an emulator in `ignoreUnsourced` mode, where Metronome
// does only what a source says: what the provider sends must either follow a
// source, or be checked in the read-back and fail naming the field when
// Metronome ignored it (never a diff that returns on every `pulumi up`).

import { describe, expect, it } from "vitest";
import { DeleteRefusedError, UpdateIncompleteError } from "../../../provider/runtime/errors";
import { FAST, PATHS, checked, created, metronomeCommit, newWorld, prepaidArgs, provider, rejection, summarize, useRuntime, type Raw } from "./harness";
import { itAppliesEachChange } from "./update-cases";

const h = useRuntime(FAST, { ignoreUnsourced: true });

describe("every in-place change the update tests make, with ignoreUnsourced", () => {
  itAppliesEachChange(h);
});

describe("an invoice item's money changes (sent as unit_price and quantity together)", () => {
  it.each([
    ["an amount", { timestamp: "2027-01-01T00:00:00Z", amount: 900_000 }, [900_000, 900_000, 1]],
    ["a quantity", { timestamp: "2027-01-01T00:00:00Z", unitPrice: 250_000, quantity: 3 }, [750_000, 250_000, 3]],
  ])("applies %s", async (_name, item, [amount, unitPrice, quantity]) => {
    const w = await newWorld(h.api);
    const args = prepaidArgs(w, { invoiceSchedule: { scheduleItems: [{ timestamp: "2027-01-01T00:00:00Z", unitPrice: 250_000, quantity: 4 }] } });
    const { id, outs } = await created(args);
    await provider.update(id, outs, await checked({ ...args, invoiceSchedule: { scheduleItems: [item] } }, args));
    const stored = (await metronomeCommit(h.api, w.customerId, id)).invoice_schedule!.schedule_items![0]!;
    expect([stored.amount, stored.unit_price, stored.quantity]).toEqual([amount, unitPrice, quantity]);
  });
});

describe("a change Metronome ignored", () => {
  it("fails naming the field, and records what Metronome holds", async () => {
    const w = await newWorld(h.api);
    const args = prepaidArgs(w, { description: "internal note" });
    const { id, outs } = await created(args);
    const { description: _cleared, ...withoutDescription } = args;
    const news = await checked(withoutDescription, args);

    const error = await rejection(provider.update(id, outs, news));

    expect(error).toBeInstanceOf(UpdateIncompleteError);
    expect(error.message).toMatch(/it ignored description/);
    expect(error.message).toContain('description: declared nothing, Metronome has "internal note"');
    expect((error as UpdateIncompleteError).properties.description).toBe("internal note");
    // The same update again fails the same way: no silent diff, no loop of writes that seem to work.
    const again = await rejection(provider.update(id, (error as UpdateIncompleteError).properties, news));
    expect(again.message).toMatch(/it ignored description/);
  });
});

describe("a commit created with applicableProductIds, answered as specifiers", () => {
  it("reads back as declared: no drift on refresh", async () => {
    const w = await newWorld(h.api);
    const { id, inputs, outs } = await created(prepaidArgs(w, { applicableProductIds: [w.usageProductId] }));
    expect((await metronomeCommit(h.api, w.customerId, id)).specifiers).toEqual([{ product_id: w.usageProductId }]);
    expect(outs.applicableProductIds).toEqual([w.usageProductId]);
    expect(outs).not.toHaveProperty("specifiers");
    expect(await provider.read(id, outs)).toEqual({ id, props: outs });
  });
});

describe("ending access that has not started", () => {
  it("fails naming access_ending_before when Metronome answers 200 but changes nothing", async () => {
    const w = await newWorld(h.api);
    const { id, outs } = await created(prepaidArgs(w, { onDelete: "endAccess" })); // starts in 2027
    await h.emu.clearLog();
    const error = await rejection(provider.delete(id, outs as Raw));
    expect(error).toBeInstanceOf(DeleteRefusedError);
    expect(error.message).toContain(`Metronome refused to end access to commit ${id} of customer ${w.customerId}`);
    expect(error.message).toContain("access_ending_before");
    expect(summarize(await h.emu.calls())).toEqual([`${PATHS.list} 200`, `${PATHS.endDate} 200`, `${PATHS.list} 200`]);
    expect((await metronomeCommit(h.api, w.customerId, id)).access_schedule!.schedule_items[0]!.ending_before).toBe("2028-01-01T00:00:00.000Z");
  });
});
