// The HTTP layer against a loopback server of our own: what goes on the wire,
// keep-alive reuse, deadlines, lost connections, and that the token never
// escapes in an error. (The fault matrix against a real Metronome stand-in is
// in client.test.ts, on the emulator.)
import { setImmediate as nextTurn } from "node:timers/promises";
import { inspect } from "node:util";
import { Agent } from "undici";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionLostError,
  MetronomeApiError,
  MetronomeClient,
  NotFoundError,
  RateLimitedError,
  ServerError,
  TimeoutError,
  UnprocessableError,
  type MetronomeClientOptions,
} from "../../../provider/client";
import { SLOWER_THAN_ANY_TIMEOUT_MS } from "../../helpers/timeouts";
import { expectNoPartOfSecret, expectNoSecret } from "./support/no-secret";
import { closedPort, json, startStub, type StubServer } from "./support/stub-server";

const TOKEN = "mtr_test_5f3c9a7e1b2d4c6e8f0a1b2c3d4e5f60";
const COMMIT: Parameters<MetronomeClient["commits"]["create"]>[0] = {
  customer_id: "cu_1",
  type: "PREPAID",
  product_id: "pr_1",
  priority: 1,
  access_schedule: { schedule_items: [{ amount: 100, starting_at: "2027-01-01T00:00:00Z", ending_before: "2028-01-01T00:00:00Z" }] },
};
const noSleep = { sleep: async () => {}, random: () => 0 };

let stub: StubServer;
const clients: MetronomeClient[] = [];
function client(extra: Partial<MetronomeClientOptions> = {}): MetronomeClient {
  const c = new MetronomeClient({ baseUrl: stub.url, bearerToken: TOKEN, retryRuntime: noSleep, ...extra });
  clients.push(c);
  return c;
}

beforeEach(async () => {
  stub = await startStub();
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await stub.close();
});

describe("what goes on the wire", () => {
  it("POSTs JSON with the bearer token, and Idempotency-Key only when asked", async () => {
    const c = client();
    await expect(c.commits.create(COMMIT, { idempotencyKey: "idem-1" })).resolves.toEqual({ id: "c1" });
    await c.commits.create(COMMIT);
    const [first, second] = stub.requests;
    expect(first?.method).toBe("POST");
    expect(first?.url).toBe("/v1/contracts/customerCommits/create");
    expect(first?.headers["authorization"]).toBe(`Bearer ${TOKEN}`);
    expect(first?.headers["content-type"]).toBe("application/json");
    expect(first?.headers["idempotency-key"]).toBe("idem-1");
    expect(JSON.parse(first?.body ?? "")).toEqual(COMMIT);
    expect(second?.headers["idempotency-key"]).toBeUndefined();
  });

  it("sends list pagination in the body, and credit-type pagination in the query", async () => {
    stub.setHandler((_req, res) => json(res, 200, { data: [], next_page: null }));
    const c = client();
    await c.commits.listPage({ customer_id: "cu_1", limit: 5, next_page: "cur" });
    await c.creditTypes.list({ limit: 2, next_page: "p2" });
    expect(stub.requests[0]?.url).toBe("/v1/contracts/customerCommits/list");
    expect(JSON.parse(stub.requests[0]?.body ?? "")).toEqual({ customer_id: "cu_1", limit: 5, next_page: "cur" });
    expect(stub.requests[1]?.method).toBe("GET");
    expect(stub.requests[1]?.url).toBe("/v1/credit-types/list?limit=2&next_page=p2");
    expect(stub.requests[1]?.body).toBe("");
  });

  it("keeps a base URL's path prefix", async () => {
    const c = client({ baseUrl: `${stub.url}/metronome/` });
    await c.commits.archive({ customer_id: "cu", commit_id: "c1" });
    expect(stub.requests[0]?.url).toBe("/metronome/v2/contracts/commits/archive");
  });

  it("resolves void for endpoints that answer with an empty body", async () => {
    stub.setHandler((_req, res) => {
      res.writeHead(200);
      res.end();
    });
    await expect(client().customFields.setValues({ entity: "commit", entity_id: "c1", custom_fields: { a: "b" } })).resolves.toBeUndefined();
  });

  it("refuses an Idempotency-Key that is not a valid header value, before sending", async () => {
    await expect(client().commits.create(COMMIT, { idempotencyKey: "a\nb" })).rejects.toBeInstanceOf(TypeError);
    await expect(client().commits.create(COMMIT, { idempotencyKey: "x".repeat(256) })).rejects.toBeInstanceOf(TypeError);
    expect(stub.requests).toHaveLength(0);
  });
});

