// Commits and credits through the one interface they share, against a
// loopback server of our own that answers canned JSON: the same cases run for
// both kinds, each checking the path, the body and what observers are told.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MetronomeClient, type ClientWrite, type KindEndpoints } from "../../../../provider/client";
import { json, startStub, type StubServer } from "../support/stub-server";

const TOKEN = "mtr_test_kinds_0f9e8d7c6b5a4f3e2d1c0b9a";
const SCHEDULE = { schedule_items: [{ amount: 500, starting_at: "2027-01-01T00:00:00Z", ending_before: "2028-01-01T00:00:00Z" }] };

/** Either kind, seen through bodies loose enough to build in one table. */
type Body = { customer_id: string } & Record<string, unknown>;
interface AnyKind {
  record: { id: string };
  create: Body;
  list: Body & { next_page?: string };
  updateEndDate: Body;
  edit: Body;
  archive: Body;
}

interface KindCase {
  label: "commits" | "credits";
  pick(c: MetronomeClient): KindEndpoints<AnyKind>;
  entity: ClientWrite["entity"];
  /** The body field that names one record. */
  idField: "commit_id" | "credit_id";
  paths: { create: string; list: string; updateEndDate: string; edit: string; archive: string };
  createBody: Body;
  /** A record as the list answers it. */
  record(id: string): { id: string };
}

const KINDS: KindCase[] = [
  {
    label: "commits",
    pick: (c) => c.commits as unknown as KindEndpoints<AnyKind>,
    entity: "commit",
    idField: "commit_id",
    paths: {
      create: "/v1/contracts/customerCommits/create",
      list: "/v1/contracts/customerCommits/list",
      updateEndDate: "/v1/contracts/customerCommits/updateEndDate",
      edit: "/v2/contracts/commits/edit",
      archive: "/v2/contracts/commits/archive",
    },
    createBody: { customer_id: "cu_1", type: "PREPAID", product_id: "pr_1", priority: 1, access_schedule: SCHEDULE },
    record: (id) => ({ id, type: "PREPAID", product: { id: "pr_1", name: "Prepaid" }, created_at: "2027-01-01T00:00:00.000Z" }),
  },
  {
    label: "credits",
    pick: (c) => c.credits as unknown as KindEndpoints<AnyKind>,
    entity: "credit",
    idField: "credit_id",
    paths: {
      create: "/v1/contracts/customerCredits/create",
      list: "/v1/contracts/customerCredits/list",
      updateEndDate: "/v1/contracts/customerCredits/updateEndDate",
      edit: "/v2/contracts/credits/edit",
      archive: "/v2/contracts/credits/archive",
    },
    createBody: { customer_id: "cu_1", product_id: "pr_1", priority: 1, access_schedule: SCHEDULE },
    record: (id) => ({ id, type: "CREDIT", product: { id: "pr_1", name: "Free credit" }, access_schedule: { schedule_items: [] } }),
  },
];

let stub: StubServer;
const clients: MetronomeClient[] = [];
function client(): MetronomeClient {
  const c = new MetronomeClient({ baseUrl: stub.url, bearerToken: TOKEN, maxRetries: 0 });
  clients.push(c);
  return c;
}
const bodyOf = (i: number): unknown => JSON.parse(stub.requests[i]?.body ?? "null");

beforeEach(async () => {
  stub = await startStub();
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await stub.close();
});

