// delete, per `onDelete`: archive (default), endAccess (access and future
// invoices end at the next whole hour), forget (Metronome untouched). A
// refusal (finalized invoices) is a DeleteRefusedError that says which
// commit, why, and what to do instead.

import { describe, expect, it } from "vitest";
import { DeleteRefusedError } from "../../../provider/runtime/errors";
import { nextWholeHour } from "../../../provider/runtime/delete";
import {
  PATHS,
  UNKNOWN_ID,
  created,
  freeArgs,
  metronomeCommit,
  newWorld,
  prepaidArgs,
  provider,
  rejection,
  summarize,
  useRuntime,
} from "./harness";

const h = useRuntime();

/** A PREPAID commit that is running now (2026) and invoices again next year. */
const runningArgs = (w: Parameters<typeof prepaidArgs>[0], extra: Record<string, unknown> = {}) =>
  prepaidArgs(w, {
    accessSchedule: { scheduleItems: [{ amount: 2_000_000, startingAt: "2026-01-01T00:00:00Z", endingBefore: "2028-01-01T00:00:00Z" }] },
    invoiceSchedule: {
      scheduleItems: [
        { timestamp: "2026-01-01T00:00:00Z", amount: 1_000_000 },
        { timestamp: "2027-01-01T00:00:00Z", amount: 1_000_000 },
      ],
    },
    ...extra,
  });

