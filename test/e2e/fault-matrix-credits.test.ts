/**
 * The fault matrix for credits: create, update and delete of a
 * `CustomerCredit` under the emulator's faults (a lost answer, a 5xx before
 * or after the write was applied, a client timeout), through the real engine.
 * Every row asserts, through the official SDK, that no credit is ever made
 * twice or lost:
 *   - one live credit per declared resource (each row has a customer of its
 *     own), no archived duplicate, every key held once;
 *   - state's ids are Metronome's live ids, and each credit carries the key
 *     stored with its resource;
 *   - `up` again is a no-op that sends not one request.
 * The engine, the emulator and the fault helpers are the commit matrix's
 * (fault-matrix.shared.ts).
 */
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadBuiltPackage } from "../helpers/built-package";
import { type Engine, type PulumiFn, type TestStack, createEngine } from "../helpers/engine";
import { CREDIT_ARCHIVE, CREDIT_CREATE, CREDIT_EDIT, CREDIT_TYPE, type CreditArgs, allCredits, liveCredits, onboardingCredit } from "./credit.shared";
import { type Customer, type Fault, PROJECT, TIMEOUT, arm, nameOf, requestLog, resetEmulator, statuses, until, useMatrix } from "./fault-matrix.shared";

type Pkg = typeof import("../../provider");
const { CustomerCredit } = loadBuiltPackage<Pkg>();

const m = useMatrix(8);

function program(credits: Record<string, CreditArgs>): PulumiFn {
  return async () => {
    const ids: Record<string, unknown> = {};
    for (const [name, args] of Object.entries(credits)) ids[name] = new CustomerCredit(name, args).id;
    return { ids };
  };
}

const credit = (customer: Customer, overrides: Partial<CreditArgs> = {}) => onboardingCredit(m.world, customer.customerId, overrides);

function newStack(name: string, credits: Record<string, CreditArgs>, on: Engine = m.engine): Promise<TestStack> {
  return on.newStack(program(credits), { stackName: name, projectName: PROJECT, ...m.world.stackConfig() });
}

/**
 * State and Metronome agree for `customer`: one live credit per declared
 * name, state's ids are the live ids, keys match, and the only archived
 * credits are `archived`. Returns name → credit id.
 */
async function expectAgreement(s: TestStack, customer: Customer, names: string[], archived: string[] = []): Promise<Record<string, string>> {
  const state = await s.resources(CREDIT_TYPE);
  expect(state.map((r) => nameOf(r.urn)).sort()).toEqual([...names].sort());
  const all = await allCredits(m.world, customer.customerId);
  const live = await liveCredits(m.world, customer.customerId);
  expect(live, "exactly one live credit per declared resource").toHaveLength(names.length);
  expect(new Set(state.map((r) => r.id))).toEqual(new Set(live.map((c) => c.id)));
  const liveIds = new Set(live.map((c) => c.id));
  expect(all.filter((c) => !liveIds.has(c.id)).map((c) => c.id).sort(), "no archived duplicate").toEqual([...archived].sort());
  const ids: Record<string, string> = {};
  for (const r of state) {
    const held = live.find((c) => c.id === r.id)!;
    expect(held.uniqueness_key).toBe(r.outputs!.uniquenessKey);
    expect(held.uniqueness_key).toMatch(new RegExp(`^${PROJECT}/${s.name}/${nameOf(r.urn)}#[0-9a-f]{16}$`));
    ids[nameOf(r.urn)] = r.id!;
  }
  const keys = all.map((c) => c.uniqueness_key);
  expect(new Set(keys).size).toBe(keys.length);
  return ids;
}

/** `up` again: nothing to do, not one request, and state and Metronome still agree. */
async function expectNoOpRerun(s: TestStack, customer: Customer, names: string[], archived: string[] = []): Promise<void> {
  await resetEmulator(m.world);
  const { result } = await s.up();
  expect(result.summary.resourceChanges).toEqual({ same: names.length + 1 });
  expect(await requestLog(m.world)).toEqual([]);
  await expectAgreement(s, customer, names, archived);
}

