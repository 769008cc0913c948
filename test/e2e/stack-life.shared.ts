/**
 * Shared by the stack-life end-to-end tests (stack-life-*.test.ts): what a
 * team does to a stack over the years, on the real engine, against the
 * emulator. A program declares commits by name, each with its own options;
 * Metronome's side is looked at through the SDK and the request log.
 */
import type * as pulumi from "@pulumi/pulumi";
import { loadBuiltPackage } from "../helpers/built-package";
import { type StateResource, type TestStack } from "../helpers/engine";
import type { MetronomeWorld } from "../helpers/metronome-world";
import { apiWrites, clearApiRequests } from "../helpers/request-log";

type Pkg = typeof import("../../provider");
export const { CustomerCommit } = loadBuiltPackage<Pkg>();
export type Args = import("../../provider").CustomerCommitArgs;
export type Options = pulumi.CustomResourceOptions;

export const TYPE = "pulumi-nodejs:dynamic/metronome:CustomerCommit";
export const TIMEOUT = 240_000;
export const YEAR = { startingAt: "2027-01-01T00:00:00Z", endingBefore: "2028-01-01T00:00:00Z" };

export interface Declared {
  args: Args;
  opts?: Options;
  /** Options that refer to other declared commits, by name (replaceWith, deletedWith). */
  with?: { replaceWith?: string[]; deletedWith?: string };
}

/** A program declaring `commits` (name → declaration), in order, exporting each commit's id. */
export function program(commits: Record<string, Declared>) {
  return async () => {
    const made: Record<string, InstanceType<typeof CustomerCommit>> = {};
    for (const [name, d] of Object.entries(commits)) {
      const opts: Options = { ...d.opts };
      if (d.with?.replaceWith) opts.replaceWith = d.with.replaceWith.map((n) => made[n]!);
      if (d.with?.deletedWith) opts.deletedWith = made[d.with.deletedWith]!;
      made[name] = new CustomerCommit(name, d.args, opts);
    }
    return { ids: Object.fromEntries(Object.entries(made).map(([n, r]) => [n, r.id])) };
  };
}

/** An invoiced PREPAID commit of the world's first customer. */
export function prepaid(world: MetronomeWorld, overrides: Partial<Args> = {}): Args {
  return {
    customerId: world.customerId,
    type: "PREPAID",
    productId: world.productId,
    priority: 100,
    name: "Prepaid 2027",
    accessSchedule: { scheduleItems: [{ amount: 1_000_000, ...YEAR }] },
    invoiceContractId: world.contractId,
    invoiceSchedule: { scheduleItems: [{ timestamp: "2027-01-01T00:00:00Z", amount: 1_000_000 }] },
    ...overrides,
  };
}

/** The commit resources in state, by resource name. */
export async function stateByName(s: TestStack): Promise<Map<string, StateResource>> {
  const all = await s.resources(TYPE);
  return new Map(all.filter((r) => !r.delete).map((r) => [r.urn.split("::").pop()!, r]));
}

export async function urnOf(s: TestStack, name: string): Promise<string> {
  const r = (await stateByName(s)).get(name);
  if (r === undefined) throw new Error(`no ${name} in state`);
  return r.urn;
}

/** Every commit of the world's first customer, by id: archived or not. */
export async function heldCommits(world: MetronomeWorld): Promise<Map<string, { live: boolean; key?: string; name?: string }>> {
  const all = await world.commits();
  return new Map(all.map((c) => [c.id, { live: c.archived_at === undefined, key: c.uniqueness_key, name: c.name }]));
}

/** Runs `op` and returns the writes it sent to Metronome (`METHOD path status`). */
export async function writesDuring(world: MetronomeWorld, op: () => Promise<unknown>): Promise<string[]> {
  await clearApiRequests(world.url);
  await op();
  return (await apiWrites(world.url)).map((r) => `${r.path} ${r.status}`);
}

/** The failure of `op`, which must fail. */
export async function failure(op: Promise<unknown>): Promise<Error> {
  const outcome = await op.then(
    () => undefined,
    (e: unknown) => e as Error,
  );
  if (outcome === undefined) throw new Error("expected the operation to fail");
  return outcome;
}
