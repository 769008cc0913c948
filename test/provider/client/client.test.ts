// MetronomeClient against the package's Metronome emulator over loopback
// HTTP: the whole commit lifecycle, error typing, and the retry policy proven
// with injected faults and the emulator's request log.
import { randomUUID } from "node:crypto";
import { Agent, buildConnector } from "undici";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulator } from "../../../emulator";
import { TEST_EMULATOR_OPTIONS } from "../../helpers/emulator-options";
import type { CreateCommitBody } from "../../../provider/api/wire";
import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionLostError,
  ENDPOINTS,
  MetronomeApiError,
  MetronomeClient,
  NotFoundError,
  RateLimitedError,
  ServerError,
  TimeoutError,
  type MetronomeClientOptions,
} from "../../../provider/client";
import { SLOWER_THAN_ANY_TIMEOUT_MS } from "../../helpers/timeouts";
import { control, type Fault } from "./support/emulator-control";
import { expectNoSecret } from "./support/no-secret";

const TOKEN = "emu_secret_token_3b1f2a9c8d7e6f50";
const CREATE = ENDPOINTS.commits.create.path;
const LIST = ENDPOINTS.commits.list.path;

let emulator: { url: string; close(): Promise<void> };
let ctl: ReturnType<typeof control>;
let api: MetronomeClient;
let customerId: string;
let productId: string;
let contractId: string;
const extraClients: MetronomeClient[] = [];

/** A client with fast retries so tests do not sleep through real backoff. */
function makeClient(extra: Partial<MetronomeClientOptions> = {}): MetronomeClient {
  const c = new MetronomeClient({ baseUrl: emulator.url, bearerToken: TOKEN, retryBaseDelayMs: 5, retryMaxDelayMs: 20, ...extra });
  extraClients.push(c);
  return c;
}

function commitBody(overrides: Partial<CreateCommitBody> = {}): CreateCommitBody {
  return {
    customer_id: customerId,
    type: "PREPAID",
    product_id: productId,
    priority: 100,
    name: "Acme prepaid",
    access_schedule: {
      schedule_items: [{ amount: 1_000_000, starting_at: "2027-01-01T00:00:00Z", ending_before: "2028-01-01T00:00:00Z" }],
    },
    invoice_contract_id: contractId,
    invoice_schedule: { schedule_items: [{ timestamp: "2027-01-01T00:00:00Z", amount: 1_000_000 }] },
    uniqueness_key: `test-${randomUUID()}`,
    ...overrides,
  };
}

/** Commits of `customer` carrying `key`, archived included: how we count duplicates. */
async function commitsWithKey(key: string, customer = customerId) {
  return (await api.commits.listAll({ customer_id: customer, include_archived: true })).filter((c) => c.uniqueness_key === key);
}

async function failure(promise: Promise<unknown>): Promise<MetronomeApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, "expected the call to fail").toBeInstanceOf(MetronomeApiError);
  return error as MetronomeApiError;
}

beforeAll(async () => {
  emulator = await startEmulator({ ...TEST_EMULATOR_OPTIONS, bearerToken: TOKEN });
  ctl = control(emulator.url);
  api = makeClient();
  customerId = (await api.customers.create({ name: "Acme" })).id;
  productId = (await api.products.create({ name: "Prepaid commit", type: "FIXED" })).id;
  contractId = (await api.contracts.create({ customer_id: customerId, starting_at: "2027-01-01T00:00:00Z" })).id;
});

beforeEach(async () => {
  await ctl.disarm();
  await ctl.clearLog();
});

afterAll(async () => {
  await Promise.all(extraClients.map((c) => c.close()));
  await emulator?.close();
});