describe("credit create", { timeout: TIMEOUT }, () => {
  it.each([
    // Applied, the answer lost: the provider finds the credit by its key and adopts it.
    ["lost response (drop-after-apply)", "credit-lost", { path: CREDIT_CREATE, kind: "drop-after-apply" }, [0]],
    ["504 after apply", "credit-gateway", { path: CREDIT_CREATE, kind: "status-after-apply", status: 504 }, [504]],
    // Refused before applying: found absent by key, so sent again, once.
    ["500 before apply", "credit-error500", { path: CREDIT_CREATE, kind: "status", status: 500 }, [500, 200]],
  ] as Array<[string, string, Fault, number[]]>)("%s: one credit, adopted or created once", async (_label, stackName, fault, creates) => {
    const customer = m.freshCustomer();
    const s = await newStack(stackName, { credit: credit(customer) });
    await arm(m.world, fault);
    const { result } = await s.up();
    expect(result.summary.resourceChanges).toEqual({ create: 2 });
    expect(await statuses(m.world, CREDIT_CREATE)).toEqual(creates);
    const ids = await expectAgreement(s, customer, ["credit"]);
    expect((result.outputs.ids!.value as Record<string, string>).credit).toBe(ids.credit);
    await expectNoOpRerun(s, customer, ["credit"]);
  });

  // The client gives up after 1 s (fault-matrix.client-tuning.cjs, preloaded
  // into the plugin); the emulator holds the first create for 4 s, then
  // applies it. By then the provider found no credit with its key and sent the
  // create again: the late first one meets the key and is refused.
  it("timeout (latency 4 s > client deadline 1 s): one credit, the late duplicate refused by the key", async () => {
    const tuning = path.join(path.dirname(fileURLToPath(import.meta.url)), "fault-matrix.client-tuning.cjs");
    const timeoutEngine = await createEngine({
      env: {
        NODE_OPTIONS: [process.env.NODE_OPTIONS, `--require ${tuning}`].filter(Boolean).join(" "),
        PULUMI_METRONOME_TEST_CLIENT_TIMEOUT_MS: "1000",
      },
    });
    try {
      const customer = m.freshCustomer();
      const s = await newStack("credit-timeout", { credit: credit(customer) }, timeoutEngine);
      await arm(m.world, { path: CREDIT_CREATE, kind: "latency", latencyMs: 4_000 });
      const { result } = await s.up();
      expect(result.summary.resourceChanges).toEqual({ create: 2 });
      await until("the delayed create to be served", async () => (await statuses(m.world, CREDIT_CREATE)).length === 2);
      const creates = await statuses(m.world, CREDIT_CREATE);
      expect(creates[0]).toBe(200); // the re-sent create, served at once
      expect([0, 409]).toContain(creates[1]); // the late one: refused on the key (0 when the client was gone)
      await expectAgreement(s, customer, ["credit"]);
      await expectNoOpRerun(s, customer, ["credit"]);
    } finally {
      await timeoutEngine.cleanup();
    }
  });
});

describe("credit update", { timeout: TIMEOUT }, () => {
  // A new name and a second access period: applied twice, it would grant the second period twice.
  const extended = (customer: Customer) =>
    credit(customer, {
      name: "Onboarding credit, extended",
      accessSchedule: {
        scheduleItems: [
          { amount: 50_000, startingAt: "2027-01-01T00:00:00Z", endingBefore: "2027-07-01T00:00:00Z" },
          { amount: 25_000, startingAt: "2027-07-01T00:00:00Z", endingBefore: "2028-01-01T00:00:00Z" },
        ],
      },
    });

  it.each([
    ["lost response (drop-after-apply)", "credit-update-lost", { path: CREDIT_EDIT, kind: "drop-after-apply" }, [0]],
    ["504 after apply", "credit-update-gateway", { path: CREDIT_EDIT, kind: "status-after-apply", status: 504 }, [504]],
  ] as Array<[string, string, Fault, number[]]>)("%s: the change is applied once", async (_label, stackName, fault, edits) => {
    const customer = m.freshCustomer();
    const s = await newStack(stackName, { credit: credit(customer) });
    await s.up();
    const { credit: id } = await expectAgreement(s, customer, ["credit"]);

    s.setProgram(program({ credit: extended(customer) }));
    await resetEmulator(m.world);
    await arm(m.world, fault);
    const { result } = await s.up();
    expect(result.summary.resourceChanges).toEqual({ same: 1, update: 1 });
    expect(await statuses(m.world, CREDIT_EDIT)).toEqual(edits);
    expect(await statuses(m.world, CREDIT_CREATE)).toEqual([]);

    const [live] = await liveCredits(m.world, customer.customerId);
    expect(live).toMatchObject({ id, name: "Onboarding credit, extended" });
    expect(live!.access_schedule!.schedule_items.map((i) => [i.amount, i.starting_at])).toEqual([
      [50_000, "2027-01-01T00:00:00.000Z"],
      [25_000, "2027-07-01T00:00:00.000Z"],
    ]);
    await expectAgreement(s, customer, ["credit"]);
    await expectNoOpRerun(s, customer, ["credit"]);
  });
});

describe("credit delete", { timeout: TIMEOUT }, () => {
  // One credit of two leaves the program; the archive's answer is lost. The
  // provider sees the credit gone from the live listing and does not archive again.
  it.each([
    ["lost response (drop-after-apply)", "credit-delete-lost", { path: CREDIT_ARCHIVE, kind: "drop-after-apply" }, [0]],
    ["504 after apply", "credit-delete-gateway", { path: CREDIT_ARCHIVE, kind: "status-after-apply", status: 504 }, [504]],
  ] as Array<[string, string, Fault, number[]]>)("%s: archived once, gone from state, re-run clean", async (_label, stackName, fault, archives) => {
    const customer = m.freshCustomer();
    const kept = credit(customer, { name: "Kept" });
    const s = await newStack(stackName, { keep: kept, gone: credit(customer, { name: "Removed" }) });
    await s.up();
    const ids = await expectAgreement(s, customer, ["keep", "gone"]);

    s.setProgram(program({ keep: kept }));
    await resetEmulator(m.world);
    await arm(m.world, fault);
    const { result } = await s.up();
    expect(result.summary.resourceChanges).toEqual({ same: 2, delete: 1 });
    expect(await statuses(m.world, CREDIT_ARCHIVE)).toEqual(archives);
    await expectAgreement(s, customer, ["keep"], [ids.gone!]);
    await expectNoOpRerun(s, customer, ["keep"], [ids.gone!]);
  });
});
