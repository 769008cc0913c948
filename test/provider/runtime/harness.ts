// Shared set-up for the runtime tests: one emulator per test file on loopback,
// the provider configured against it the way the plugin does (through
// `configure` with the stack config), a fresh customer world per test, and
// helpers to look at Metronome directly and at the emulator's request log.
// No module mocks: every call is real HTTP to the emulator.

import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import { startEmulator, type Emulator, type EmulatorOptions } from "../../../emulator/index";
import { TEST_EMULATOR_OPTIONS } from "../../helpers/emulator-options";
import type { Commit } from "../../../provider/api/wire";
import { MetronomeClient } from "../../../provider/client";
import { UNKNOWN, canonicalize } from "../../../provider/core";
import { closeClients, setClientTuningForTests, type ClientTuning } from "../../../provider/runtime/client-for";
import { resetConfiguredCredentials } from "../../../provider/runtime/credentials";
import { resetDeploymentLedger } from "../../../provider/runtime/deployment-ledger";
import { customerCommitProvider } from "../../../provider/runtime/provider";
import { control, type LoggedCall } from "../client/support/emulator-control";

export { UNKNOWN, customerCommitProvider as provider };
export type { LoggedCall };

/** Recognizable, so a leak is easy to spot in any string. */
export const TOKEN = "sk_test_runtime_7f3a9c2e5b1d";
export const USD = "2714e483-4ff1-48e4-9e25-ac732e8f24f2";
export const EUR = "4f7e0f0a-5a16-4f4b-8f55-2f2c7b0d9e13";
export const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

export const PATHS = {
  create: "/v1/contracts/customerCommits/create",
  list: "/v1/contracts/customerCommits/list",
  edit: "/v2/contracts/commits/edit",
  archive: "/v2/contracts/commits/archive",
  endDate: "/v1/contracts/customerCommits/updateEndDate",
  setFields: "/v1/customFields/setValues",
  deleteFields: "/v1/customFields/deleteValues",
} as const;

/** Fast retries: the policy is the client's (tested there); here only its outcome matters. */
export const FAST: ClientTuning = { retryBaseDelayMs: 5, retryMaxDelayMs: 20, retryAfterMaxMs: 20 };

export type Raw = Record<string, unknown>;

export interface Harness {
  emulator: Emulator;
  url: string;
  /** A direct client, to set things up and to look at Metronome behind the provider's back. */
  api: MetronomeClient;
  emu: ReturnType<typeof control>;
}

/** A fake of what the plugin hands `configure`: the stack config, secrets decrypted. */
export function stackConfig(values: Record<string, string>): { config: { get(key: string): string | undefined; require(key: string): string } } {
  return {
    config: {
      get: (key) => values[key],
      require: (key) => {
        const v = values[key];
        if (v === undefined) throw new Error(`missing required configuration variable '${key}'`);
        return v;
      },
    },
  };
}

/**
 * One emulator per test file, strict about request fields, in the mode
 * `emulatorOptions` picks. The provider is configured through `configure`
 * (as the plugin does it), faults are disarmed and the request log cleared
 * before each test.
 */
export function useRuntime(tuning: ClientTuning = FAST, emulatorOptions: EmulatorOptions = {}): Harness {
  const h = {} as Harness;
  beforeAll(async () => {
    h.emulator = await startEmulator({ ...TEST_EMULATOR_OPTIONS, ...emulatorOptions, bearerToken: TOKEN });
    h.url = h.emulator.url;
    h.api = new MetronomeClient({ baseUrl: h.url, bearerToken: TOKEN, ...FAST });
    h.emu = control(h.url);
    await setClientTuningForTests(tuning);
  });
  beforeEach(async () => {
    resetConfiguredCredentials();
    newDeployment();
    await customerCommitProvider.configure(stackConfig({ "metronome:bearerToken": TOKEN, "metronome:baseUrl": h.url }));
    await h.emu.disarm();
    await h.emu.clearLog();
  });
  afterAll(async () => {
    resetConfiguredCredentials();
    await setClientTuningForTests({});
    await closeClients();
    await h.api?.close();
    await h.emulator?.close();
  });
  return h;
}

/**
 * Starts a new deployment, as each `pulumi` command does with a new plugin
 * process: the provider forgets what it saw of the last one (the deployment
 * ledger). A test that creates and then removes a commit is two commands.
 */
export function newDeployment(): void {
  resetDeploymentLedger();
}

export interface World {
  customerId: string;
  productId: string;
  otherProductId: string;
  usageProductId: string;
  contractId: string;
}

/** A fresh customer with two FIXED products, a USAGE product and a contract. */
export async function newWorld(api: MetronomeClient): Promise<World> {
  const customer = await api.customers.create({ name: `Acme ${randomUUID().slice(0, 8)}` });
  const product = await api.products.create({ name: "Prepaid commit", type: "FIXED" });
  const other = await api.products.create({ name: "Enterprise commit", type: "FIXED" });
  const usage = await api.products.create({ name: "API calls", type: "USAGE", tags: ["api"] });
  const contract = await api.contracts.create({ customer_id: customer.id, starting_at: "2027-01-01T00:00:00Z" });
  return {
    customerId: customer.id,
    productId: product.id,
    otherProductId: other.id,
    usageProductId: usage.id,
    contractId: contract.id,
  };
}