describe("set-up endpoints", () => {
  it("create a customer, a product and a contract, and list credit types", async () => {
    const customer = await api.customers.create({ name: "Globex" });
    expect(customer).toMatchObject({ id: expect.any(String), name: "Globex" });
    await expect(api.customers.get(customer.id)).resolves.toMatchObject({ id: customer.id, name: "Globex" });
    await expect(api.customers.get(randomUUID())).rejects.toMatchObject({ name: "NotFoundError", status: 404, code: "CustomerNotFound", method: "GET" });
    await expect(api.products.create({ name: "p", type: "FIXED" })).resolves.toEqual({ id: expect.any(String) });
    await expect(api.contracts.create({ customer_id: customer.id, starting_at: "2027-01-01T00:00:00Z" })).resolves.toEqual({
      id: expect.any(String),
    });
    const creditTypes = await api.creditTypes.list();
    expect(creditTypes.data).toContainEqual({ id: "2714e483-4ff1-48e4-9e25-ac732e8f24f2", name: "USD (cents)", is_currency: true });
    expect(await ctl.calls()).toEqual([
      { method: "POST", path: "/v1/customers", status: 200 },
      { method: "GET", path: `/v1/customers/${customer.id}`, status: 200 },
      { method: "GET", path: expect.stringMatching(/^\/v1\/customers\/[0-9a-f-]{36}$/), status: 404 },
      { method: "POST", path: "/v1/contract-pricing/products/create", status: 200 },
      { method: "POST", path: "/v1/contracts/create", status: 200 },
      { method: "GET", path: "/v1/credit-types/list", status: 200 },
    ]);
  });
});

describe("commit lifecycle", () => {
  it("create, read, edit, end early, custom fields, archive", async () => {
    const body = commitBody();
    const { id } = await api.commits.create(body);

    const created = await api.commits.get(customerId, id);
    expect(created).toMatchObject({ id, type: "PREPAID", name: "Acme prepaid", priority: 100, uniqueness_key: body.uniqueness_key });
    expect(created?.product.id).toBe(productId);
    expect(created?.archived_at).toBeUndefined();

    await expect(api.commits.edit({ customer_id: customerId, commit_id: id, name: "Renamed", priority: 5 })).resolves.toEqual({ id });
    expect(await api.commits.get(customerId, id)).toMatchObject({ name: "Renamed", priority: 5 });

    await api.commits.updateEndDate({ customer_id: customerId, commit_id: id, access_ending_before: "2027-07-01T00:00:00Z" });
    expect((await api.commits.get(customerId, id))?.access_schedule?.schedule_items[0]?.ending_before).toMatch(/^2027-07-01T00:00:00/);

    await api.customFields.addKey({ entity: "commit", key: `team_${id.slice(0, 8)}`, enforce_uniqueness: false });
    const key = `team_${id.slice(0, 8)}`;
    await expect(api.customFields.setValues({ entity: "commit", entity_id: id, custom_fields: { [key]: "billing" } })).resolves.toBeUndefined();
    expect((await api.commits.get(customerId, id))?.custom_fields).toMatchObject({ [key]: "billing" });
    await api.customFields.deleteValues({ entity: "commit", entity_id: id, keys: [key] });
    expect((await api.commits.get(customerId, id))?.custom_fields?.[key]).toBeUndefined();

    await expect(api.commits.archive({ customer_id: customerId, commit_id: id })).resolves.toEqual({ id });
    // commits.get includes archived commits; the default list does not.
    expect((await api.commits.get(customerId, id))?.archived_at).toEqual(expect.any(String));
    expect((await api.commits.listAll({ customer_id: customerId })).map((c) => c.id)).not.toContain(id);
  });

  it("tells its write observers of every commit write, before it is sent and once it has ended", async () => {
    const client = makeClient({ maxRetries: 0 });
    const seen: string[] = [];
    client.observeWrites((write) => {
      seen.push(`${write.phase} ${write.kind} ${write.entity ?? "-"} ${write.customerId ?? "-"} ${write.entityId ?? "-"}`);
    });
    const { id } = await client.commits.create(commitBody());
    await client.commits.edit({ customer_id: customerId, commit_id: id, name: "Renamed" });
    await client.commits.updateEndDate({ customer_id: customerId, commit_id: id, access_ending_before: "2027-07-01T00:00:00Z" });
    const key = `owner_${id.slice(0, 8)}`;
    await api.customFields.addKey({ entity: "commit", key, enforce_uniqueness: false });
    await client.customFields.setValues({ entity: "commit", entity_id: id, custom_fields: { [key]: "finance" } });
    await client.customFields.deleteValues({ entity: "commit", entity_id: id, keys: [key] });
    await client.commits.archive({ customer_id: customerId, commit_id: id });
    await ctl.arm({ path: CREATE, kind: "status", status: 500, count: 1 });
    await expect(client.commits.create(commitBody())).rejects.toThrow();
    await client.commits.get(customerId, id); // a read: not told

    const c = customerId;
    expect(seen).toEqual([
      `start create commit ${c} -`, `end create commit ${c} ${id}`,
      `start change commit ${c} ${id}`, `end change commit ${c} ${id}`,
      `start change commit ${c} ${id}`, `end change commit ${c} ${id}`,
      `start change commit - ${id}`, `end change commit - ${id}`,
      `start change commit - ${id}`, `end change commit - ${id}`,
      `start change commit ${c} ${id}`, `end change commit ${c} ${id}`,
      `start create commit ${c} -`, `end create commit ${c} -`,
    ]);
  });

  it("commits.get answers undefined for a commit Metronome does not know", async () => {
    await expect(api.commits.get(customerId, randomUUID())).resolves.toBeUndefined();
  });

  it("an Idempotency-Key replays the first create instead of creating again", async () => {
    const body = commitBody();
    const idempotencyKey = `idem-${randomUUID()}`;
    const first = await api.commits.create(body, { idempotencyKey });
    const second = await api.commits.create(body, { idempotencyKey });
    expect(second).toEqual(first);
    expect(await commitsWithKey(body.uniqueness_key as string)).toHaveLength(1);
  });
});

