/**
 * Everyday operations on the real engine, and what each does to commits:
 *   - after the token is rotated and `metronome:baseUrl` changes, plain
 *     `refresh` still uses the configuration recorded at the last `up` (and
 *     fails), while `refresh --run-program` and `destroy --run-program` use
 *     the current one;
 *   - `ignoreChanges` on `accessSchedule.scheduleItems[*]` paths keeps those
 *     values from being applied, and other fields still are;
 *   - `--target` and `--exclude` apply the chosen commits' changes only.
 * (`protect` and `retainOnDelete` are covered in customer-commit-lifecycle.test.ts.)
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "../../emulator";
import { TEST_EMULATOR_OPTIONS } from "../helpers/emulator-options";
import { type TestStack } from "../helpers/engine";
import { type MetronomeWorld, startMetronomeWorld } from "../helpers/metronome-world";
import { apiWrites, clearApiRequests } from "../helpers/request-log";
import { type Declared, TIMEOUT, YEAR, failure, heldCommits, prepaid, program, stateByName, urnOf, writesDuring, useEngine } from "./stack-life.shared";

const EDIT = "/v2/contracts/commits/edit";

const harness = useEngine();

describe("refresh --run-program and destroy --run-program after rotating the token and moving the base URL", { timeout: TIMEOUT }, () => {
  const ROTATED = "rotated-bearer-token-1a2b3c4d";
  let dir: string;
  let world: MetronomeWorld;
  let moved: { url: string; close(): Promise<void> } | undefined;
  let s: TestStack;
  let id: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "pm-rotate-"));
    const dataFile = path.join(dir, "metronome.json");
    world = await startMetronomeWorld({ dataFile });
    s = await harness.engine.newStack(program({ kept: { args: prepaid(world) } }), { stackName: "rotate", projectName: "life", ...world.stackConfig() });
    await s.up();
    id = (await stateByName(s)).get("kept")!.id!;
    // The same Metronome data behind a new address, accepting only a new token.
    await world.close();
    moved = await startEmulator({ ...TEST_EMULATOR_OPTIONS, bearerToken: ROTATED, dataFile });
    await s.stack.setAllConfig({ "metronome:baseUrl": { value: moved.url }, "metronome:bearerToken": { value: ROTATED, secret: true } });
  }, TIMEOUT);
  afterAll(async () => {
    await moved?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("plain refresh uses the recorded configuration, and fails, leaving the state as it was", async () => {
    const error = await failure(s.refresh());
    expect(error.message).toContain("refresh failed");
    expect((await stateByName(s)).get("kept")?.id).toBe(id);
  });

  it("refresh --run-program uses the current configuration and finds no drift", async () => {
    await clearApiRequests(moved!.url);
    const { result } = await s.refresh({ runProgram: true });
    expect(result.summary.resourceChanges).toEqual({ same: 2 });
    expect(await apiWrites(moved!.url)).toEqual([]);
  });

  it("destroy --run-program archives the commit through the new address", async () => {
    await clearApiRequests(moved!.url);
    await s.destroy({ runProgram: true });
    expect((await apiWrites(moved!.url)).map((r) => `${r.path} ${r.status}`)).toEqual(["/v2/contracts/commits/archive 200"]);
    expect(await s.resources()).toEqual([]);
    const response = await fetch(`${moved!.url}/v1/contracts/customerCommits/list`, {
      method: "POST",
      headers: { authorization: `Bearer ${ROTATED}`, "content-type": "application/json" },
      body: JSON.stringify({ customer_id: world.customerId, include_archived: true }),
    });
    const { data } = (await response.json()) as { data: Array<{ id: string; archived_at?: string }> };
    expect(data.find((c) => c.id === id)?.archived_at).toEqual(expect.any(String));
  });
});

describe("ignoreChanges on schedule item paths, --target and --exclude", { timeout: TIMEOUT }, () => {
  let world: MetronomeWorld;
  let s: TestStack;
  const twoItems = (first: number, second: number) => ({
    scheduleItems: [
      { amount: first, ...YEAR },
      { amount: second, startingAt: "2028-01-01T00:00:00Z", endingBefore: "2029-01-01T00:00:00Z" },
    ],
  });
  const declare = (o: { amounts: [number, number]; names: [string, string, string] }): Record<string, Declared> => ({
    ignoring: {
      args: prepaid(world, { name: o.names[0], accessSchedule: twoItems(...o.amounts) }),
      opts: { ignoreChanges: ["accessSchedule.scheduleItems[*].amount"] },
    },
    alpha: { args: prepaid(world, { name: o.names[1], priority: 101 }) },
    beta: { args: prepaid(world, { name: o.names[2], priority: 102 }) },
  });
  const nameIn = async (resource: string) => (await heldCommits(world)).get((await stateByName(s)).get(resource)!.id!)?.name;

  beforeAll(async () => {
    world = await startMetronomeWorld();
    s = await harness.engine.newStack(program(declare({ amounts: [1_000_000, 500_000], names: ["Ignoring", "Alpha", "Beta"] })), {
      stackName: "options",
      projectName: "life",
      ...world.stackConfig(),
    });
    await s.up();
  }, TIMEOUT);
  afterAll(async () => world?.close());

  it("ignoreChanges on accessSchedule.scheduleItems[*].amount: new amounts are not applied, a new name is", async () => {
    s.setProgram(program(declare({ amounts: [2_000_000, 900_000], names: ["Ignoring renamed", "Alpha", "Beta"] })));
    const writes = await writesDuring(world, () => s.up());
    expect(writes).toEqual([`${EDIT} 200`]);
    const id = (await stateByName(s)).get("ignoring")!.id;
    const commit = (await world.commits()).find((c) => c.id === id)!;
    expect(commit.name).toBe("Ignoring renamed");
    expect(commit.access_schedule!.schedule_items.map((i) => i.amount)).toEqual([1_000_000, 500_000]);
  });

  it("--target applies the targeted commit's change only", async () => {
    s.setProgram(program(declare({ amounts: [2_000_000, 900_000], names: ["Ignoring renamed", "Alpha 2", "Beta 2"] })));
    const writes = await writesDuring(world, async () => s.up({ target: [await urnOf(s, "alpha")] }));
    expect(writes).toEqual([`${EDIT} 200`]);
    expect(await nameIn("alpha")).toBe("Alpha 2");
    expect(await nameIn("beta")).toBe("Beta");
  });

  it("--exclude applies every change but the excluded commit's", async () => {
    s.setProgram(program(declare({ amounts: [2_000_000, 900_000], names: ["Ignoring renamed", "Alpha 3", "Beta 3"] })));
    const writes = await writesDuring(world, async () => s.up({ exclude: [await urnOf(s, "alpha")] }));
    expect(writes).toEqual([`${EDIT} 200`]);
    expect(await nameIn("alpha")).toBe("Alpha 2");
    expect(await nameIn("beta")).toBe("Beta 3");
  });
});
