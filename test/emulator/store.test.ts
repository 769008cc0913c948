// Persistence: with a data file, state survives a restart and is written
// atomically; without one it lives in memory only.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startEmulator } from "../../emulator/index";
import { TOKEN, clientFor, expectApiError, makeWorld, prepaid, readCommit } from "./fixtures";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "emu-store-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("with a data file", () => {
  it("keeps customers, commits, keys and uniqueness keys across a restart", async () => {
    const dataFile = path.join(dir, "nested", "state.json");
    const first = await startEmulator({ bearerToken: TOKEN, dataFile });
    const client1 = clientFor(first.url);
    const w = await makeWorld(client1);
    await client1.v1.customFields.addKey({ entity: "commit", key: "deal_id", enforce_uniqueness: false });
    const id = (await client1.v1.customers.commits.create(prepaid(w, { uniqueness_key: "persisted", custom_fields: { deal_id: "D" } }))).data.id;
    const before = await readCommit(client1, w.customerId, id);
    await first.close();

    const second = await startEmulator({ bearerToken: TOKEN, dataFile });
    try {
      const client2 = clientFor(second.url);
      expect(await readCommit(client2, w.customerId, id)).toEqual(before);
      await expectApiError(client2.v1.customers.commits.create(prepaid(w, { uniqueness_key: "persisted" })), 409);
      const next = (await client2.v1.customers.commits.create(prepaid(w))).data.id;
      const all = await client2.v1.customers.commits.list({ customer_id: w.customerId });
      expect(all.data.map((c) => c.id)).toEqual([id, next]);
    } finally {
      await second.close();
    }
  });

  it("writes through a temp file and leaves none behind", async () => {
    const sub = fs.mkdtempSync(path.join(dir, "atomic-"));
    const dataFile = path.join(sub, "state.json");
    const emulator = await startEmulator({ bearerToken: TOKEN, dataFile });
    try {
      await clientFor(emulator.url).v1.customers.create({ name: "x" });
      expect(fs.readdirSync(sub)).toEqual(["state.json"]);
      expect(JSON.parse(fs.readFileSync(dataFile, "utf8")).version).toBe(1);
    } finally {
      await emulator.close();
    }
  });

  it("refuses to start on a corrupt file rather than overwrite it", async () => {
    const dataFile = path.join(dir, "corrupt.json");
    fs.writeFileSync(dataFile, "{ half a state");
    await expect(startEmulator({ bearerToken: TOKEN, dataFile })).rejects.toThrow(/not valid JSON/);
    expect(fs.readFileSync(dataFile, "utf8")).toBe("{ half a state");
  });
});

describe("without a data file", () => {
  it("forgets everything on restart", async () => {
    const first = await startEmulator({ bearerToken: TOKEN });
    const customer = (await clientFor(first.url).v1.customers.create({ name: "x" })).data.id;
    await first.close();
    const second = await startEmulator({ bearerToken: TOKEN });
    try {
      await expectApiError(clientFor(second.url).v1.customers.retrieve({ customer_id: customer }), 404);
    } finally {
      await second.close();
    }
  });
});