describe("pagination (body cursor, 25 per page at most)", () => {
  let pagedCustomer: string;
  const created: string[] = [];

  beforeAll(async () => {
    pagedCustomer = (await api.customers.create({ name: "Many commits" })).id;
    for (let i = 0; i < 31; i++) {
      created.push((await api.commits.create(commitBody({ customer_id: pagedCustomer, invoice_contract_id: undefined, invoice_schedule: undefined }))).id);
    }
  }, 60_000);

  it("commits.listAll walks every page", async () => {
    const all = await api.commits.listAll({ customer_id: pagedCustomer });
    expect(all.map((c) => c.id)).toEqual(created);
    expect(await ctl.calls(LIST)).toHaveLength(2);
  });

  it("a smaller limit travels in the body with the cursor", async () => {
    const all = await api.commits.listAll({ customer_id: pagedCustomer, limit: 7 });
    expect(new Set(all.map((c) => c.id))).toEqual(new Set(created));
    expect(await ctl.calls(LIST)).toHaveLength(5);
  });

  it("commits.list is lazy", async () => {
    const firstFew: string[] = [];
    for await (const commit of api.commits.list({ customer_id: pagedCustomer, limit: 10 })) {
      firstFew.push(commit.id);
      if (firstFew.length === 3) break;
    }
    expect(firstFew).toEqual(created.slice(0, 3));
    expect(await ctl.calls(LIST)).toHaveLength(1);
  });

  it("commits.listPage returns one page and its cursor", async () => {
    const page = await api.commits.listPage({ customer_id: pagedCustomer });
    expect(page.data).toHaveLength(25);
    expect(page.next_page).toEqual(expect.any(String));
    const rest = await api.commits.listPage({ customer_id: pagedCustomer, next_page: page.next_page as string });
    expect(rest.data).toHaveLength(6);
    expect(rest.next_page).toBeNull();
  });
});