export const newKey = (label = "commit"): string => `test/${label}/${randomUUID()}`;

/** A PREPAID commit as a user declares it: $10,000 of access for 2027, invoiced up front. */
export function prepaidArgs(w: World, extra: Raw = {}): Raw {
  return {
    customerId: w.customerId,
    type: "PREPAID",
    productId: w.productId,
    priority: 100,
    name: "Acme 2027 prepaid",
    accessSchedule: {
      scheduleItems: [{ amount: 1_000_000, startingAt: "2027-01-01T00:00:00Z", endingBefore: "2028-01-01T00:00:00Z" }],
    },
    invoiceContractId: w.contractId,
    invoiceSchedule: { scheduleItems: [{ timestamp: "2027-01-01T00:00:00Z", amount: 1_000_000 }] },
    uniquenessKey: newKey("prepaid"),
    ...extra,
  };
}

/** A free PREPAID commit: no invoice schedule, nothing billed. */
export function freeArgs(w: World, extra: Raw = {}): Raw {
  return {
    customerId: w.customerId,
    type: "PREPAID",
    productId: w.productId,
    priority: 50,
    name: "Onboarding allowance",
    accessSchedule: {
      scheduleItems: [{ amount: 50_000, startingAt: "2027-01-01T00:00:00Z", endingBefore: "2027-04-01T00:00:00Z" }],
    },
    uniquenessKey: newKey("free"),
    ...extra,
  };
}

/** Inputs as check stores them, with the defaults canonicalizing fills in: what outputs hold. */
export const canonicalOf = (inputs: Raw): Raw => canonicalize(inputs);

/** `check` as the engine calls it; fails the test on any failure. */
export async function checked(raw: Raw, olds: Raw = {}): Promise<Raw> {
  const result = await customerCommitProvider.check(olds, { __provider: "shim", ...raw });
  expect(result.failures ?? []).toEqual([]);
  const { __provider: _p, ...inputs } = result.inputs as Raw;
  return inputs;
}

/**
 * check, then create, as an earlier `pulumi up` does; what follows is a new
 * deployment (`newDeployment`). Returns the checked inputs and the create result.
 */
export async function created(raw: Raw): Promise<{ inputs: Raw; id: string; outs: Raw }> {
  const inputs = await checked(raw);
  const result = await customerCommitProvider.create({ __provider: "shim", ...inputs });
  newDeployment();
  return { inputs, id: result.id, outs: result.outs as Raw };
}

/** Every commit of the customer carrying `key`, archived included, straight from Metronome. */
export async function commitsWithKey(api: MetronomeClient, customerId: string, key: string): Promise<Commit[]> {
  const all = await api.commits.listAll({ customer_id: customerId, include_archived: true });
  return all.filter((c) => c.uniqueness_key === key);
}

/** The one commit, straight from Metronome (archived included). */
export async function metronomeCommit(api: MetronomeClient, customerId: string, commitId: string): Promise<Commit> {
  const commit = await api.commits.get(customerId, commitId);
  if (commit === undefined) throw new Error(`commit ${commitId} not found in Metronome`);
  return commit;
}

/** `METHOD path` of each logged call, e.g. "POST /v2/contracts/commits/edit 200". */
export const summarize = (calls: LoggedCall[]): string[] => calls.map((c) => `${c.path} ${c.status}`);

/** Paths (with statuses) of writes only: everything but the list endpoint. */
export const writesIn = (calls: LoggedCall[]): string[] => summarize(calls.filter((c) => c.path !== PATHS.list));

/** Fails if `value` holds `undefined` anywhere, a non-JSON value, or differs from its JSON round trip. */
export function expectJsonSafe(value: unknown): void {
  const walk = (v: unknown, path: string): void => {
    expect(v, `undefined at ${path || "(root)"}`).not.toBeUndefined();
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
    else if (v !== null && typeof v === "object") {
      expect(Object.getPrototypeOf(v), `non-plain object at ${path}`).toBe(Object.prototype);
      for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k);
    } else {
      expect(["string", "number", "boolean"].includes(typeof v) || v === null, `${typeof v} at ${path}`).toBe(true);
      if (typeof v === "number") expect(Number.isFinite(v), `non-finite number at ${path}`).toBe(true);
    }
  };
  walk(value, "");
  expect(JSON.parse(JSON.stringify(value))).toEqual(value);
}

/** The error a promise rejects with (fails the test if it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  const outcome = await promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  if (outcome.ok) throw new Error(`expected a rejection, got ${JSON.stringify(outcome.value)}`);
  expect(outcome.error).toBeInstanceOf(Error);
  return outcome.error as Error;
}

/** Fails if the bearer token shows anywhere in `value` (JSON, message, stack, cause chain). */
export function expectNoToken(value: unknown): void {
  const seen = new Set<unknown>();
  const texts: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === "string") texts.push(v);
    if (v === null || typeof v !== "object" || seen.has(v)) return;
    seen.add(v);
    for (const key of Reflect.ownKeys(v)) {
      if (typeof key === "string") texts.push(key);
      const d = Object.getOwnPropertyDescriptor(v, key);
      if (d && "value" in d) walk(d.value);
    }
  };
  walk(value);
  if (value instanceof Error) texts.push(String(value), value.stack ?? "");
  for (const t of texts) expect(t.includes(TOKEN), `token found in: ${t.slice(0, 200)}`).toBe(false);
}