describe("keep-alive", () => {
  // undici frees a connection one event-loop turn after its answer ends, and
  // the client does not wait for that turn: a request sent at once takes a
  // second connection, and from then on the two take turns. Never more.
  it("reuses two connections, taking turns, for any number of sequential calls, error answers included", async () => {
    let n = 0;
    stub.setHandler((_req, res) => (n++ % 3 === 2 ? json(res, 404, { message: "nope" }) : json(res, 200, { data: { id: `c${n}` } })));
    const c = client();
    for (let i = 0; i < 12; i++) {
      await c.commits.create(COMMIT).catch((e: unknown) => expect(e).toBeInstanceOf(NotFoundError));
    }
    expect(stub.requests).toHaveLength(12);
    expect(stub.connections()).toBe(2);
    expect(stub.requests.map((r) => r.socketId)).toEqual([0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1]);
  });

  it("each client has its own pool; a passed-in dispatcher is used and left open", async () => {
    const a = client();
    const b = client();
    await a.commits.create(COMMIT);
    await b.commits.create(COMMIT);
    expect(stub.connections()).toBe(2);

    const agent = new Agent();
    const shared1 = new MetronomeClient({ baseUrl: stub.url, bearerToken: TOKEN, dispatcher: agent });
    const shared2 = new MetronomeClient({ baseUrl: stub.url, bearerToken: TOKEN, dispatcher: agent });
    await shared1.commits.create(COMMIT);
    await nextTurn(); // the pool frees shared1's connection (see above)
    await shared2.commits.create(COMMIT);
    expect(stub.connections()).toBe(3);
    await shared1.close();
    await expect(shared2.commits.create(COMMIT)).resolves.toEqual({ id: "c1" });
    await agent.close();
  });
});

describe("deadline", () => {
  it("times out a write waiting for headers, as an ambiguous TimeoutError, without retrying", async () => {
    stub.setHandler((_req, res) => void setTimeout(() => json(res, 200, { data: { id: "late" } }), SLOWER_THAN_ANY_TIMEOUT_MS));
    const started = Date.now();
    const error = await client({ timeoutMs: 100 }).commits.create(COMMIT).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(SLOWER_THAN_ANY_TIMEOUT_MS - 200);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ name: "TimeoutError", timeoutMs: 100, mayHaveApplied: true, status: undefined });
    expect(stub.requests).toHaveLength(1);
  });

  it("times out a body that stalls after the headers", async () => {
    stub.setHandler((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"data":[');
    });
    const error = await client({ timeoutMs: 150, maxRetries: 0 }).commits.listPage({ customer_id: "cu" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).mayHaveApplied).toBe(false);
  });

  it("retries a timed-out read and returns the later answer", async () => {
    let n = 0;
    stub.setHandler((_req, res) => {
      if (n++ === 0) return void setTimeout(() => json(res, 200, { data: [], next_page: null }), SLOWER_THAN_ANY_TIMEOUT_MS);
      json(res, 200, { data: [{ id: "c9" }], next_page: null });
    });
    const page = await client({ timeoutMs: 100 }).commits.listPage({ customer_id: "cu" });
    expect(page.data).toEqual([{ id: "c9" }]);
    expect(stub.requests).toHaveLength(2);
  });
});

