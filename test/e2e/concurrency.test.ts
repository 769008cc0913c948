/**
 * Rate limits and concurrency: `pulumi up --parallel 16` of
 * 100 commits, spread over four customers, while the emulator answers a burst
 * of 429s with `Retry-After` on the create path. The run completes, every
 * commit exists exactly once in Metronome (counted by uniqueness key), and
 * state holds 100 resources whose ids and keys are Metronome's.
 *
 * One plugin process serves every resource of a deployment, so this also
 * exercises the shared client (one keep-alive pool) under 16 concurrent calls.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBuiltPackage } from "../helpers/built-package";
import { type Engine, type PulumiFn, type TestStack, createEngine } from "../helpers/engine";
import { type MetronomeWorld, startMetronomeWorld } from "../helpers/metronome-world";

type Pkg = typeof import("../../provider");
const { CustomerCommit } = loadBuiltPackage<Pkg>();
type Args = import("../../provider").CustomerCommitArgs;

const TYPE = "pulumi-nodejs:dynamic/metronome:CustomerCommit";
const CREATE = "/v1/contracts/customerCommits/create";
const COMMITS = 100;
const CUSTOMERS = 4;
const PARALLEL = 16;
const BURST = 30;
const TIMEOUT = 240_000;

interface Logged {
  method: string;
  path: string;
  status: number;
}

const nameOf = (i: number): string => `commit-${String(i).padStart(3, "0")}`;

describe(`up --parallel ${PARALLEL} of ${COMMITS} commits under a 429 burst`, { timeout: TIMEOUT }, () => {
  let engine: Engine;
  let world: MetronomeWorld;
  let s: TestStack;
  const declared = new Map<string, Args>();

  beforeAll(async () => {
    [engine, world] = await Promise.all([createEngine(), startMetronomeWorld({ customers: CUSTOMERS })]);
    for (let i = 0; i < COMMITS; i++) {
      const customer = world.customers[i % CUSTOMERS]!;
      // Distinct amounts and months, so a mixed-up adoption would show.
      const month = String((i % 12) + 1).padStart(2, "0");
      declared.set(nameOf(i), {
        customerId: customer.customerId,
        type: "PREPAID",
        productId: world.productId,
        priority: 100 + i,
        name: `Prepaid ${nameOf(i)}`,
        accessSchedule: {
          scheduleItems: [{ amount: 10_000 + i, startingAt: `2027-${month}-01T00:00:00Z`, endingBefore: `2028-${month}-01T00:00:00Z` }],
        },
        invoiceContractId: customer.contractId,
        invoiceSchedule: { scheduleItems: [{ timestamp: `2027-${month}-01T00:00:00Z`, amount: 10_000 + i }] },
      });
    }
    const program: PulumiFn = async () => {
      for (const [name, args] of declared) new CustomerCommit(name, args);
    };
    s = await engine.newStack(program, { stackName: "parallel", projectName: "concurrency", ...world.stackConfig() });
  }, TIMEOUT);

  afterAll(async () => {
    await world?.close();
    await engine?.cleanup();
  });

  it("completes, creating every commit exactly once, with state matching Metronome", async () => {
    await world.control("faults", { path: CREATE, kind: "status", status: 429, retryAfterSeconds: 1, count: BURST });
    const started = Date.now();
    const { result } = await s.up({ parallel: PARALLEL });
    const seconds = (Date.now() - started) / 1000;
    console.log(`[concurrency] up --parallel ${PARALLEL} of ${COMMITS} commits with ${BURST} 429s: ${seconds.toFixed(1)} s`);
    expect(result.summary.result).toBe("succeeded");
    expect(result.summary.resourceChanges).toEqual({ create: COMMITS + 1 });

    // The whole burst was served, and every create was sent once more than
    // the 429s it met: 100 successes, no other create, no ambiguous one.
    const { data: log } = (await world.control("requests", undefined, "GET")) as { data: Logged[] };
    const creates = log.filter((r) => r.path === CREATE).map((r) => r.status);
    expect(creates.filter((x) => x === 429)).toHaveLength(BURST);
    expect(creates.filter((x) => x === 200)).toHaveLength(COMMITS);
    expect(creates).toHaveLength(BURST + COMMITS);
    expect(await world.control("faults", undefined, "GET")).toEqual({ data: [] });

    // Metronome: each declared key held by exactly one commit, all live.
    const perCustomer = await Promise.all(world.customers.map(async (c) => ({ customerId: c.customerId, commits: await world.commits(c.customerId) })));
    const customerOf = new Map(perCustomer.flatMap(({ customerId, commits }) => commits.map((c) => [c.id, customerId] as const)));
    const held = perCustomer.flatMap((p) => p.commits);
    expect(held).toHaveLength(COMMITS);
    for (const { commits } of perCustomer) expect(commits).toHaveLength(COMMITS / CUSTOMERS);
    const byKey = new Map<string, (typeof held)[number]>();
    for (const commit of held) {
      expect(commit.archived_at).toBeUndefined();
      expect(byKey.has(commit.uniqueness_key!), `key ${commit.uniqueness_key} held twice`).toBe(false);
      byKey.set(commit.uniqueness_key!, commit);
    }

    // State: 100 resources; each id is the commit that carries its key, and
    // that commit is the one declared (customer, amount, name).
    const state = await s.resources(TYPE);
    expect(state).toHaveLength(COMMITS);
    expect(new Set(state.map((r) => r.id))).toEqual(new Set(held.map((c) => c.id)));
    for (const r of state) {
      const name = r.urn.slice(r.urn.lastIndexOf("::") + 2);
      const args = declared.get(name)!;
      const key = r.outputs!.uniquenessKey as string;
      expect(key).toMatch(new RegExp(`^concurrency/parallel/${name}#[0-9a-f]{16}$`));
      const commit = byKey.get(key);
      expect(commit?.id, name).toBe(r.id);
      expect(customerOf.get(commit!.id)).toBe(args.customerId);
      expect(commit!.name).toBe(args.name);
      expect(commit!.access_schedule!.schedule_items[0]!.amount).toBe(
        ((args.accessSchedule as { scheduleItems: Array<{ amount: number }> }).scheduleItems[0]!).amount,
      );
    }
  });

  it("a second up with the same parallelism changes nothing and calls no write", async () => {
    await world.control("requests", undefined, "DELETE");
    const { result } = await s.up({ parallel: PARALLEL });
    expect(result.summary.resourceChanges).toEqual({ same: COMMITS + 1 });
    const { data: log } = (await world.control("requests", undefined, "GET")) as { data: Logged[] };
    expect(log).toEqual([]);
  });
});
