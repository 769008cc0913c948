// Persistence of credits: they survive a restart as they were read, keep
// their uniqueness keys, and a damaged credit record stops the start; a data
// file written before credits existed (the upgrade fixture) still loads.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startEmulator } from "../../emulator/index";
import { TOKEN, archiveCredit, clientFor, credit, expectApiError, makeWorld, prepaid, readCredit } from "./fixtures";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "emu-credits-data-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const FIXTURES = path.join(__dirname, "..", "fixtures", "upgrade");
let n = 0;
const fresh = (name: string) => path.join(dir, `${++n}-${name}`);

describe("credits in the data file", () => {
  it("round-trip a restart: the read-back, archived state, key space and creation order", async () => {
    const dataFile = fresh("state.json");
    const first = await startEmulator({ bearerToken: TOKEN, dataFile });
    const c1 = clientFor(first.url);
    const w = await makeWorld(c1);
    await c1.v1.customFields.addKey({ entity: "contract_credit", key: "promo", enforce_uniqueness: false });
    const live = (await c1.v1.customers.credits.create(credit(w, { uniqueness_key: "persisted-credit", custom_fields: { promo: "P" }, specifiers: [{ product_tags: ["api"] }] }))).data.id;
    const archived = (await c1.v1.customers.credits.create(credit(w, { uniqueness_key: "persisted-archived" }))).data.id;
    await archiveCredit(c1, w.customerId, archived);
    const commit = (await c1.v1.customers.commits.create(prepaid(w))).data.id;
    const before = [await readCredit(c1, w.customerId, live), await readCredit(c1, w.customerId, archived)];
    await first.close();

    const saved = JSON.parse(fs.readFileSync(dataFile, "utf8"));
    expect(Object.keys(saved.credits).sort()).toEqual([live, archived].sort());
    expect(saved.credits[archived].archived_at).toMatch(/\.\d{3}Z$/);

    const second = await startEmulator({ bearerToken: TOKEN, dataFile });
    try {
      const c2 = clientFor(second.url);
      expect([await readCredit(c2, w.customerId, live), await readCredit(c2, w.customerId, archived)]).toEqual(before);
      expect((await c2.v1.customers.credits.list({ customer_id: w.customerId })).data.map((c) => c.id)).toEqual([live]);
      await expectApiError(c2.v1.customers.credits.create(credit(w, { uniqueness_key: "persisted-credit" })), 409);
      await expectApiError(c2.v1.customers.commits.create(prepaid(w, { uniqueness_key: "persisted-archived" })), 409);
      const next = (await c2.v1.customers.credits.create(credit(w))).data.id;
      const all = await c2.v1.customers.credits.list({ customer_id: w.customerId, include_archived: true });
      expect(all.data.map((c) => c.id)).toEqual([live, archived, next]);
      expect((await c2.v1.customers.commits.list({ customer_id: w.customerId })).data.map((c) => c.id)).toEqual([commit]);
    } finally {
      await second.close();
    }
  });

  it.each<[string, (c: Record<string, any>) => void, RegExp]>([
    ["an amount that is not a number", (c) => { c.access_schedule.schedule_items[0].amount = "50000"; }, /credits\["[0-9a-f-]+"\]\.access_schedule\.schedule_items\[0\]\.amount: expected a finite number, got a string/],
    ["an unknown rate type", (c) => { c.rate_type = "FREE"; }, /credits\["[0-9a-f-]+"\]\.rate_type: expected one of COMMIT_RATE, LIST_RATE/],
    ["no custom_fields", (c) => { delete c.custom_fields; }, /credits\["[0-9a-f-]+"\]\.custom_fields: expected an object, got undefined/],
  ])("refuses a damaged credit (%s), naming it, and leaves the file untouched", async (_name, damage, problem) => {
    const dataFile = fresh("damaged.json");
    const emulator = await startEmulator({ bearerToken: TOKEN, dataFile });
    const client = clientFor(emulator.url);
    await client.v1.customers.credits.create(credit(await makeWorld(client)));
    await emulator.close();
    const state = JSON.parse(fs.readFileSync(dataFile, "utf8"));
    damage(Object.values(state.credits)[0] as Record<string, any>);
    const text = JSON.stringify(state);
    fs.writeFileSync(dataFile, text);
    const err = (await startEmulator({ bearerToken: TOKEN, dataFile }).catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(Error);
    expect(err.message).toContain(`emulator data file ${dataFile}`);
    expect(err.message).toMatch(problem);
    expect(fs.readFileSync(dataFile, "utf8")).toBe(text);
  });

  it("refuses credits: null", async () => {
    const dataFile = fresh("null-credits.json");
    fs.writeFileSync(dataFile, JSON.stringify({ version: 1, credits: null }));
    await expect(startEmulator({ bearerToken: TOKEN, dataFile })).rejects.toThrow(/credits: expected an object, got null/);
  });
});

describe("a data file written before credits existed", () => {
  const releases = fs.readdirSync(FIXTURES).filter((d) => fs.existsSync(path.join(FIXTURES, d, "metronome.json")));

  it("is there to test", () => {
    expect(releases.length).toBeGreaterThan(0);
  });

  it.each(releases)("from release %s loads, serves its commits, starts credits empty and takes new ones", async (release) => {
    const original = fs.readFileSync(path.join(FIXTURES, release, "metronome.json"), "utf8");
    const state = JSON.parse(original);
    expect(state).not.toHaveProperty("credits");
    // A copy: every POST (list included) rewrites the data file.
    const dataFile = fresh(`${release}.json`);
    fs.writeFileSync(dataFile, original);
    const emulator = await startEmulator({ bearerToken: TOKEN, dataFile });
    try {
      const client = clientFor(emulator.url);
      const customerId = Object.keys(state.customers)[0] as string;
      const commits = await client.v1.customers.commits.list({ customer_id: customerId, include_archived: true });
      expect(commits.data.map((c) => c.id).sort()).toEqual(Object.keys(state.commits).sort());
      expect((await client.v1.customers.credits.list({ customer_id: customerId, include_archived: true })).data).toEqual([]);
      const product = Object.values(state.products as Record<string, { id: string; type: string }>).find((p) => p.type === "FIXED");
      const created = await client.v1.customers.credits.create({
        customer_id: customerId, product_id: product!.id, priority: 1,
        access_schedule: { schedule_items: [{ amount: 5, starting_at: "2027-01-01T00:00:00Z", ending_before: "2028-01-01T00:00:00Z" }] },
      });
      const listed = await client.v1.customers.credits.list({ customer_id: customerId });
      expect(listed.data.map((c) => c.id)).toEqual([created.data.id]);
    } finally {
      await emulator.close();
    }
    expect(fs.readFileSync(path.join(FIXTURES, release, "metronome.json"), "utf8")).toBe(original);
  });
});
