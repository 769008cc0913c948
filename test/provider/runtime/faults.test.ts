// The fault matrix, at the runtime layer: each Metronome failure the emulator
// can stage, on each write the provider makes. After every create there is
// exactly one live commit with our key in Metronome, and the id and outputs
// the provider returned are that commit as Metronome holds it. Edits and
// archives are applied once, however their answers were lost.

import { afterEach, describe, expect, it } from "vitest";
import { setClientTuningForTests } from "../../../provider/runtime/client-for";
import { AdoptionError, AmbiguousWriteError, CreatedButUnreadError } from "../../../provider/runtime/errors";
import type { Fault } from "../client/support/emulator-control";
import { SLOWER_THAN_ANY_TIMEOUT_MS } from "../../helpers/timeouts";
import {
  FAST,
  PATHS,
  checked,
  commitsWithKey,
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
  canonicalOf,
} from "./harness";

const h = useRuntime();

afterEach(async () => {
  await setClientTuningForTests(FAST);
});

/** Exactly one live commit carries `key`, it is `id`, and `outs` are what Metronome holds now. */
async function expectOneCommit(w: World, key: string, id: string, outs: Raw): Promise<void> {
  const holders = await commitsWithKey(h.api, w.customerId, key);
  expect(holders.map((c) => [c.id, c.archived_at])).toEqual([[id, undefined]]);
  expectJsonSafe(outs);
  const now = await provider.read(id, outs);
  expect(now.id).toBe(id);
  expect(now.props).toEqual(outs);
}

const CREATE = PATHS.create;
const LIST = PATHS.list;

interface CreateFault {
  name: string;
  faults: Fault[];
  /** The client's per-request timeout for this row. */
  timeoutMs?: number;
  /** Calls to the create path, with statuses, once everything settled (0 = no answer). */
  creates: number[];
  /** How many create requests the emulator must finish before the log is complete. */
  settle?: number;
}

const createFaults: CreateFault[] = [
  { name: "the connection dropped after the commit was made", faults: [{ path: CREATE, kind: "drop-after-apply" }], creates: [0] },
  { name: "504 after the commit was made", faults: [{ path: CREATE, kind: "status-after-apply", status: 504 }], creates: [504] },
  {
    name: "an answer slower than the client's timeout",
    faults: [{ path: CREATE, kind: "latency", latencyMs: SLOWER_THAN_ANY_TIMEOUT_MS }],
    timeoutMs: 250,
    // The first request times out on our side (we hung up: logged as 0) but the
    // emulator still runs it after the resend, which made the commit: our key
    // stops it from making a second one.
    creates: [0, 200],
    settle: 2,
  },
  { name: "500 before anything was applied", faults: [{ path: CREATE, kind: "status", status: 500 }], creates: [500, 200] },
  {
    name: "429 three times, with Retry-After",
    faults: [{ path: CREATE, kind: "status", status: 429, count: 3, retryAfterSeconds: 1 }],
    creates: [429, 429, 429, 200],
  },
];