describe("error typing", () => {
  type Case = {
    label: string;
    fault?: Fault;
    options?: Partial<MetronomeClientOptions>;
    call: (c: MetronomeClient) => Promise<unknown>;
    cls: abstract new (...args: never[]) => MetronomeApiError;
    expected: Record<string, unknown>;
  };
  const cases: Case[] = [
    {
      label: "400 validation",
      call: (c) => c.commits.create({ ...commitBody(), priority: "high" as unknown as number }),
      cls: BadRequestError,
      expected: { name: "BadRequestError", status: 400, mayHaveApplied: false, apiMessage: expect.stringContaining("priority") },
    },
    {
      label: "401 wrong token",
      options: { bearerToken: "definitely_not_the_token_123" },
      call: (c) => c.commits.listPage({ customer_id: customerId }),
      cls: AuthenticationError,
      expected: { name: "AuthenticationError", status: 401, mayHaveApplied: false },
    },
    {
      label: "404 unknown customer",
      call: (c) => c.commits.create(commitBody({ customer_id: randomUUID(), invoice_contract_id: undefined, invoice_schedule: undefined })),
      cls: NotFoundError,
      expected: { name: "NotFoundError", status: 404, code: "CustomerNotFound" },
    },
    {
      label: "409 from a fault",
      fault: { path: CREATE, kind: "status", status: 409 },
      call: (c) => c.commits.create(commitBody()),
      cls: ConflictError,
      expected: { name: "ConflictError", status: 409, isUniquenessKeyConflict: false, mayHaveApplied: false },
    },
    {
      label: "429 past the retry budget",
      fault: { path: LIST, kind: "status", status: 429, retryAfterSeconds: 0, count: 10 },
      options: { maxRetries: 2 },
      call: (c) => c.commits.listPage({ customer_id: customerId }),
      cls: RateLimitedError,
      expected: { name: "RateLimitedError", status: 429, retryAfterMs: 0, attempts: 3 },
    },
    {
      label: "500 on a write",
      fault: { path: CREATE, kind: "status", status: 500 },
      call: (c) => c.commits.create(commitBody()),
      cls: ServerError,
      expected: { name: "ServerError", status: 500, mayHaveApplied: true },
    },
    {
      label: "500 on a read, past the retry budget",
      fault: { path: LIST, kind: "status", status: 500, count: 10 },
      options: { maxRetries: 1 },
      call: (c) => c.commits.listPage({ customer_id: customerId }),
      cls: ServerError,
      expected: { name: "ServerError", status: 500, mayHaveApplied: false, attempts: 2 },
    },
    {
      label: "timeout",
      fault: { path: CREATE, kind: "latency", latencyMs: SLOWER_THAN_ANY_TIMEOUT_MS },
      options: { timeoutMs: 100 },
      call: (c) => c.commits.create(commitBody()),
      cls: TimeoutError,
      expected: { name: "TimeoutError", status: undefined, timeoutMs: 100, mayHaveApplied: true },
    },
    {
      label: "dropped connection",
      fault: { path: CREATE, kind: "drop-after-apply" },
      call: (c) => c.commits.create(commitBody()),
      cls: ConnectionLostError,
      expected: { name: "ConnectionLostError", status: undefined, connected: true, mayHaveApplied: true },
    },
  ];

  it.each(cases)("$label", async ({ fault, options, call, cls, expected }) => {
    if (fault) await ctl.arm(fault);
    const error = await failure(call(makeClient(options)));
    if (fault?.kind === "latency") await ctl.settle(fault.path, 1);
    expect(error).toBeInstanceOf(cls);
    expect(error).toMatchObject(expected);
    expect(error.path).toMatch(/^\/v1\//);
    expect(error.method).toBe("POST");
    expectNoSecret(error, TOKEN);
    expectNoSecret(error, "definitely_not_the_token_123");
  });

  it("409 on a reused uniqueness key is a uniqueness-key conflict, and not retried", async () => {
    const body = commitBody();
    await api.commits.create(body);
    await ctl.clearLog();
    const error = await failure(api.commits.create(body));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ status: 409, isUniquenessKeyConflict: true });
    expect(await ctl.calls(CREATE)).toHaveLength(1);
  });
});

