/**
 * Shared by the two halves of the fault matrix (fault-matrix.test.ts: create
 * and an interrupted `up`; fault-matrix-writes.test.ts: update, delete and
 * refresh), split so that the two halves can run on two workers. Each half
 * has its own engine and emulator: faults are armed per path, so rows that
 * share an emulator run one after the other.
 *
 * Every row asserts what Metronome holds, through the official SDK:
 *   - exactly one live commit per declared resource (counted per customer:
 *     each row has a customer of its own), and no archived duplicate;
 *   - state and Metronome agree: state's ids are Metronome's live ids, and
 *     each commit carries the uniqueness key stored with its resource;
 *   - a re-run (`up` again) is a no-op that sends not one request, after
 *     which state and Metronome still agree;
 *   - the emulator's request log shows how many write calls were made.
 */
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import { loadBuiltPackage } from "../helpers/built-package";
import { type Engine, type PulumiFn, type TestStack, createEngine } from "../helpers/engine";
import { type MetronomeWorld, startMetronomeWorld } from "../helpers/metronome-world";

type Pkg = typeof import("../../provider");
const { CustomerCommit } = loadBuiltPackage<Pkg>();
export type Args = import("../../provider").CustomerCommitArgs;

export const TYPE = "pulumi-nodejs:dynamic/metronome:CustomerCommit";
export const PROJECT = "faults";
export const TIMEOUT = 180_000;
export const YEAR = { startingAt: "2027-01-01T00:00:00Z", endingBefore: "2028-01-01T00:00:00Z" };

export const CREATE = "/v1/contracts/customerCommits/create";
export const LIST = "/v1/contracts/customerCommits/list";
export const EDIT = "/v2/contracts/commits/edit";
export const ARCHIVE = "/v2/contracts/commits/archive";
export const WRITES = new Set([
  CREATE,
  EDIT,
  ARCHIVE,
  "/v1/contracts/customerCommits/updateEndDate",
  "/v1/customFields/setValues",
  "/v1/customFields/deleteValues",
]);

export interface Fault {
  path: string;
  kind: "status" | "status-after-apply" | "drop-after-apply" | "latency";
  count?: number;
  status?: number;
  retryAfterSeconds?: number;
  latencyMs?: number;
}
export interface Logged {
  method: string;
  path: string;
  status: number;
}
export type Customer = MetronomeWorld["customers"][number];

// ---------------------------------------------------------------------------
// Programs and Metronome helpers

export function program(commits: Record<string, Args>): PulumiFn {
  return async () => {
    const ids: Record<string, unknown> = {};
    for (const [name, args] of Object.entries(commits)) ids[name] = new CustomerCommit(name, args).id;
    return { ids };
  };
}

export function prepaid(world: MetronomeWorld, customer: Customer, overrides: Partial<Args> = {}): Args {
  return {
    customerId: customer.customerId,
    type: "PREPAID",
    productId: world.productId,
    priority: 100,
    name: "Prepaid 2027",
    accessSchedule: { scheduleItems: [{ amount: 1_000_000, ...YEAR }] },
    invoiceContractId: customer.contractId,
    invoiceSchedule: { scheduleItems: [{ timestamp: "2027-01-01T00:00:00Z", amount: 1_000_000 }] },
    ...overrides,
  };
}

export async function arm(world: MetronomeWorld, fault: Fault): Promise<void> {
  await world.control("faults", fault);
}

export async function requestLog(world: MetronomeWorld): Promise<Logged[]> {
  return ((await world.control("requests", undefined, "GET")) as { data: Logged[] }).data;
}

/** Statuses the emulator put on the wire for `path` (0: connection dropped), oldest first. */
export async function statuses(world: MetronomeWorld, path: string): Promise<number[]> {
  return (await requestLog(world)).filter((r) => r.path === path).map((r) => r.status);
}

export async function resetEmulator(world: MetronomeWorld): Promise<void> {
  await world.control("faults", undefined, "DELETE");
  await world.control("requests", undefined, "DELETE");
}

