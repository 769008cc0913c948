/**
 * Refactors on the real engine: a rename with `aliases`, `stack rename`, a
 * project rename and `state move` change what a new key derivation would
 * give (project, stack, name), but the key in state is the commit's key: no
 * replacement, zero writes to Metronome, the same commit and key in state.
 *
 * The provider gets its credentials from the environment here, so a stack
 * under a new name or project needs no config of its own.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Engine, type PulumiFn, type TestStack, createEngine, steps } from "../helpers/engine";
import { type MetronomeWorld, startMetronomeWorld } from "../helpers/metronome-world";
import { type Declared, TIMEOUT, TYPE, prepaid, program, stateByName, urnOf, writesDuring } from "./stack-life.shared";

let engine: Engine;
let world: MetronomeWorld;
beforeAll(async () => {
  world = await startMetronomeWorld();
  engine = await createEngine({ env: { METRONOME_BEARER_TOKEN: world.token, METRONOME_BASE_URL: world.url } });
}, TIMEOUT);
afterAll(async () => {
  await engine?.cleanup();
  await world?.close();
});

type Snapshot = Map<string, { id?: string; key: unknown }>;
const snapshot = async (s: TestStack): Promise<Snapshot> =>
  new Map([...(await stateByName(s))].map(([n, r]) => [n, { id: r.id, key: r.outputs?.uniquenessKey }]));

/** preview plans no replace, create or delete of a commit; up then writes nothing; state keeps `expected` (name → id, key). */
async function expectInvisible(s: TestStack, expected: Snapshot) {
  const { events } = await s.preview();
  expect(steps(events, TYPE).filter((m) => m.op !== "same").map((m) => `${m.op} ${m.urn}`)).toEqual([]);
  expect(await writesDuring(world, () => s.up())).toEqual([]);
  expect(await snapshot(s)).toEqual(expected);
}

describe("a rename with aliases", { timeout: TIMEOUT }, () => {
  let s: TestStack;
  let before: Snapshot;
  beforeAll(async () => {
    s = await engine.newStack(program({ "acme-2027": { args: prepaid(world) } }), { stackName: "alias", projectName: "life" });
    await s.up();
    before = await snapshot(s);
  }, TIMEOUT);

  it("keeps the commit and its key, with zero writes", async () => {
    const renamed: Declared = { args: prepaid(world), opts: { aliases: [{ name: "acme-2027" }] } };
    s.setProgram(program({ "acme-2027-prepaid": renamed }));
    await expectInvisible(s, new Map([["acme-2027-prepaid", before.get("acme-2027")!]]));
  });
});

describe("stack rename, then a project rename", { timeout: TIMEOUT }, () => {
  const commits: Record<string, Declared> = {};
  let prog: PulumiFn;
  let before: Snapshot;
  let s: TestStack;
  beforeAll(async () => {
    commits.first = { args: prepaid(world) };
    commits.second = { args: prepaid(world, { name: "Second", priority: 101, invoiceSchedule: undefined, invoiceContractId: undefined }) };
    prog = program(commits);
    s = await engine.newStack(prog, { stackName: "before", projectName: "billing" });
    await s.up();
    before = await snapshot(s);
  }, TIMEOUT);

  it("stack rename: the same commits and keys, zero writes", async () => {
    expect((await s.cli(["stack", "rename", "after"])).code).toBe(0);
    s = await engine.newStack(prog, { stackName: "after", projectName: "billing" });
    await expectInvisible(s, before);
  });

  it("project rename: the same commits and keys, zero writes", async () => {
    const renamed = await s.cli(["stack", "rename", "organization/finance/after"]);
    expect(renamed.code, renamed.stderr).toBe(0);
    s = await engine.newStack(prog, { stackName: "after", projectName: "finance" });
    await expectInvisible(s, before);
  });
});

describe("state move to another stack", { timeout: TIMEOUT }, () => {
  let source: TestStack;
  let dest: TestStack;
  let before: Snapshot;
  const declared = (): Record<string, Declared> => ({
    stays: { args: prepaid(world, { name: "Stays" }) },
    moves: { args: prepaid(world, { name: "Moves", priority: 101 }) },
  });
  beforeAll(async () => {
    source = await engine.newStack(program(declared()), { stackName: "source", projectName: "life" });
    await source.up();
    before = await snapshot(source);
    dest = await engine.newStack(program({}), { stackName: "dest", projectName: "life" });
    await dest.up();
  }, TIMEOUT);

  it("the moved commit keeps its key in the new stack, and neither stack writes anything", async () => {
    const urn = await urnOf(source, "moves");
    const moved = await engine.cli(["state", "move", "--source", "source", "--dest", "dest", urn, "--yes"], source.workDir);
    expect(moved.code, moved.stdout + moved.stderr).toBe(0);
    const { moves, stays } = declared();
    source.setProgram(program({ stays: stays! }));
    dest.setProgram(program({ moves: moves! }));
    await expectInvisible(dest, new Map([["moves", before.get("moves")!]]));
    await expectInvisible(source, new Map([["stays", before.get("stays")!]]));
  });
});
