// The coalescing commit reader against the emulator: how many list calls a
// set of reads costs (counted in the emulator's request log, with the bodies
// the client sent), that what it answers is what Metronome holds, and that a
// write through the client is never hidden by the cache or by a request sent
// before it. Timing is never asserted; where arrival order matters, the
// window is made wide enough to hold on a loaded machine.

import { afterEach, describe, expect, it } from "vitest";
import type { Commit, ListCommitsBody } from "../../../provider/api/wire";
import { MetronomeClient, ServerError } from "../../../provider/client";
import { RecordReader, readerFor, type CommitReaderOptions } from "../../../provider/runtime/commit-reader";
import { commitBinding } from "../../../provider/runtime/kind-binding";
import { toCreateBody } from "../../../provider/core";
import { FAST, PATHS, TOKEN, UNKNOWN_ID, checked, created, freeArgs, newWorld, useRuntime, type World } from "./harness";

const h = useRuntime();

const clients: MetronomeClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
});

/** A reader on its own client, with every list body that client sends recorded. */
function newReader(options: CommitReaderOptions = {}, tuning: Partial<ConstructorParameters<typeof MetronomeClient>[0]> = {}) {
  const client = new MetronomeClient({ baseUrl: h.url, bearerToken: TOKEN, ...FAST, ...tuning });
  clients.push(client);
  const bodies: ListCommitsBody[] = [];
  const original = client.commits.listPage.bind(client.commits);
  client.commits.listPage = (body) => {
    bodies.push(body);
    return original(body);
  };
  const reader = new RecordReader<Commit>(client, commitBinding.reads as never, options);
  return { client, reader, bodies };
}

/** `n` commits of the customer, created one after another (so in list order), with their ids. */
async function commits(w: World, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push((await created(freeArgs(w, { name: `Commit ${i}`, priority: i + 1 }))).id);
  return ids;
}