describe("reads are retried", () => {
  it("two 503s, then success: three calls", async () => {
    await ctl.arm({ path: LIST, kind: "status", status: 503, count: 2 });
    const page = await api.commits.listPage({ customer_id: customerId });
    expect(Array.isArray(page.data)).toBe(true);
    expect((await ctl.calls(LIST)).map((c) => c.status)).toEqual([503, 503, 200]);
  });

  it.each<[string, Fault]>([
    ["500", { path: LIST, kind: "status", status: 500 }],
    ["504 after apply", { path: LIST, kind: "status-after-apply", status: 504 }],
    ["dropped connection", { path: LIST, kind: "drop-after-apply" }],
    ["timeout", { path: LIST, kind: "latency", latencyMs: SLOWER_THAN_ANY_TIMEOUT_MS }],
  ])("recovers from %s", async (_label, fault) => {
    await ctl.arm(fault);
    const c = makeClient({ timeoutMs: 200 });
    await expect(c.commits.get(customerId, randomUUID())).resolves.toBeUndefined();
    expect(await ctl.settle(LIST, 2)).toHaveLength(2);
  });

  it("GET credit types is a read too", async () => {
    await ctl.arm({ path: ENDPOINTS.creditTypes.list.path, kind: "status", status: 502, count: 2 });
    await expect(api.creditTypes.list()).resolves.toMatchObject({ data: expect.any(Array) });
    expect(await ctl.calls(ENDPOINTS.creditTypes.list.path)).toHaveLength(3);
  });

  it("Retry-After is honoured", async () => {
    await ctl.arm({ path: LIST, kind: "status", status: 429, retryAfterSeconds: 1 });
    const started = Date.now();
    await api.commits.listPage({ customer_id: customerId });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(await ctl.calls(LIST)).toHaveLength(2);
  });

  it("pagination resumes on the page that failed", async () => {
    const pagedCustomer = (await api.customers.create({ name: "Retry paging" })).id;
    for (let i = 0; i < 3; i++) {
      await api.commits.create(commitBody({ customer_id: pagedCustomer, invoice_contract_id: undefined, invoice_schedule: undefined }));
    }
    await ctl.clearLog();
    const iterator = api.commits.list({ customer_id: pagedCustomer, limit: 2 });
    const seen: string[] = [];
    for await (const commit of iterator) {
      seen.push(commit.id);
      // Fail the request for the second page once.
      if (seen.length === 2) await ctl.arm({ path: LIST, kind: "status", status: 503 });
    }
    expect(new Set(seen).size).toBe(3);
    expect((await ctl.calls(LIST)).map((c) => c.status)).toEqual([200, 503, 200]);
  });
});

