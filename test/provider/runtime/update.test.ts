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
  useRuntime,
  writesIn,
  type Raw,
  canonicalOf,
} from "./harness";
import { declaredPart, itAppliesEachChange } from "./update-cases";

const h = useRuntime();

describe("update", () => {
  itAppliesEachChange(h);

  it("plans against Metronome, not the state: an edit made in the dashboard is brought back to the declaration", async () => {
    const w = await newWorld(h.api);
    const args = prepaidArgs(w);
    const { id, outs } = await created(args);
    const item = (await metronomeCommit(h.api, w.customerId, id)).access_schedule!.schedule_items[0]!;
    // Behind Pulumi's back: the amount changes and a second period appears.
    await h.api.commits.edit({
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
    expect(declaredPart(result.outs as Raw)).toEqual(canonicalOf(news));
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
    await h.api.customFields.addKey({ entity: "commit", key: "cost_center", enforce_uniqueness: false });
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
    await h.api.customFields.addKey({ entity: "commit", key: "po_number", enforce_uniqueness: false });
    await h.emu.clearLog();
    await provider.update(id, (first as UpdateIncompleteError).properties, news);
    expect(writesIn(await h.emu.calls())).toEqual([`${PATHS.setFields} 200`]);
    expect((await metronomeCommit(h.api, w.customerId, id)).custom_fields).toEqual({ po_number: "PO-9" });
  });

  it("says what to do when the commit was archived in Metronome", async () => {
    const w = await newWorld(h.api);
    const args = prepaidArgs(w);
    const { id, outs } = await created(args);
    await h.api.commits.archive({ customer_id: w.customerId, commit_id: id });
    const error = await rejection(provider.update(id, outs, await checked({ ...args, name: "x" })));
    expect(error).toBeInstanceOf(CommitGoneError);
    expect(error.message).toMatch(new RegExp(`Commit ${id} of customer ${w.customerId} was archived in Metronome at .*pulumi refresh`));
  });
});