describe("lost and refused connections", () => {
  it("a socket destroyed before the answer is an ambiguous ConnectionLostError on a write", async () => {
    stub.setHandler((_req, _res, socket) => void socket.destroy());
    const error = await client().commits.create(COMMIT).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionLostError);
    expect(error).toMatchObject({ connected: true, mayHaveApplied: true });
    expect(stub.requests).toHaveLength(1);
  });

  it("a refused connection is certainly not applied", async () => {
    const port = await closedPort();
    const c = new MetronomeClient({ baseUrl: `http://127.0.0.1:${port}`, bearerToken: TOKEN, maxRetries: 0 });
    clients.push(c);
    const error = await c.commits.create(COMMIT).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionLostError);
    expect(error).toMatchObject({ connected: false, mayHaveApplied: false });
    expect((error as Error).message).toMatch(/could not connect/);
  });

  it("a read retries across a dropped connection", async () => {
    let n = 0;
    stub.setHandler((_req, res, socket) => (n++ === 0 ? void socket.destroy() : json(res, 200, { data: [], next_page: null })));
    await expect(client().commits.listPage({ customer_id: "cu" })).resolves.toEqual({ data: [], next_page: null });
    expect(stub.requests).toHaveLength(2);
  });

  it("a write answered 200 with an unreadable body is ambiguous", async () => {
    stub.setHandler((_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<html>ok</html>");
    });
    const error = await client().commits.create(COMMIT).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MetronomeApiError);
    expect(error).toMatchObject({ status: 200, mayHaveApplied: true });
  });

  it("a write answered 200 without an id is ambiguous", async () => {
    stub.setHandler((_req, res) => json(res, 200, { data: {} }));
    const error = await client().commits.create(COMMIT).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "MetronomeApiError", mayHaveApplied: true });
  });
});

