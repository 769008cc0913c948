// The data file is checked at start: a damaged one stops the start with a
// message naming the file and the problem and is left byte for byte as it
// was; a directory that cannot be written stops it too. Today's format loads.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startEmulator } from "../../emulator/index";
import { TOKEN, clientFor, makeWorld, prepaid } from "./fixtures";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "emu-data-file-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let n = 0;
function writeState(content: string): string {
  const file = path.join(dir, `state-${++n}.json`);
  fs.writeFileSync(file, content);
  return file;
}

/** A state file as the emulator writes it today, with one customer and one commit. */
async function savedState(): Promise<Record<string, any>> {
  const file = path.join(dir, `saved-${++n}.json`);
  const emulator = await startEmulator({ bearerToken: TOKEN, dataFile: file });
  try {
    const client = clientFor(emulator.url);
    const w = await makeWorld(client);
    await client.v1.customers.commits.create(prepaid(w));
  } finally {
    await emulator.close();
  }
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

const firstCommit = (state: Record<string, any>): [string, Record<string, any>] => Object.entries(state.commits)[0] as [string, Record<string, any>];

describe("a damaged data file", () => {
  it.each<[string, (s: Record<string, any>) => unknown, RegExp]>([
    ["null", () => null, /expected an object holding the emulator's state, got null/],
    ["a list", () => [], /expected an object holding the emulator's state, got a list/],
    ["another version", (s) => ({ ...s, version: 2 }), /unknown format \(version 2/],
    ["commits: null", (s) => ({ ...s, commits: null }), /commits: expected an object, got null/],
    ["customers as a list", (s) => ({ ...s, customers: [] }), /customers: expected an object, got a list/],
    ["a commit that is null", (s) => ({ ...s, commits: { ...s.commits, x: null } }), /commits\["x"\]: expected an object, got null/],
    [
      "a commit whose amount is null",
      (s) => {
        const [id, c] = firstCommit(s);
        c.access_schedule.schedule_items[0].amount = null;
        return { ...s, commits: { [id]: c } };
      },
      /commits\["[0-9a-f-]+"\]\.access_schedule\.schedule_items\[0\]\.amount: expected a finite number, got null/,
    ],
    [
      "a commit without schedule items",
      (s) => {
        const [id, c] = firstCommit(s);
        delete c.access_schedule.schedule_items;
        return { ...s, commits: { [id]: c } };
      },
      /access_schedule\.schedule_items: expected a list, got undefined/,
    ],
    [
      "a commit of an unknown type",
      (s) => {
        const [id, c] = firstCommit(s);
        c.type = "GIFT";
        return { ...s, commits: { [id]: c } };
      },
      /\.type: expected one of PREPAID, POSTPAID, got a string/,
    ],
    ["a negative seq", (s) => ({ ...s, seq: -1 }), /seq: expected a whole number of 0 or more, got -1/],
  ])("refuses %s, naming the file and the problem, and leaves the file untouched", async (_name, damage, problem) => {
    const text = JSON.stringify(damage(await savedState()));
    const file = writeState(text);
    const err = (await startEmulator({ bearerToken: TOKEN, dataFile: file }).catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(Error);
    expect(err.message).toContain(`emulator data file ${file}`);
    expect(err.message).toMatch(problem);
    expect(fs.readFileSync(file, "utf8")).toBe(text);
  });

  it("lists at most five problems and counts the rest", async () => {
    const s = await savedState();
    const file = writeState(JSON.stringify({ ...s, customers: { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7 } }));
    const err = (await startEmulator({ bearerToken: TOKEN, dataFile: file }).catch((e: unknown) => e)) as Error;
    expect(err.message.match(/\n {2}- /g)).toHaveLength(5);
    expect(err.message).toMatch(/and 2 more/);
  });
});

describe("a file in today's format", () => {
  it("loads and serves the commits it holds", async () => {
    const state = await savedState();
    const file = writeState(JSON.stringify(state));
    const emulator = await startEmulator({ bearerToken: TOKEN, dataFile: file });
    try {
      const [id, c] = firstCommit(state);
      const page = await clientFor(emulator.url).v1.customers.commits.list({ customer_id: c.customer_id, commit_id: id });
      expect(page.data.map((x) => x.id)).toEqual([id]);
    } finally {
      await emulator.close();
    }
  });
});

describe("an unwritable data directory", () => {
  const aFile = path.join(dir, "plain-file");
  fs.writeFileSync(aFile, "");
  it.each([
    ["below a regular file", path.join(aFile, "state.json")],
    ["two levels below a regular file", path.join(aFile, "sub", "state.json")],
    ["below a device", "/dev/null/state.json"],
    ["in /proc", "/proc/pulumi-metronome-emulator-test/state.json"],
  ])("stops the start when the directory is %s", async (_name, file) => {
    const err = (await startEmulator({ bearerToken: TOKEN, dataFile: file }).catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(Error);
    expect(err.message).toMatch(/^emulator data directory .* is not writable/);
    expect(err.message).toContain(file);
  });
});