describe.each(KINDS)("$label", (kind) => {
  it("names its entity", () => {
    expect(kind.pick(client()).entity).toBe(kind.entity);
  });

  it("create POSTs the body to its own path, with the idempotency key, and answers the id", async () => {
    stub.setHandler((_req, res) => json(res, 200, { data: { id: "new_1" } }));
    await expect(kind.pick(client()).create(kind.createBody, { idempotencyKey: "idem-create" })).resolves.toEqual({ id: "new_1" });
    expect(stub.requests.map((r) => `${r.method} ${r.url}`)).toEqual([`POST ${kind.paths.create}`]);
    expect(stub.requests[0]?.headers["idempotency-key"]).toBe("idem-create");
    expect(bodyOf(0)).toEqual(kind.createBody);
  });

  it.each([
    ["updateEndDate", { access_ending_before: "2027-06-01T00:00:00Z" }],
    ["edit", { name: "Renamed", priority: 4 }],
    ["archive", {}],
  ] as const)("%s POSTs the body to its own path and answers the id", async (call, extra) => {
    stub.setHandler((_req, res) => json(res, 200, { data: { id: "r1" } }));
    const body = { customer_id: "cu_1", [kind.idField]: "r1", ...extra };
    await expect(kind.pick(client())[call](body)).resolves.toEqual({ id: "r1" });
    expect(stub.requests.map((r) => `${r.method} ${r.url}`)).toEqual([`POST ${kind.paths[call]}`]);
    expect(bodyOf(0)).toEqual(body);
  });

  it("list walks every page through the body cursor; listPage answers one", async () => {
    stub.setHandler((req, res) => {
      const cursor = (JSON.parse(req.body) as { next_page?: string }).next_page;
      if (cursor === undefined) json(res, 200, { data: [kind.record("a"), kind.record("b")], next_page: "p2" });
      else json(res, 200, { data: [kind.record("c")], next_page: null });
    });
    const kinds = kind.pick(client());
    const all = await kinds.listAll({ customer_id: "cu_1", limit: 2 });
    expect(all.map((r) => r.id)).toEqual(["a", "b", "c"]);
    expect(stub.requests.map((r) => r.url)).toEqual([kind.paths.list, kind.paths.list]);
    expect([bodyOf(0), bodyOf(1)]).toEqual([
      { customer_id: "cu_1", limit: 2 },
      { customer_id: "cu_1", limit: 2, next_page: "p2" },
    ]);
    const page = await kinds.listPage({ customer_id: "cu_1" });
    expect(page).toEqual({ data: [kind.record("a"), kind.record("b")], next_page: "p2" });
  });

  it.each([
    ["archived included by default", undefined, true],
    ["archived included when asked", { includeArchived: true }, true],
    ["archived left out when asked", { includeArchived: false }, false],
  ] as const)("get filters the list by id (%s)", async (_label, opts, includeArchived) => {
    stub.setHandler((_req, res) => json(res, 200, { data: [kind.record("other"), kind.record("r9")], next_page: null }));
    await expect(kind.pick(client()).get("cu_1", "r9", opts)).resolves.toEqual(kind.record("r9"));
    expect(stub.requests[0]?.url).toBe(kind.paths.list);
    expect(bodyOf(0)).toEqual({ customer_id: "cu_1", [kind.idField]: "r9", include_archived: includeArchived });
  });

  it("get answers undefined when the list does not hold the record", async () => {
    stub.setHandler((_req, res) => json(res, 200, { data: [kind.record("other")], next_page: null }));
    await expect(kind.pick(client()).get("cu_1", "r9")).resolves.toBeUndefined();
  });

  it("tells observers of every write with its entity, before and after; reads are not told", async () => {
    stub.setHandler((req, res) =>
      req.url === kind.paths.list ? json(res, 200, { data: [], next_page: null }) : json(res, 200, { data: { id: "r1" } }),
    );
    const c = client();
    const seen: string[] = [];
    c.observeWrites((w) => seen.push(`${w.phase} ${w.kind} ${w.entity ?? "-"} ${w.customerId ?? "-"} ${w.entityId ?? "-"}`));
    const kinds = kind.pick(c);
    await kinds.create(kind.createBody);
    await kinds.edit({ customer_id: "cu_1", [kind.idField]: "r1", name: "x" });
    await kinds.listAll({ customer_id: "cu_1" });
    await kinds.get("cu_1", "r1");
    const e = kind.entity;
    expect(seen).toEqual([`start create ${e} cu_1 -`, `end create ${e} cu_1 r1`, `start change ${e} cu_1 r1`, `end change ${e} cu_1 r1`]);
  });
});

describe("custom-field value writes", () => {
  it.each([
    ["commit", "commit"],
    ["contract_credit", "credit"],
  ] as const)("on entity %s are told as %s writes, for both set and delete", async (entity, told) => {
    stub.setHandler((_req, res) => {
      res.writeHead(200);
      res.end();
    });
    const c = client();
    const seen: string[] = [];
    c.observeWrites((w) => seen.push(`${w.phase} ${w.kind} ${w.entity ?? "-"} ${w.customerId ?? "-"} ${w.entityId ?? "-"}`));
    await c.customFields.setValues({ entity, entity_id: "r1", custom_fields: { team: "billing" } });
    await c.customFields.deleteValues({ entity, entity_id: "r1", keys: ["team"] });
    expect(stub.requests.map((r) => r.url)).toEqual(["/v1/customFields/setValues", "/v1/customFields/deleteValues"]);
    expect([bodyOf(0), bodyOf(1)]).toEqual([
      { entity, entity_id: "r1", custom_fields: { team: "billing" } },
      { entity, entity_id: "r1", keys: ["team"] },
    ]);
    expect(seen).toEqual([
      `start change ${told} - r1`, `end change ${told} - r1`,
      `start change ${told} - r1`, `end change ${told} - r1`,
    ]);
  });

  it("registering a key is not a write to any record, so observers are not told", async () => {
    const c = client();
    const seen: ClientWrite[] = [];
    c.observeWrites((w) => seen.push(w));
    stub.setHandler((_req, res) => json(res, 200, {}));
    await c.customFields.addKey({ entity: "contract_credit", key: "team", enforce_uniqueness: false });
    expect(stub.requests[0]?.url).toBe("/v1/customFields/addKey");
    expect(seen).toEqual([]);
  });
});