const listCalls = async (): Promise<number> => (await h.emu.calls(PATHS.list)).length;
const lookupsIn = (bodies: ListCommitsBody[]) => bodies.filter((b) => b.commit_id !== undefined);
const walksIn = (bodies: ListCommitsBody[]) => bodies.filter((b) => b.commit_id === undefined);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("CommitReader", () => {
  it("answers a read alone with one commit_id lookup", async () => {
    const w = await newWorld(h.api);
    const [id] = await commits(w, 2);
    const { reader, bodies } = newReader();
    await h.emu.clearLog();

    const commit = await reader.get(w.customerId, id!);

    expect(bodies).toEqual([{ customer_id: w.customerId, commit_id: id, include_archived: true }]);
    expect(await listCalls()).toBe(1);
    expect(commit).toEqual(await h.api.commits.get(w.customerId, id!));
  });

  it("answers concurrent reads of one customer with one list call", async () => {
    const w = await newWorld(h.api);
    const ids = await commits(w, 6);
    const { reader, bodies } = newReader();
    await h.emu.clearLog();

    const read = await Promise.all(ids.map((id) => reader.get(w.customerId, id)));

    expect(await listCalls()).toBe(1);
    expect(bodies).toEqual([{ customer_id: w.customerId, include_archived: true }]);
    const truth = await Promise.all(ids.map((id) => h.api.commits.get(w.customerId, id)));
    expect(read).toEqual(truth);
    expect(read.map((c) => c?.id)).toEqual(ids);
  });

  it("sends one request per customer when reads of several customers meet", async () => {
    const [a, b] = [await newWorld(h.api), await newWorld(h.api)];
    const idsA = await commits(a, 3);
    const idsB = await commits(b, 3);
    const { reader } = newReader();
    await h.emu.clearLog();

    const read = await Promise.all([...idsA.map((id) => reader.get(a.customerId, id)), ...idsB.map((id) => reader.get(b.customerId, id))]);

    expect(read.map((c) => c?.id)).toEqual([...idsA, ...idsB]);
    expect(await listCalls()).toBe(2);
  });

  it("holds a read for the window while other reads are in flight, so later arrivals share its request", async () => {
    const [slow, w] = [await newWorld(h.api), await newWorld(h.api)];
    const [slowId] = await commits(slow, 1);
    const ids = await commits(w, 3);
    const { reader, bodies } = newReader({ windowMs: 200 });
    await h.emu.arm({ path: PATHS.list, kind: "latency", latencyMs: 400, count: 1 });
    await h.emu.clearLog();

    const inFlight = reader.get(slow.customerId, slowId!); // sent at once: nothing else is in flight
    await sleep(20);
    const first = reader.get(w.customerId, ids[0]!); // waits the window
    await sleep(20);
    const rest = ids.slice(1).map((id) => reader.get(w.customerId, id));
    const read = await Promise.all([first, ...rest, inFlight]);

    expect(read.map((c) => c?.id)).toEqual([...ids, slowId]);
    expect(lookupsIn(bodies)).toHaveLength(1);
    expect(walksIn(bodies)).toEqual([{ customer_id: w.customerId, include_archived: true }]);
  });

  it("walks the list of a customer read moments ago, then answers its next reads from those pages", async () => {
    const w = await newWorld(h.api);
    const ids = await commits(w, 4);
    const { reader, bodies } = newReader();
    await h.emu.clearLog();

    await reader.get(w.customerId, ids[0]!); // lookup
    await reader.get(w.customerId, ids[1]!); // same customer again: walk
    const rest = [await reader.get(w.customerId, ids[2]!), await reader.get(w.customerId, ids[3]!)];

    expect(rest.map((c) => c?.id)).toEqual(ids.slice(2));
    expect(bodies.map((b) => (b.commit_id === undefined ? "walk" : "lookup"))).toEqual(["lookup", "walk"]);
    expect(reader.stats()).toMatchObject({ reads: 4, lookups: 1, pages: 1, cacheHits: 2 });
  });

  it("walks the list for a lone read that arrives while other reads are in flight (a refresh streaming in)", async () => {
    const [slow, w] = [await newWorld(h.api), await newWorld(h.api)];
    const [slowId] = await commits(slow, 1);
    const ids = await commits(w, 3);
    const { reader, bodies } = newReader({ windowMs: 50 });
    await h.emu.arm({ path: PATHS.list, kind: "latency", latencyMs: 300, count: 1 });

    const inFlight = reader.get(slow.customerId, slowId!);
    await sleep(20);
    const first = await reader.get(w.customerId, ids[0]!); // alone, but not the only read going on
    const rest = await Promise.all(ids.slice(1).map((id) => reader.get(w.customerId, id)));
    await inFlight;

    expect([first, ...rest].map((c) => c?.id)).toEqual(ids);
    expect(bodies.map((b) => (b.commit_id === undefined ? `walk ${b.customer_id}` : `lookup ${b.customer_id}`))).toEqual([
      `lookup ${slow.customerId}`,
      `walk ${w.customerId}`,
    ]);
  });

  it("looks up by id, never by walking, the reads of a customer just written to", async () => {
    const w = await newWorld(h.api);
    const ids = await commits(w, 3);
    const { client, reader, bodies } = newReader();
    await client.commits.edit({ customer_id: w.customerId, commit_id: ids[0]!, name: "Renamed" });

    const read = await Promise.all(ids.map((id) => reader.get(w.customerId, id)));

    expect(read.map((c) => c?.id)).toEqual(ids);
    expect(read[0]?.name).toBe("Renamed");
    expect(walksIn(bodies)).toEqual([]);
    expect(lookupsIn(bodies).map((b) => b.commit_id)).toEqual(ids);
  });

  describe("read-backs of commits created through the client", () => {
    /** Creates a commit of `w` through `client` (its read-back is the caller's). */
    const create = async (client: MetronomeClient, w: World, i: number): Promise<string> => {
      const body = toCreateBody((await checked(freeArgs(w, { name: `Created ${i}` }))) as never);
      return (await client.commits.create(body)).id;
    };
    const createAndReadBack = async (client: MetronomeClient, reader: RecordReader<Commit>, w: World, i: number) => {
      const id = await create(client, w, i);
      return { id, commit: await reader.get(w.customerId, id) };
    };

    it("arriving while a walk for read-backs is in flight wait for it, and are answered by it", async () => {
      const w = await newWorld(h.api);
      const { client, reader, bodies } = newReader();
      const ids = await Promise.all([0, 1, 2, 3].map((i) => create(client, w, i)));
      // The first read-back's walk is answered late; the others arrive meanwhile.
      await h.emu.arm({ path: PATHS.list, kind: "latency", latencyMs: 200, count: 1 });
      const first = reader.get(w.customerId, ids[0]!);
      await sleep(50);

      const read = await Promise.all([first, ...ids.slice(1).map((id) => reader.get(w.customerId, id))]);

      expect(bodies).toEqual([{ customer_id: w.customerId, include_archived: true }]);
      expect(read).toEqual(await Promise.all(ids.map((id) => h.api.commits.get(w.customerId, id))));
    });

    it("start at the page where the customer's list ended, and what they find answers later read-backs", async () => {
      const w = await newWorld(h.api);
      await commits(w, 30); // pages of 25 and 5
      const { client, reader, bodies } = newReader();
      await Promise.all([await create(client, w, 0), await create(client, w, 1)].map((id) => reader.get(w.customerId, id)));
      expect(walksIn(bodies).map((b) => b.next_page)).toEqual([undefined, expect.any(String)]);
      const tail = walksIn(bodies)[1]!.next_page;

      // Two creates, then their read-backs: one request from the tail answers both.
      const [a, b] = [await create(client, w, 2), await create(client, w, 3)];
      bodies.length = 0;
      expect((await reader.get(w.customerId, a))?.id).toBe(a);
      expect((await reader.get(w.customerId, b))?.id).toBe(b);
      expect(bodies).toEqual([{ customer_id: w.customerId, include_archived: true, next_page: tail }]);
    });

    it("never answer other reads: a change made elsewhere after the walk is seen", async () => {
      const w = await newWorld(h.api);
      const { client, reader, bodies } = newReader();
      const [a, b] = [await create(client, w, 0), await create(client, w, 1)];
      await Promise.all([a, b].map((id) => reader.get(w.customerId, id)));
      await h.api.commits.edit({ customer_id: w.customerId, commit_id: a, name: "Renamed in the dashboard" });
      bodies.length = 0;

      expect((await reader.get(w.customerId, a))?.name).toBe("Renamed in the dashboard");
      expect(bodies).toHaveLength(1);
    });

    it("leave the cache as it is: a create changes no commit", async () => {
      const w = await newWorld(h.api);
      const ids = await commits(w, 3);
      const { client, reader } = newReader();
      await Promise.all(ids.map((id) => reader.get(w.customerId, id)));
      await h.emu.clearLog();

      await create(client, w, 0);
      expect((await reader.get(w.customerId, ids[1]!))?.id).toBe(ids[1]);
      expect(await listCalls()).toBe(0);
    });
  });

  it("forgets cached pages after the TTL", async () => {
    const w = await newWorld(h.api);
    const ids = await commits(w, 3);
    let now = 1_000_000;
    const { reader } = newReader({ ttlMs: 1_000, now: () => now });
    await Promise.all(ids.slice(0, 2).map((id) => reader.get(w.customerId, id)));
    await h.emu.clearLog();

    now += 900;
    await reader.get(w.customerId, ids[2]!);
    expect(await listCalls()).toBe(0);
    now += 200;
    await reader.get(w.customerId, ids[2]!);
    expect(await listCalls()).toBe(1);
  });

  it("caps the TTL at 2 s", async () => {
    const w = await newWorld(h.api);
    const ids = await commits(w, 2);
    let now = 1_000_000;
    const { reader } = newReader({ ttlMs: 60_000, now: () => now });
    await Promise.all(ids.map((id) => reader.get(w.customerId, id)));
    await h.emu.clearLog();

    now += 2_001;
    await reader.get(w.customerId, ids[0]!);
    expect(await listCalls()).toBe(1);
  });

  it("resumes a walk where it stopped: later reads fetch only the pages not yet read", async () => {
    const w = await newWorld(h.api);
    const ids = await commits(w, 60); // pages of 25, 25 and 10
    const { reader, bodies } = newReader();
    await h.emu.clearLog();

    await Promise.all([ids[1]!, ids[2]!].map((id) => reader.get(w.customerId, id)));
    expect(walksIn(bodies)).toHaveLength(1); // all found on page 1: the walk stops there
    await Promise.all([ids[30]!, ids[31]!].map((id) => reader.get(w.customerId, id)));
    expect(walksIn(bodies)).toHaveLength(2);
    expect(walksIn(bodies)[1]!.next_page).toEqual(expect.any(String));
    expect((await reader.get(w.customerId, ids[10]!))?.id).toBe(ids[10]);
    expect(await listCalls()).toBe(2);
  });

  it("walks at most one page more than it has reads, and looks up the rest by id", async () => {
    const w = await newWorld(h.api);
    const ids = await commits(w, 60);
    const { reader, bodies } = newReader({ maxPagesPerWalk: 1 });
    await h.emu.clearLog();

    const read = await Promise.all([ids[55]!, ids[56]!].map((id) => reader.get(w.customerId, id)));

    expect(read.map((c) => c?.id)).toEqual([ids[55], ids[56]]);
    expect(walksIn(bodies)).toHaveLength(1);
    expect(lookupsIn(bodies).map((b) => b.commit_id).sort()).toEqual([ids[55], ids[56]].sort());
  });

  it("answers undefined for a commit Metronome does not know, and archived commits as they are", async () => {
    const w = await newWorld(h.api);
    const [live, archived] = await commits(w, 2);
    await h.api.commits.archive({ customer_id: w.customerId, commit_id: archived! });
    const { reader, bodies } = newReader();
    await h.emu.clearLog();

    const [a, b, missing] = await Promise.all([live!, archived!, UNKNOWN_ID].map((id) => reader.get(w.customerId, id)));

    expect(a?.id).toBe(live);
    expect(b?.archived_at).toEqual(expect.any(String));
    expect(missing).toBeUndefined();
    // The walk ended without it, so it is looked up by id (it may be newer than the walk).
    expect(bodies.map((x) => x.commit_id)).toEqual([undefined, UNKNOWN_ID]);
    expect(await reader.get(w.customerId, UNKNOWN_ID)).toBeUndefined();
    expect(lookupsIn(bodies)).toHaveLength(2); // a miss is never answered from the cache
  });

  it("empties a customer's cache on a write through the client, and only that customer's", async () => {
    const [w, other] = [await newWorld(h.api), await newWorld(h.api)];
    const ids = await commits(w, 3);
    const otherIds = await commits(other, 2);
    const { client, reader } = newReader();
    await Promise.all(ids.map((id) => reader.get(w.customerId, id)));
    await Promise.all(otherIds.map((id) => reader.get(other.customerId, id)));
    await h.emu.clearLog();

    await client.commits.edit({ customer_id: w.customerId, commit_id: ids[0]!, name: "Renamed" });
    const after = await reader.get(w.customerId, ids[0]!);
    await reader.get(other.customerId, otherIds[0]!);

    expect(after?.name).toBe("Renamed");
    expect(await listCalls()).toBe(1); // the edited customer's read only
  });

  it("keeps a customer's cache across credit writes, which change no commit", async () => {
    const w = await newWorld(h.api);
    const ids = await commits(w, 2);
    const { client, reader } = newReader();
    await Promise.all(ids.map((id) => reader.get(w.customerId, id)));
    await h.emu.clearLog();

    // Told to observers whether or not Metronome takes them.
    await client.credits.edit({ customer_id: w.customerId, credit_id: ids[0]!, name: "Renamed" }).catch(() => undefined);
    await client.customFields.setValues({ entity: "contract_credit", entity_id: ids[1]!, custom_fields: { owner: "finance" } }).catch(() => undefined);
    await h.emu.clearLog();
    await Promise.all(ids.map((id) => reader.get(w.customerId, id)));

    expect(await listCalls()).toBe(0);
  });

  it("never answers a read that follows a write with a request sent while the write was in flight", async () => {
    const w = await newWorld(h.api);
    const ids = await commits(w, 3);
    const { client, reader, bodies } = newReader();
    // The walk stays in flight (its answer delayed) across the whole edit.
    await h.emu.arm({ path: PATHS.list, kind: "latency", latencyMs: 500, count: 1 });
    const walk = Promise.all(ids.map((id) => reader.get(w.customerId, id)));
    await sleep(50);
    await client.commits.edit({ customer_id: w.customerId, commit_id: ids[0]!, name: "Renamed" });

    const readBack = await reader.get(w.customerId, ids[0]!);
    await walk;

    expect(readBack?.name).toBe("Renamed");
    expect(bodies).toHaveLength(2); // the delayed walk, then a new request for the read-back
    // Nor did the delayed walk fill the cache: the next read asks Metronome again.
    expect((await reader.get(w.customerId, ids[1]!))?.id).toBe(ids[1]);
    expect(bodies).toHaveLength(3);
  });

  it("empties the owner's cache on a custom-field write, which names only the commit", async () => {
    const w = await newWorld(h.api);
    await h.api.customFields.addKey({ entity: "commit", key: "owner", enforce_uniqueness: false });
    const ids = await commits(w, 2);
    const { client, reader } = newReader();
    await Promise.all(ids.map((id) => reader.get(w.customerId, id)));

    await client.customFields.setValues({ entity: "commit", entity_id: ids[1]!, custom_fields: { owner: "finance" } });
    expect((await reader.get(w.customerId, ids[1]!))?.custom_fields).toEqual({ owner: "finance" });
    await client.customFields.deleteValues({ entity: "commit", entity_id: ids[1]!, keys: ["owner"] });
    expect((await reader.get(w.customerId, ids[1]!))?.custom_fields ?? {}).toEqual({});
  });

  it("invalidate(customerId) empties the cache on request", async () => {
    const w = await newWorld(h.api);
    const ids = await commits(w, 2);
    const { reader } = newReader();
    await Promise.all(ids.map((id) => reader.get(w.customerId, id)));
    await h.emu.clearLog();

    reader.invalidate(w.customerId);
    await reader.get(w.customerId, ids[0]!);
    expect(await listCalls()).toBe(1);
  });

  it("rejects every read that shared a failed request, each with its own error", async () => {
    const w = await newWorld(h.api);
    const ids = await commits(w, 2);
    const { reader } = newReader({}, { maxRetries: 0 });
    await h.emu.arm({ path: PATHS.list, kind: "status", status: 503, count: 1 });

    const outcomes = await Promise.allSettled(ids.map((id) => reader.get(w.customerId, id)));

    const errors = outcomes.map((o) => (o.status === "rejected" ? (o.reason as Error) : undefined));
    expect(errors[0]).toBeInstanceOf(ServerError);
    expect(errors[1]).toBeInstanceOf(ServerError);
    expect(errors[0]).not.toBe(errors[1]);
    expect(errors[1]!.message).toBe(errors[0]!.message);
    // And the next read works.
    expect((await reader.get(w.customerId, ids[0]!))?.id).toBe(ids[0]);
  });

  it("hands out copies: changing an answer does not change what is cached", async () => {
    const w = await newWorld(h.api);
    const ids = await commits(w, 2);
    const { reader } = newReader();
    const [first] = await Promise.all(ids.map((id) => reader.get(w.customerId, id)));
    (first as Commit).name = "changed by a caller";
    expect((await reader.get(w.customerId, ids[0]!))?.name).toBe("Commit 0");
  });

  it("keeps memory bounded: never more commits cached than allowed", async () => {
    const worlds = [await newWorld(h.api), await newWorld(h.api), await newWorld(h.api)];
    const ids = await Promise.all(worlds.map((w) => commits(w, 12)));
    const { reader } = newReader({ maxCachedCommits: 20, maxCustomers: 2 });

    for (let round = 0; round < 2; round++) {
      for (const [i, w] of worlds.entries()) {
        const read = await Promise.all(ids[i]!.map((id) => reader.get(w.customerId, id)));
        expect(read.map((c) => c?.id)).toEqual(ids[i]);
        expect(reader.stats().cachedCommits).toBeLessThanOrEqual(20);
      }
    }
  });

  it("readerFor gives one reader per client and kind", () => {
    const a = new MetronomeClient({ baseUrl: h.url, bearerToken: TOKEN });
    const b = new MetronomeClient({ baseUrl: h.url, bearerToken: TOKEN });
    clients.push(a, b);
    expect(readerFor(a, commitBinding.reads)).toBe(readerFor(a, commitBinding.reads));
    expect(readerFor(a, commitBinding.reads)).not.toBe(readerFor(b, commitBinding.reads));
  });
});

