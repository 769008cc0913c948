/**
 * The fault matrix (money-safe under faults), second half:
 * update, delete and refresh under faults, through the real engine against
 * the emulator's fault injection. What every row asserts is listed in
 * fault-matrix.shared.ts; the first half is fault-matrix.test.ts.
 */
import { describe, expect, it } from "vitest";
import {
  ARCHIVE,
  CREATE,
  type Customer,
  EDIT,
  type Fault,
  LIST,
  TIMEOUT,
  TYPE,
  WRITES,
  YEAR,
  arm,
  expectAgreement,
  expectNoOpRerun,
  program,
  prepaid,
  requestLog,
  resetEmulator,
  statuses,
  useMatrix,
} from "./fault-matrix.shared";

const m = useMatrix(10);

/** The update of the update rows: a new name and a second access period (applied twice, it would grant the money twice). */
const extended = (customer: Customer) =>
  prepaid(m.world, customer, {
    name: "Prepaid 2027-2028",
    accessSchedule: {
      scheduleItems: [
        { amount: 1_000_000, ...YEAR },
        { amount: 500_000, startingAt: "2028-01-01T00:00:00Z", endingBefore: "2029-01-01T00:00:00Z" },
      ],
    },
  });

describe("update", { timeout: TIMEOUT }, () => {
  // The provider reads the commit, sees the edit applied and does not send it again.
  it.each([
    ["lost response (drop-after-apply)", "update-lost", { path: EDIT, kind: "drop-after-apply" }, [0]],
    ["504 after apply", "update-gateway", { path: EDIT, kind: "status-after-apply", status: 504 }, [504]],
  ] as Array<[string, string, Fault, number[]]>)("%s: the change is applied once", async (_label, stackName, fault, edits) => {
    const customer = m.freshCustomer();
    const s = await m.newStack(stackName, { commit: prepaid(m.world, customer) });
    await s.up();
    const { commit: id } = await expectAgreement(m.world, s, customer, ["commit"]);

    s.setProgram(program({ commit: extended(customer) }));
    await resetEmulator(m.world);
    await arm(m.world, fault);
    const { result } = await s.up();
    expect(result.summary.resourceChanges).toEqual({ same: 1, update: 1 });
    expect(await statuses(m.world, EDIT)).toEqual(edits);
    expect(await statuses(m.world, CREATE)).toEqual([]);

    const [live] = await m.world.liveCommits(customer.customerId);
    expect(live!.id).toBe(id);
    expect(live!.name).toBe("Prepaid 2027-2028");
    expect(live!.access_schedule!.schedule_items.map((i) => [i.amount, i.starting_at])).toEqual([
      [1_000_000, "2027-01-01T00:00:00.000Z"],
      [500_000, "2028-01-01T00:00:00.000Z"],
    ]);
    const [state] = await s.resources(TYPE);
    expect(state!.outputs!.name).toBe("Prepaid 2027-2028");
    expect((state!.outputs!.accessSchedule as { scheduleItems: unknown[] }).scheduleItems).toHaveLength(2);
    await expectAgreement(m.world, s, customer, ["commit"]);
    await expectNoOpRerun(m.world, s, customer, ["commit"]);
  });
});

describe("update, with the confirmation read unavailable too", { timeout: TIMEOUT }, () => {
  // The edit's answer is lost and the read that would confirm it fails
  // (5 × 503). The provider resends the edit with the same Idempotency-Key,
  // and Metronome replays its stored answer instead of applying it again.
  it("lost response: the edit is resent with its Idempotency-Key and replayed, applied once", async () => {
    const customer = m.freshCustomer();
    const s = await m.newStack("update-replayed", { commit: prepaid(m.world, customer) });
    await s.up();
    const { commit: id } = await expectAgreement(m.world, s, customer, ["commit"]);
    s.setProgram(program({ commit: extended(customer) }));
    await resetEmulator(m.world);
    // The update first reads the live commit (served normally: a zero
    // latency fault only takes its turn), then edits; the confirming read fails.
    await arm(m.world, { path: LIST, kind: "latency", latencyMs: 0 });
    await arm(m.world, { path: EDIT, kind: "drop-after-apply" });
    await arm(m.world, { path: LIST, kind: "status", status: 503, count: 5 });
    const { result } = await s.up();
    expect(result.summary.resourceChanges).toEqual({ same: 1, update: 1 });
    expect(await statuses(m.world, EDIT)).toEqual([0, 200]); // the second one a replay
    expect((await statuses(m.world, LIST)).slice(0, 6)).toEqual([200, 503, 503, 503, 503, 503]);
    const [live] = await m.world.liveCommits(customer.customerId);
    expect(live!.id).toBe(id);
    expect(live!.access_schedule!.schedule_items.map((i) => i.amount)).toEqual([1_000_000, 500_000]); // not three items
    await expectAgreement(m.world, s, customer, ["commit"]);
    await expectNoOpRerun(m.world, s, customer, ["commit"]);
  });
});