describe("Retry-After", () => {
  it("is honoured between attempts (delay-seconds, real clock)", async () => {
    let n = 0;
    stub.setHandler((_req, res) => {
      n++;
      if (n === 1) return json(res, 429, { message: "slow" }, { "retry-after": "1" });
      json(res, 200, { data: { id: "c1" } });
    });
    const c = new MetronomeClient({ baseUrl: stub.url, bearerToken: TOKEN });
    clients.push(c);
    const started = Date.now();
    await expect(c.commits.create(COMMIT)).resolves.toEqual({ id: "c1" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(stub.requests).toHaveLength(2);
  });

  it("is capped by retryAfterMaxMs", async () => {
    const sleeps: number[] = [];
    let n = 0;
    stub.setHandler((_req, res) =>
      n++ === 0 ? json(res, 503, {}, { "retry-after": "3600" }) : json(res, 200, { data: [], next_page: null }),
    );
    const c = client({ retryAfterMaxMs: 20, retryRuntime: { sleep: async (ms) => void sleeps.push(ms), random: () => 0 } });
    await c.commits.listPage({ customer_id: "cu" });
    expect(sleeps).toEqual([20]);
  });
});

describe("the bearer token never leaks into an error", () => {
  // A hostile server that echoes the Authorization header back everywhere it can.
  const echoes = (status: number) => (req: { headers: Record<string, unknown> }, res: Parameters<typeof json>[0]) =>
    json(
      res,
      status,
      { message: `rejected ${String(req.headers["authorization"])}`, code: `${TOKEN}`, detail: { [TOKEN]: [TOKEN] } },
      { "retry-after": "0", "x-echo": String(req.headers["authorization"]) },
    );

  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, AuthenticationError],
    [404, NotFoundError],
    [409, ConflictError],
    [422, UnprocessableError],
    [429, RateLimitedError],
    [500, ServerError],
    [503, ServerError],
  ])("%i", async (status, cls) => {
    stub.setHandler(echoes(status));
    const error = await client({ maxRetries: 0 }).commits.create(COMMIT).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(cls);
    expect((error as MetronomeApiError).apiMessage).toBe("rejected Bearer [redacted]");
    expectNoSecret(error, TOKEN);
  });

  const text = (status: number, body: string) => (_req: unknown, res: Parameters<typeof json>[0]) => {
    res.writeHead(status, { "content-type": "text/html", "content-length": Buffer.byteLength(body) });
    res.end(body);
  };
  const basic = (user: string) => Buffer.from(`${user}:${TOKEN}`).toString("base64");
  it.each([
    ["the token straddling the 500-character cut", `${"x".repeat(490)}${TOKEN} tail`],
    ["the token ending one character past the cut", `${"x".repeat(501 - TOKEN.length)}${TOKEN}`],
    ["the token starting at the cut", `${"x".repeat(500)}${TOKEN}`],
    ["the first 12 characters of the token", `<p>token ${TOKEN.slice(0, 12)}… is invalid</p>`],
    ["the last 9 characters of the token glued to other text", `key=abc${TOKEN.slice(-9)}xyz`],
    ["a Basic header with the token, echoed", `<p>Authorization: Basic ${basic("")}</p>`],
    ["a Basic header with a user and the token, echoed", `<p>Authorization: Basic ${basic("api")}</p>`],
    ["the token in base64url", `<p>${Buffer.from(TOKEN).toString("base64url")}</p>`],
  ])("a text body with %s", async (_name, body) => {
    stub.setHandler(text(502, body));
    const error = await client({ maxRetries: 0 }).commits.create(COMMIT).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expectNoPartOfSecret(error, TOKEN);
  });

  it("a JSON body that spells the token with escapes", async () => {
    const escaped = [...TOKEN].map((ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`).join("");
    stub.setHandler(text(400, `{"message":"bad ${escaped}"}`));
    const error = await client({ maxRetries: 0 }).commits.create(COMMIT).catch((e: unknown) => e);
    expect((error as MetronomeApiError).apiMessage).toBe("bad [redacted]");
    expectNoPartOfSecret(error, TOKEN);
  });

  it("timeout", async () => {
    stub.setHandler(() => {});
    const error = await client({ timeoutMs: 50 }).commits.create(COMMIT).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expectNoSecret(error, TOKEN);
  });

  it("dropped connection", async () => {
    stub.setHandler((_req, _res, socket) => void socket.destroy());
    const error = await client().commits.create(COMMIT).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionLostError);
    expect((error as Error).cause).toBeInstanceOf(Error);
    expectNoSecret(error, TOKEN);
  });

  it("refused connection", async () => {
    const c = new MetronomeClient({ baseUrl: `http://127.0.0.1:${await closedPort()}`, bearerToken: TOKEN, maxRetries: 0 });
    clients.push(c);
    const error = await c.commits.listPage({ customer_id: "cu" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionLostError);
    expectNoSecret(error, TOKEN);
  });

  it("nor in the client object itself", () => {
    const c = client();
    expect(JSON.stringify(c)).not.toContain(TOKEN);
    expect(inspect(c, { depth: 20, showHidden: true })).not.toContain(TOKEN);
  });

  it("nor in constructor errors", () => {
    const bad = (o: Partial<MetronomeClientOptions>) => () => new MetronomeClient({ baseUrl: stub.url, bearerToken: TOKEN, ...o });
    for (const make of [
      bad({ bearerToken: `${TOKEN}\n` }),
      bad({ baseUrl: TOKEN }),
      bad({ baseUrl: `ftp://${TOKEN}` }),
      bad({ bearerToken: "" }),
      bad({ timeoutMs: 0 }),
      bad({ maxRetries: 1.5 }),
    ]) {
      let thrown: unknown;
      try {
        make();
      } catch (e) {
        thrown = e;
      }
      expectNoSecret(thrown, TOKEN);
    }
  });
});