describe("create under faults", () => {
  it.each(createFaults)("makes exactly one commit when $name", async ({ faults, timeoutMs, creates, settle }) => {
    if (timeoutMs !== undefined) await setClientTuningForTests({ ...FAST, timeoutMs });
    const w = await newWorld(h.api);
    const inputs = await checked(prepaidArgs(w));
    for (const fault of faults) await h.emu.arm(fault);
    await h.emu.clearLog();

    const result = await provider.create({ __provider: "shim", ...inputs });

    const createCalls = await h.emu.settle(CREATE, settle ?? creates.length);
    expect(createCalls.map((c) => c.status).sort((a, b) => a - b)).toEqual([...creates].sort((a, b) => a - b));
    await expectOneCommit(w, inputs.uniquenessKey as string, result.id, result.outs as Raw);
    expect((result.outs as Raw).accessSchedule).toMatchObject({ scheduleItems: [{ amount: 1_000_000 }] });
  });

  it.each([
    ["503 before anything was applied", { path: CREATE, kind: "status", status: 503 } as Fault],
    ["the connection dropped after the commit was made", { path: CREATE, kind: "drop-after-apply" } as Fault],
  ])("never takes over a commit keyed `x:<our key>` when %s: ours is found by its exact key or created once", async (_name, fault) => {
    const w = await newWorld(h.api);
    const inputs = await checked(prepaidArgs(w));
    const key = inputs.uniquenessKey as string;
    // An unrelated commit of the same customer whose key ends with ":<our key>".
    const other = await created(freeArgs(w, { uniquenessKey: `x:${key}`, name: "Someone else's", priority: 7 }));
    const before = await metronomeCommit(h.api, w.customerId, other.id);
    await h.emu.arm(fault);

    const result = await provider.create({ __provider: "shim", ...inputs });

    expect(result.id).not.toBe(other.id);
    await expectOneCommit(w, key, result.id, result.outs as Raw);
    expect(await metronomeCommit(h.api, w.customerId, other.id)).toEqual(before);
  });

  it("adopts the commit a lost create made when the re-run gets 409, and brings it to the declaration", async () => {
    const w = await newWorld(h.api);
    const args = prepaidArgs(w);
    const first = await created(args); // went through; Pulumi never heard back
    // Meanwhile the user changed the amount (not a replace-only field: same key).
    const next: any = structuredClone(args);
    next.accessSchedule.scheduleItems[0].amount = 1_100_000;
    next.invoiceSchedule.scheduleItems[0].amount = 1_100_000;
    const inputs = await checked(next);
    await h.emu.clearLog();

    const rerun = await provider.create({ __provider: "shim", ...inputs });

    expect(rerun.id).toBe(first.id);
    expect(summarize(await h.emu.calls())).toEqual([
      `${CREATE} 409`,
      `${LIST} 200`, // the customer's commits, archived included: ours carries the key
      `${LIST} 200`, // read it
      `${PATHS.edit} 200`, // bring it to the declaration
      `${LIST} 200`, // read back
    ]);
    await expectOneCommit(w, inputs.uniquenessKey as string, rerun.id, rerun.outs as Raw);
    expect((await metronomeCommit(h.api, w.customerId, rerun.id)).access_schedule!.schedule_items[0]!.amount).toBe(1_100_000);
  });

  it("will not adopt a key holder that differs in what cannot be edited (a declared key reused across such a change)", async () => {
    const w = await newWorld(h.api);
    const first = await created(prepaidArgs(w, { netsuiteSalesOrderId: "SO-1" }));
    const inputs = await checked({ ...prepaidArgs(w), uniquenessKey: first.inputs.uniquenessKey, netsuiteSalesOrderId: "SO-2" });
    await h.emu.clearLog();
    const error = await rejection(provider.create({ __provider: "shim", ...inputs }));
    expect(error).toBeInstanceOf(AdoptionError);
    expect(error.message).toContain(`Commit ${first.id} of customer ${w.customerId} already carries uniqueness key`);
    expect(error.message).toContain('netsuiteSalesOrderId: declared "SO-2", Metronome has "SO-1"');
    expect(error.message).toContain("set a new `uniquenessKey`");
    expect(summarize(await h.emu.calls()).filter((c) => !c.startsWith(LIST))).toEqual([`${CREATE} 409`]);
  });

  it("adopts without a single write when the re-run declares the same commit", async () => {
    const w = await newWorld(h.api);
    const first = await created(prepaidArgs(w));
    await h.emu.clearLog();
    const rerun = await provider.create({ __provider: "shim", ...first.inputs });
    expect(rerun.id).toBe(first.id);
    expect(rerun.outs).toEqual(first.outs);
    expect(summarize(await h.emu.calls())).toEqual([`${CREATE} 409`, `${LIST} 200`, `${LIST} 200`]);
  });

  it("says the create may have happened when it cannot look, and the re-run settles it without a duplicate", async () => {
    const w = await newWorld(h.api);
    const inputs = await checked(prepaidArgs(w));
    await h.emu.arm({ path: CREATE, kind: "drop-after-apply" });
    await h.emu.arm({ path: LIST, kind: "status", status: 503, count: 5 }); // every attempt of the lookup
    const error = await rejection(provider.create({ __provider: "shim", ...inputs }));
    expect(error).toBeInstanceOf(AmbiguousWriteError);
    expect(error.message).toMatch(/may or may not have been applied .*looking for its effect failed too .*503.*Nothing was duplicated; run `pulumi up` again/);

    const rerun = await provider.create({ __provider: "shim", ...inputs });
    await expectOneCommit(w, inputs.uniquenessKey as string, rerun.id, rerun.outs as Raw);
  });

  it("never loses a commit it made but could not read back: the error carries its id for Pulumi to record", async () => {
    const w = await newWorld(h.api);
    const inputs = await checked(prepaidArgs(w));
    await h.emu.arm({ path: LIST, kind: "status", status: 503, count: 5 }); // the read-back, retries included
    const error = await rejection(provider.create({ __provider: "shim-text", ...inputs }));
    expect(error).toBeInstanceOf(CreatedButUnreadError);
    const unread = error as CreatedButUnreadError;
    const [holder] = await commitsWithKey(h.api, w.customerId, inputs.uniquenessKey as string);
    // What the plugin sends the engine as "created, failed to initialize".
    expect(unread.id).toBe(holder!.id);
    expect(unread.reasons).toEqual([unread.message]);
    expect(unread.message).toContain(`Created commit ${holder!.id} but could not read it back`);
    expect(unread.properties).toEqual({ ...canonicalOf(inputs), __provider: "shim-text" });
    expectJsonSafe(unread.properties);

    // Next `pulumi up`: the engine updates a resource with init errors; the
    // update finds nothing to change and fills in the outputs.
    await h.emu.clearLog();
    const { __provider: _p, ...recorded } = unread.properties;
    const finished = await provider.update(unread.id, recorded, inputs);
    expect(summarize(await h.emu.calls())).toEqual([`${LIST} 200`]);
    await expectOneCommit(w, inputs.uniquenessKey as string, unread.id, finished.outs as Raw);
  });

  it("refuses when the key is held by an archived commit, saying what to do", async () => {
    const w = await newWorld(h.api);
    const first = await created(prepaidArgs(w));
    await h.api.commits.archive({ customer_id: w.customerId, commit_id: first.id });
    const error = await rejection(provider.create({ __provider: "shim", ...first.inputs }));
    expect(error).toBeInstanceOf(AdoptionError);
    expect(error.message).toContain(`Commit ${first.id} of customer ${w.customerId} already carries uniqueness key`);
    expect(error.message).toContain("is archived, and Metronome never releases a key");
    expect(error.message).toContain("set a new `uniquenessKey`");
    const holders = await commitsWithKey(h.api, w.customerId, first.inputs.uniquenessKey as string);
    expect(holders).toHaveLength(1);
  });
});

