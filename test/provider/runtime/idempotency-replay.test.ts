// The provider under Metronome's documented Idempotency-Key behaviour: a
// write that was applied and then answered 500 has that 500 stored under its
// key, so a resend with the same key gets the 500 again (never a success).
// The provider must still apply each write exactly once and finish, because
// it settles an ambiguous write by reading the commit, not by the replay.

import { describe, expect, it } from "vitest";
import {
  PATHS,
  checked,
  created,
  metronomeCommit,
  newWorld,
  prepaidArgs,
  provider,
  summarize,
  useRuntime,
  type Raw,
  type World,
} from "./harness";

const h = useRuntime();

/** A commit whose access has started, so ending it now is possible. */
const startedArgs = (w: World): Raw =>
  prepaidArgs(w, {
    accessSchedule: { scheduleItems: [{ amount: 1_000_000, startingAt: "2026-01-01T00:00:00Z", endingBefore: "2028-01-01T00:00:00Z" }] },
    invoiceSchedule: { scheduleItems: [{ timestamp: "2026-01-01T00:00:00Z", amount: 1_000_000 }] },
  });

interface Row {
  name: string;
  path: string;
  run: (w: World) => Promise<{ id: string }>;
  /** The effect, applied once, as Metronome holds it. */
  expectApplied: (commit: any) => void;
}

const rows: Row[] = [
  {
    name: "an edit that adds an access period",
    path: PATHS.edit,
    run: async (w) => {
      const args = prepaidArgs(w);
      const { id, outs } = await created(args);
      const next: any = structuredClone(args);
      next.accessSchedule.scheduleItems.push({ amount: 300_000, startingAt: "2028-01-01T00:00:00Z", endingBefore: "2028-04-01T00:00:00Z" });
      const news = await checked(next);
      await arm(PATHS.edit);
      await provider.update(id, outs, news);
      return { id };
    },
    expectApplied: (c) => expect(c.access_schedule.schedule_items.map((i: any) => i.amount)).toEqual([1_000_000, 300_000]),
  },
  {
    name: "a custom field update",
    path: PATHS.setFields,
    run: async (w) => {
      await h.api.customFields.addKey({ entity: "commit", key: "deal_id", enforce_uniqueness: false });
      const args = prepaidArgs(w, { customFields: { deal_id: "D-1" } });
      const { id, outs } = await created(args);
      const news = await checked({ ...args, customFields: { deal_id: "D-2" } });
      await arm(PATHS.setFields);
      await provider.update(id, outs, news);
      return { id };
    },
    expectApplied: (c) => expect(c.custom_fields).toEqual({ deal_id: "D-2" }),
  },
  {
    name: "an archive",
    path: PATHS.archive,
    run: async (w) => {
      const { id, outs } = await created(prepaidArgs(w));
      await arm(PATHS.archive, { readsFirst: false });
      await provider.delete(id, outs);
      return { id };
    },
    expectApplied: (c) => expect(c.archived_at).toEqual(expect.any(String)),
  },
  {
    name: "an end of access",
    path: PATHS.endDate,
    run: async (w) => {
      const { id, outs } = await created(startedArgs(w));
      await arm(PATHS.endDate);
      await provider.delete(id, { ...outs, onDelete: "endAccess" });
      return { id };
    },
    expectApplied: (c) => {
      expect(c.archived_at).toBeUndefined();
      expect(Date.parse(c.access_schedule.schedule_items[0].ending_before)).toBeLessThan(Date.parse("2028-01-01T00:00:00Z"));
    },
  },
];

/**
 * The write is applied and answered 500, which Metronome stores under its key;
 * the reads that would show its effect fail at first, so the provider resends
 * the write with the same key and is answered the stored 500 again.
 */
async function arm(path: string, { readsFirst = true } = {}): Promise<void> {
  // The read the write is planned from goes through untouched.
  if (readsFirst) await h.emu.arm({ path: PATHS.list, kind: "latency", latencyMs: 0 });
  await h.emu.arm({ path, kind: "status-after-apply", status: 500 });
  await h.emu.arm({ path: PATHS.list, kind: "status", status: 503, count: 5 });
  await h.emu.clearLog();
}

describe("writes under the documented Idempotency-Key replay of a 500", () => {
  it.each(rows)("applies $name once and finishes", async ({ path, run, expectApplied }) => {
    const w = await newWorld(h.api);
    const { id } = await run(w);

    const writes = summarize(await h.emu.calls()).filter((c) => c.startsWith(path));
    // The first answer and at least one replay of it: no resend ran again.
    expect(writes.length).toBeGreaterThanOrEqual(2);
    expect(new Set(writes)).toEqual(new Set([`${path} 500`]));
    expectApplied(await metronomeCommit(h.api, w.customerId, id));
  });
});