describe("delete", { timeout: TIMEOUT }, () => {
  // One commit of two is removed from the program; the archive's answer is
  // lost. The provider sees the commit archived and does not archive again.
  it.each([
    ["lost response (drop-after-apply)", "delete-lost", { path: ARCHIVE, kind: "drop-after-apply" }, [0]],
    ["504 after apply", "delete-gateway", { path: ARCHIVE, kind: "status-after-apply", status: 504 }, [504]],
  ] as Array<[string, string, Fault, number[]]>)("%s: archived once, gone from state, re-run clean", async (_label, stackName, fault, archives) => {
    const customer = m.freshCustomer();
    const s = await m.newStack(stackName, {
      keep: prepaid(m.world, customer, { name: "Kept" }),
      gone: prepaid(m.world, customer, { name: "Removed" }),
    });
    await s.up();
    const ids = await expectAgreement(m.world, s, customer, ["keep", "gone"]);

    s.setProgram(program({ keep: prepaid(m.world, customer, { name: "Kept" }) }));
    await resetEmulator(m.world);
    await arm(m.world, fault);
    const { result } = await s.up();
    expect(result.summary.resourceChanges).toEqual({ same: 2, delete: 1 });
    expect(await statuses(m.world, ARCHIVE)).toEqual(archives);

    const gone = (await m.world.commits(customer.customerId)).find((c) => c.id === ids.gone);
    expect(gone?.archived_at).toEqual(expect.any(String));
    await expectAgreement(m.world, s, customer, ["keep"], [ids.gone!]);
    await expectNoOpRerun(m.world, s, customer, ["keep"], [ids.gone!]);
  });

  // The archive's answer is lost and the confirming read fails (5 × 503): the
  // archive is resent (with the same Idempotency-Key; archiving is harmless
  // to repeat anyway, so this row shows the outcome, not the replay).
  it("lost response and the confirmation read unavailable: the archive is resent, archived once", async () => {
    const customer = m.freshCustomer();
    const s = await m.newStack("delete-replayed", { keep: prepaid(m.world, customer, { name: "Kept" }), gone: prepaid(m.world, customer, { name: "Removed" }) });
    await s.up();
    const ids = await expectAgreement(m.world, s, customer, ["keep", "gone"]);
    s.setProgram(program({ keep: prepaid(m.world, customer, { name: "Kept" }) }));
    await resetEmulator(m.world);
    await arm(m.world, { path: ARCHIVE, kind: "drop-after-apply" });
    await arm(m.world, { path: LIST, kind: "status", status: 503, count: 5 });
    const { result } = await s.up();
    expect(result.summary.resourceChanges).toEqual({ same: 2, delete: 1 });
    expect(await statuses(m.world, ARCHIVE)).toEqual([0, 200]);
    expect(await statuses(m.world, LIST)).toEqual([503, 503, 503, 503, 503]);
    await expectAgreement(m.world, s, customer, ["keep"], [ids.gone!]);
    await expectNoOpRerun(m.world, s, customer, ["keep"], [ids.gone!]);
  });

  it("destroy with a lost archive answer: archived once, empty state, destroy again is clean", async () => {
    const customer = m.freshCustomer();
    const s = await m.newStack("destroy-lost", { commit: prepaid(m.world, customer) });
    await s.up();
    const { commit: id } = await expectAgreement(m.world, s, customer, ["commit"]);
    await resetEmulator(m.world);
    await arm(m.world, { path: ARCHIVE, kind: "drop-after-apply" });
    const { result } = await s.destroy();
    expect(result.summary.resourceChanges).toEqual({ delete: 2 });
    expect(await statuses(m.world, ARCHIVE)).toEqual([0]);
    const held = await m.world.commits(customer.customerId);
    expect(held.map((c) => [c.id, typeof c.archived_at])).toEqual([[id, "string"]]);
    expect(await s.resources(TYPE)).toEqual([]);

    await resetEmulator(m.world);
    const again = await s.destroy();
    expect(again.result.summary.resourceChanges ?? {}).toEqual({});
    expect(await requestLog(m.world)).toEqual([]);
  });
});

describe("refresh", { timeout: TIMEOUT }, () => {
  // Reads are retried on 429 (after Retry-After) and 5xx; the refresh then
  // sees no drift and changes nothing.
  it.each([
    ["429 burst (×3, Retry-After: 1)", "refresh-429", { path: LIST, kind: "status", status: 429, retryAfterSeconds: 1, count: 3 }, 429],
    ["503 (×3)", "refresh-503", { path: LIST, kind: "status", status: 503, count: 3 }, 503],
  ] as Array<[string, string, Fault, number]>)("%s: completes, state unchanged", async (_label, stackName, fault, status) => {
    const customer = m.freshCustomer();
    const s = await m.newStack(stackName, {
      first: prepaid(m.world, customer, { name: "First" }),
      second: prepaid(m.world, customer, { name: "Second", priority: 200 }),
    });
    await s.up();
    const before = await expectAgreement(m.world, s, customer, ["first", "second"]);
    const stateBefore = await s.resources(TYPE);

    await resetEmulator(m.world);
    await arm(m.world, fault);
    const { result } = await s.refresh();
    expect(result.summary.resourceChanges).toEqual({ same: 3 });
    const lists = await statuses(m.world, LIST);
    expect(lists.filter((x) => x === status)).toHaveLength(3);
    expect(lists.filter((x) => x !== status).every((x) => x === 200)).toBe(true);
    expect(lists.filter((x) => x === 200).length).toBeGreaterThanOrEqual(2); // each resource was read
    expect((await requestLog(m.world)).filter((r) => WRITES.has(r.path))).toEqual([]);

    expect(await expectAgreement(m.world, s, customer, ["first", "second"])).toEqual(before);
    const stateAfter = await s.resources(TYPE);
    expect(stateAfter.map((r) => [r.id, r.outputs])).toEqual(stateBefore.map((r) => [r.id, r.outputs]));
    await expectNoOpRerun(m.world, s, customer, ["first", "second"]);
  });
});

