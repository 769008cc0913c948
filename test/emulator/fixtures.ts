// Shared set-up for the emulator's conformance tests. Everything goes through
// the official SDK, as a user's script would; raw fetch is used only where
// the SDK cannot show what is being tested (dropped sockets, headers, the
// control surface).

import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import Metronome from "@metronome/sdk";
import { DEFAULT_EMULATOR_TOKEN, startEmulator, type Emulator, type EmulatorOptions } from "../../emulator/index";

export const TOKEN = "test-token-7f3a";
export const USD = "2714e483-4ff1-48e4-9e25-ac732e8f24f2";
export const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";
export { DEFAULT_EMULATOR_TOKEN };

export const clientFor = (url: string, token = TOKEN): Metronome =>
  new Metronome({ bearerToken: token, baseURL: url, maxRetries: 0 });

export interface Harness {
  emulator: Emulator;
  url: string;
  client: Metronome;
}

/** One emulator per test file; faults and the request log are reset before each test. */
export function useEmulator(options: EmulatorOptions = {}): Harness {
  const h = {} as Harness;
  beforeAll(async () => {
    h.emulator = await startEmulator({ bearerToken: TOKEN, ...options });
    h.url = h.emulator.url;
    h.client = clientFor(h.url);
  });
  afterAll(async () => {
    await h.emulator?.close();
  });
  beforeEach(async () => {
    await control(h.url, "DELETE", "/_emulator/faults");
    await control(h.url, "DELETE", "/_emulator/requests");
  });
  return h;
}

export interface World {
  customerId: string;
  productId: string;
  usageProductId: string;
  contractId: string;
}

/** A fresh customer with a FIXED product, a USAGE product and a contract. */
export async function makeWorld(client: Metronome): Promise<World> {
  const customer = await client.v1.customers.create({ name: "Acme Corp" });
  const product = await client.v1.contracts.products.create({ name: "Prepaid commit", type: "FIXED" });
  const usage = await client.v1.contracts.products.create({ name: "API calls", type: "USAGE", tags: ["api"] });
  const contract = await client.v1.contracts.create({
    customer_id: customer.data.id,
    starting_at: "2027-01-01T00:00:00Z",
  });
  return {
    customerId: customer.data.id,
    productId: product.data.id,
    usageProductId: usage.data.id,
    contractId: contract.data.id,
  };
}

type Body = Record<string, any>;

/** A valid PREPAID commit body: 1,000,000 cents for 2027, invoiced once. */
export function prepaid(w: World, extra: Body = {}): any {
  return {
    customer_id: w.customerId,
    type: "PREPAID",
    product_id: w.productId,
    priority: 100,
    name: "Acme 2027 prepaid",
    access_schedule: {
      schedule_items: [{ amount: 1_000_000, starting_at: "2027-01-01T00:00:00Z", ending_before: "2028-01-01T00:00:00Z" }],
    },
    invoice_contract_id: w.contractId,
    invoice_schedule: { schedule_items: [{ timestamp: "2027-01-01T00:00:00Z", amount: 1_000_000 }] },
    ...extra,
  };
}

/** A valid POSTPAID commit body: one access item, one invoice item, equal totals. */
export function postpaid(w: World, extra: Body = {}): any {
  return {
    customer_id: w.customerId,
    type: "POSTPAID",
    product_id: w.productId,
    priority: 50,
    access_schedule: {
      schedule_items: [{ amount: 500_000, starting_at: "2027-01-01T00:00:00Z", ending_before: "2028-01-01T00:00:00Z" }],
    },
    invoice_contract_id: w.contractId,
    invoice_schedule: { schedule_items: [{ timestamp: "2027-12-31T00:00:00Z", amount: 500_000 }] },
    ...extra,
  };
}

/** A valid customer credit body: 50,000 cents of free credit for 2027. */
export function credit(w: World, extra: Body = {}): any {
  return {
    customer_id: w.customerId,
    product_id: w.productId,
    priority: 10,
    name: "Acme 2027 credit",
    access_schedule: {
      schedule_items: [{ amount: 50_000, starting_at: "2027-01-01T00:00:00Z", ending_before: "2028-01-01T00:00:00Z" }],
    },
    ...extra,
  };
}

/** Reads one credit back through the list endpoint, archived or not. */
export async function readCredit(client: Metronome, customerId: string, creditId: string, extra: Body = {}): Promise<any> {
  const page = await client.v1.customers.credits.list({ customer_id: customerId, credit_id: creditId, include_archived: true, ...extra });
  expect(page.data).toHaveLength(1);
  return page.data[0];
}

/** Archives a credit; the SDK 3.10.0 has no method for this path. */
export const archiveCredit = (client: Metronome, customer_id: string, credit_id: string): Promise<any> =>
  client.post("/v2/contracts/credits/archive", { body: { customer_id, credit_id } });

/** Reads one commit back through the list endpoint (Metronome has no get-by-id). */
export async function readCommit(client: Metronome, customerId: string, commitId: string, extra: Body = {}): Promise<any> {
  const page = await client.v1.customers.commits.list({ customer_id: customerId, commit_id: commitId, include_archived: true, ...extra });
  expect(page.data).toHaveLength(1);
  return page.data[0];
}

/** Asserts an SDK call fails with `status` and a message matching `message`. */
export async function expectApiError(promise: Promise<unknown>, status: number, message?: RegExp | string): Promise<any> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err, "expected the call to fail").toBeInstanceOf(Metronome.APIError);
  const apiErr = err as InstanceType<typeof Metronome.APIError>;
  expect(apiErr.status).toBe(status);
  const body = apiErr.error as { message?: string };
  expect(typeof body?.message).toBe("string");
  if (message) expect(body.message).toMatch(message);
  return body;
}

/** Calls the emulator's control surface. */
export async function control(url: string, method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(url + path, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

/** A raw authorised POST, for headers and status the SDK hides. */
export async function rawPost(url: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; body: any }> {
  const res = await fetch(url + path, {
    method: "POST",
    headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}