/** Polls `probe` every 50 ms until it returns true; fails after `ms`. */
export async function until(what: string, probe: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const nameOf = (urn: string): string => urn.slice(urn.lastIndexOf("::") + 2);

/**
 * State and Metronome agree for `customer`: one live commit per declared
 * name, state's ids = Metronome's live ids, keys match, and no archived
 * commit beyond `archived` (ids) exists. Returns name → commit id.
 */
export async function expectAgreement(
  world: MetronomeWorld,
  s: TestStack,
  customer: Customer,
  names: string[],
  archived: string[] = [],
): Promise<Record<string, string>> {
  const state = await s.resources(TYPE);
  expect(state.map((r) => nameOf(r.urn)).sort()).toEqual([...names].sort());
  const all = await world.commits(customer.customerId);
  const live = all.filter((c) => c.archived_at === undefined);
  expect(live, "exactly one live commit per declared resource").toHaveLength(names.length);
  expect(new Set(state.map((r) => r.id))).toEqual(new Set(live.map((c) => c.id)));
  expect(
    all.filter((c) => c.archived_at !== undefined).map((c) => c.id).sort(),
    "no archived duplicate",
  ).toEqual([...archived].sort());
  const ids: Record<string, string> = {};
  for (const r of state) {
    const commit = live.find((c) => c.id === r.id)!;
    expect(commit.uniqueness_key).toBe(r.outputs!.uniquenessKey);
    expect(commit.uniqueness_key).toMatch(new RegExp(`^${PROJECT}/${s.name}/${nameOf(r.urn)}#[0-9a-f]{16}$`));
    ids[nameOf(r.urn)] = r.id!;
  }
  // Every key is held once (archived commits included).
  const keys = all.map((c) => c.uniqueness_key);
  expect(new Set(keys).size).toBe(keys.length);
  return ids;
}

/**
 * `up` again: nothing to do, not one request reaches Metronome, and state and
 * Metronome still agree afterwards.
 */
export async function expectNoOpRerun(
  world: MetronomeWorld,
  s: TestStack,
  customer: Customer,
  names: string[],
  archived: string[] = [],
): Promise<void> {
  await resetEmulator(world);
  const { result } = await s.up();
  expect(result.summary.resourceChanges).toEqual({ same: names.length + 1 }); // + the stack
  expect(await requestLog(world)).toEqual([]);
  await expectAgreement(world, s, customer, names, archived);
}

// ---------------------------------------------------------------------------

export interface Matrix {
  readonly engine: Engine;
  readonly world: MetronomeWorld;
  /** A customer of its own for each row, so counts per customer are counts per row. */
  freshCustomer(): Customer;
  /** A stack of project PROJECT declaring `commits`, on this half's engine (or `on`). */
  newStack(name: string, commits: Record<string, Args>, on?: Engine): Promise<TestStack>;
}

/** Registers the hooks of one half: an engine, an emulator with `customers` customers, a clean emulator before each row. */
export function useMatrix(customers: number): Matrix {
  let engine: Engine | undefined;
  let world: MetronomeWorld | undefined;
  let next = 0;
  beforeAll(async () => {
    [engine, world] = await Promise.all([createEngine(), startMetronomeWorld({ customers })]);
  }, TIMEOUT);
  afterAll(async () => {
    await world?.close();
    await engine?.cleanup();
  });
  beforeEach(async () => {
    await resetEmulator(world!);
  });
  return {
    get engine() {
      return engine!;
    },
    get world() {
      return world!;
    },
    freshCustomer() {
      const customer = world!.customers[next++];
      if (customer === undefined) throw new Error(`more rows than the ${customers} customers set up`);
      return customer;
    },
    newStack(name, commits, on = engine!) {
      return on.newStack(program(commits), { stackName: name, projectName: PROJECT, ...world!.stackConfig() });
    },
  };
}