describe("writes are never retried blindly", () => {
  // [label, fault, applied by the emulator?]
  const ambiguous: Array<[string, Omit<Fault, "path">, boolean, abstract new (...a: never[]) => MetronomeApiError]> = [
    ["500", { kind: "status", status: 500 }, false, ServerError],
    ["503 with Retry-After", { kind: "status", status: 503, retryAfterSeconds: 0 }, false, ServerError],
    ["504 after apply", { kind: "status-after-apply", status: 504 }, true, ServerError],
    ["drop after apply", { kind: "drop-after-apply" }, true, ConnectionLostError],
    ["timeout", { kind: "latency", latencyMs: SLOWER_THAN_ANY_TIMEOUT_MS }, true, TimeoutError],
  ];

  it.each(ambiguous)("create on %s: one call, error says it may have applied", async (_label, fault, applied, cls) => {
    await ctl.arm({ ...fault, path: CREATE });
    const body = commitBody();
    const error = await failure(makeClient({ timeoutMs: 150 }).commits.create(body));
    expect(error).toBeInstanceOf(cls);
    expect(error.mayHaveApplied).toBe(true);
    expect(error.attempts).toBe(1);
    // Give a slow request time to show up, so a retry would be seen too.
    if (fault.kind === "latency") await new Promise((r) => setTimeout(r, fault.latencyMs));
    expect(await ctl.settle(CREATE, 1)).toHaveLength(1);
    // Exactly as many commits as the emulator applied: never a duplicate.
    expect(await commitsWithKey(body.uniqueness_key as string)).toHaveLength(applied ? 1 : 0);
  });

  it.each([
    ["commits.edit", ENDPOINTS.commits.edit.path, (c: MetronomeClient, id: string) => c.commits.edit({ customer_id: customerId, commit_id: id, name: "x" })],
    [
      "commits.updateEndDate",
      ENDPOINTS.commits.updateEndDate.path,
      (c: MetronomeClient, id: string) => c.commits.updateEndDate({ customer_id: customerId, commit_id: id, access_ending_before: "2027-06-01T00:00:00Z" }),
    ],
    ["commits.archive", ENDPOINTS.commits.archive.path, (c: MetronomeClient, id: string) => c.commits.archive({ customer_id: customerId, commit_id: id })],
    [
      "customFields.deleteValues",
      ENDPOINTS.customFields.deleteValues.path,
      (c: MetronomeClient, id: string) => c.customFields.deleteValues({ entity: "commit", entity_id: id, keys: ["nope"] }),
    ],
    ["customers.create", ENDPOINTS.customers.create.path, (c: MetronomeClient) => c.customers.create({ name: "n" })],
  ])("%s on 500: one call", async (_label, path, call) => {
    const { id } = await api.commits.create(commitBody());
    await ctl.arm({ path, kind: "status", status: 500, count: 5 });
    const error = await failure(call(api, id));
    expect(error).toBeInstanceOf(ServerError);
    expect(error.mayHaveApplied).toBe(true);
    expect(await ctl.calls(path)).toHaveLength(1);
  });

  it("create on 429 is retried (Metronome did not apply it), and creates exactly one commit", async () => {
    await ctl.arm({ path: CREATE, kind: "status", status: 429, count: 2 });
    const body = commitBody();
    const { id } = await api.commits.create(body, { idempotencyKey: `idem-${randomUUID()}` });
    expect((await ctl.calls(CREATE)).map((c) => c.status)).toEqual([429, 429, 200]);
    expect((await commitsWithKey(body.uniqueness_key as string)).map((c) => c.id)).toEqual([id]);
  });

  it("create on 429 honours Retry-After", async () => {
    await ctl.arm({ path: CREATE, kind: "status", status: 429, retryAfterSeconds: 1 });
    const started = Date.now();
    await api.commits.create(commitBody());
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(await ctl.calls(CREATE)).toHaveLength(2);
  });
});

describe("connection reuse", () => {
  it("two connections serve a whole sequence of calls", async () => {
    let connections = 0;
    const connect = buildConnector({});
    const agent = new Agent({
      connect: (options, callback) => {
        connections++;
        return connect(options, callback);
      },
    });
    const c = makeClient({ dispatcher: agent });
    const { id } = await c.commits.create(commitBody());
    for (let i = 0; i < 10; i++) await c.commits.get(customerId, id);
    await c.commits.edit({ customer_id: customerId, commit_id: id, name: "again" });
    await failure(c.commits.create(commitBody({ customer_id: randomUUID() })));
    await c.commits.listAll({ customer_id: customerId });
    expect(await ctl.calls()).toHaveLength(14);
    // undici frees a connection a turn of the event loop after its answer;
    // the next call, sent at once, takes the pool's second one (transport.ts).
    expect(connections).toBe(2);
    await agent.close();
  });
});