describe("update under faults", () => {
  /** A commit, and a change that adds an access period: not idempotent by nature, so a double apply would show. */
  async function commitAndChange() {
    const w = await newWorld(h.api);
    const args = prepaidArgs(w);
    const { id, outs } = await created(args);
    const next: any = structuredClone(args);
    next.accessSchedule.scheduleItems.push({ amount: 300_000, startingAt: "2028-01-01T00:00:00Z", endingBefore: "2028-04-01T00:00:00Z" });
    return { w, id, outs, news: await checked(next) };
  }

  it.each([
    ["the connection dropped after the edit was applied", { path: PATHS.edit, kind: "drop-after-apply" } as Fault, 0],
    ["504 after the edit was applied", { path: PATHS.edit, kind: "status-after-apply", status: 504 } as Fault, 504],
  ])("applies the change once when %s", async (_name, fault, status) => {
    const { w, id, outs, news } = await commitAndChange();
    await h.emu.arm(fault);
    await h.emu.clearLog();

    const result = await provider.update(id, outs, news);

    // One edit: its effect was found, so it was not sent again.
    expect(summarize(await h.emu.calls())).toEqual([`${LIST} 200`, `${PATHS.edit} ${status}`, `${LIST} 200`, `${LIST} 200`]);
    const commit = await metronomeCommit(h.api, w.customerId, id);
    expect(commit.access_schedule!.schedule_items.map((i) => i.amount)).toEqual([1_000_000, 300_000]);
    expect((result.outs as any).accessSchedule.scheduleItems.map((i: any) => i.amount)).toEqual([1_000_000, 300_000]);
    expect((result.outs as Raw).revision).toBe(1);
    expect((await provider.read(id, result.outs as Raw)).props).toEqual(result.outs);
  });

  it("resends under the same idempotency key when the effect cannot be checked, and Metronome replays instead of applying twice", async () => {
    const { w, id, outs, news } = await commitAndChange();
    await h.emu.arm({ path: LIST, kind: "latency", latencyMs: 0 }); // the read the plan is made from: fine
    await h.emu.arm({ path: PATHS.edit, kind: "drop-after-apply" }); // applied, answer lost
    await h.emu.arm({ path: LIST, kind: "status", status: 503, count: 5 }); // the check fails, retries included
    await h.emu.clearLog();

    await provider.update(id, outs, news);

    const calls = summarize(await h.emu.calls());
    expect(calls.filter((c) => c.startsWith(PATHS.edit))).toEqual([`${PATHS.edit} 0`, `${PATHS.edit} 200`]);
    // Two edits sent, one applied: the second was answered from the idempotency store.
    const commit = await metronomeCommit(h.api, w.customerId, id);
    expect(commit.access_schedule!.schedule_items.map((i) => i.amount)).toEqual([1_000_000, 300_000]);
  });
});

describe("delete under faults", () => {
  it.each([
    ["the connection dropped after the archive", { path: PATHS.archive, kind: "drop-after-apply" } as Fault, 0],
    ["504 after the archive", { path: PATHS.archive, kind: "status-after-apply", status: 504 } as Fault, 504],
  ])("archives once when %s", async (_name, fault, status) => {
    const w = await newWorld(h.api);
    const { id, outs } = await created(prepaidArgs(w));
    await h.emu.arm(fault);
    await h.emu.clearLog();
    await provider.delete(id, outs);
    expect(summarize(await h.emu.calls())).toEqual([`${PATHS.archive} ${status}`, `${LIST} 200`]);
    expect((await metronomeCommit(h.api, w.customerId, id)).archived_at).toEqual(expect.any(String));
  });
});

describe("read under faults", () => {
  it.each([
    ["a burst of 429s", { path: LIST, kind: "status", status: 429, count: 3, retryAfterSeconds: 1 } as Fault, [429, 429, 429, 200]],
    ["503s", { path: LIST, kind: "status", status: 503, count: 2 } as Fault, [503, 503, 200]],
  ])("succeeds through %s", async (_name, fault, statuses) => {
    const w = await newWorld(h.api);
    const { id, inputs, outs } = await created(prepaidArgs(w));
    await h.emu.arm(fault);
    await h.emu.clearLog();
    const result = await provider.read(id, outs);
    expect(result).toEqual({ id, props: outs });
    expect((await h.emu.calls()).map((c) => c.status)).toEqual(statuses);
  });
});