describe("delete", () => {
  it("archives the commit by default, with one call", async () => {
    const w = await newWorld(h.api);
    const { id, outs } = await created(prepaidArgs(w));
    await h.emu.clearLog();
    await provider.delete(id, { __provider: "shim", ...outs });
    expect(summarize(await h.emu.calls())).toEqual([`${PATHS.archive} 200`]);
    const commit = await metronomeCommit(h.api, w.customerId, id);
    expect(commit.archived_at).toEqual(expect.any(String));
  });

  it('ends access and future invoices at the next whole hour with onDelete "endAccess", keeping the commit', async () => {
    const w = await newWorld(h.api);
    const { id, outs } = await created(runningArgs(w, { onDelete: "endAccess" }));
    expect(outs.onDelete).toBe("endAccess");
    await h.emu.clearLog();
    const before = nextWholeHour(new Date());
    await provider.delete(id, outs);
    const after = nextWholeHour(new Date());
    // The end is checked in a read-back: Metronome may ignore it and still answer 200.
    expect(summarize(await h.emu.calls())).toEqual([`${PATHS.list} 200`, `${PATHS.endDate} 200`, `${PATHS.list} 200`]);

    const commit = await metronomeCommit(h.api, w.customerId, id);
    expect(commit.archived_at).toBeUndefined();
    const end = commit.access_schedule!.schedule_items.map((i) => i.ending_before);
    expect(end).toHaveLength(1);
    expect([Date.parse(before), Date.parse(after)]).toContain(Date.parse(end[0]!));
    expect(Date.parse(end[0]!) % 3_600_000).toBe(0);
    // The 2027 invoice is gone, the 2026 one stays.
    expect(commit.invoice_schedule!.schedule_items!.map((i) => i.timestamp)).toEqual(["2026-01-01T00:00:00.000Z"]);

    // Deleting again (Pulumi retrying) finds nothing left to end and sends nothing.
    await h.emu.clearLog();
    await provider.delete(id, outs);
    expect(summarize(await h.emu.calls())).toEqual([`${PATHS.list} 200`]);
  });

  it('leaves the commit untouched with onDelete "forget", without a single request', async () => {
    const w = await newWorld(h.api);
    const { id, outs } = await created(freeArgs(w, { onDelete: "forget" }));
    const before = await metronomeCommit(h.api, w.customerId, id);
    await h.emu.clearLog();
    await provider.delete(id, outs);
    expect(await h.emu.calls()).toEqual([]);
    expect(await metronomeCommit(h.api, w.customerId, id)).toEqual(before);
  });

  it("refuses with finalized invoices, naming the commit, Metronome's reason and the alternatives", async () => {
    const w = await newWorld(h.api);
    const { id, outs } = await created(prepaidArgs(w));
    await h.emu.clearLog();
    const finalized = await fetch(`${h.url}/_emulator/finalize-invoices`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ commit_id: id }),
    });
    expect(finalized.status).toBe(200);

    const error = await rejection(provider.delete(id, outs));
    expect(error).toBeInstanceOf(DeleteRefusedError);
    expect(error.message).toContain(`commit ${id} of customer ${w.customerId}`);
    expect(error.message).toMatch(/Metronome refused to archive/);
    expect(error.message).toMatch(/finalized/i); // Metronome's reason
    expect(error.message).toMatch(/Void its finalized invoices/);
    expect(error.message).toContain('onDelete: "endAccess"');
    expect(error.message).toContain('onDelete: "forget"');
    expect(error.message).not.toMatch(/\(POST \//); // Metronome's words, not the client's wrapping
    expect((await metronomeCommit(h.api, w.customerId, id)).archived_at).toBeUndefined();
  });

  it('refuses to "end access" that has not started, pointing to archive or forget', async () => {
    const w = await newWorld(h.api);
    const { id, outs } = await created(prepaidArgs(w, { onDelete: "endAccess" })); // starts in 2027
    const error = await rejection(provider.delete(id, outs));
    expect(error).toBeInstanceOf(DeleteRefusedError);
    expect(error.message).toContain(`Metronome refused to end access to commit ${id} of customer ${w.customerId}`);
    expect(error.message).toContain('onDelete: "archive"');
    expect(error.message).toContain('onDelete: "forget"');
    expect((await metronomeCommit(h.api, w.customerId, id)).access_schedule!.schedule_items[0]!.ending_before).toBe("2028-01-01T00:00:00.000Z");
  });

  it("treats an already archived or unknown commit as deleted", async () => {
    const w = await newWorld(h.api);
    const { id, outs } = await created(freeArgs(w));
    await h.api.commits.archive({ customer_id: w.customerId, commit_id: id });
    const archivedAt = (await metronomeCommit(h.api, w.customerId, id)).archived_at;
    await provider.delete(id, outs);
    expect((await metronomeCommit(h.api, w.customerId, id)).archived_at).toBe(archivedAt);
    await provider.delete(UNKNOWN_ID, outs);
  });

  it.each([
    ["400 (the spec's answer) for an unknown commit", 400, UNKNOWN_ID, () => undefined],
    ["404 (seen elsewhere) for an unknown commit", 404, UNKNOWN_ID, () => undefined],
    ["400 CustomerNotFound for an unknown customer", 400, UNKNOWN_ID, (outs: Record<string, unknown>) => ({ ...outs, customerId: UNKNOWN_ID })],
  ])("accepts %s as deleted once a read shows it gone", async (_name, status, commitId, props) => {
    const w = await newWorld(h.api);
    const { outs } = await created(freeArgs(w));
    await h.emu.arm({ path: PATHS.archive, kind: "status", status });
    await provider.delete(commitId, props(outs) ?? outs);
  });

  it.each([404, 400])("keeps a live commit when the archive is answered %i: nothing is dropped unseen", async (status) => {
    const w = await newWorld(h.api);
    const { id, outs } = await created(freeArgs(w));
    await h.emu.arm({ path: PATHS.archive, kind: "status", status });
    await rejection(provider.delete(id, outs));
    expect((await metronomeCommit(h.api, w.customerId, id)).archived_at).toBeUndefined();
  });

  it.each([
    ["2026-11-20T23:00:00.000Z", "2026-11-21T00:00:00Z"],
    ["2026-11-20T23:59:59.999Z", "2026-11-21T00:00:00Z"],
    ["2026-12-31T23:30:00.000Z", "2027-01-01T00:00:00Z"],
  ])("the next whole hour after %s is %s", (now, expected) => {
    expect(nextWholeHour(new Date(now))).toBe(expected);
  });
});
