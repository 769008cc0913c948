/**
 * Forced replacements on the real engine: every way Pulumi replaces a
 * resource while its uniqueness key is kept. None may archive the commit the
 * replacement holds.
 *   - `up --replace`, `--target-replace`, `state taint`: the engine checks the
 *     replacement with no old state and never diffs it, so the provider cannot
 *     tell before the create. The create adopts the same commit by its key
 *     (Metronome refuses a second commit under it), and the removal of the
 *     old half finds that very commit adopted and leaves it, with a warning.
 *   - `replacementTrigger`, `replaceOnChanges` on an editable field,
 *     `replaceWith`, `deletedWith`: checked with the old state first, so the
 *     create is refused before any write.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Engine, EngineOpError, type TestStack, createEngine, diagnostics } from "../helpers/engine";
import { type MetronomeWorld, startMetronomeWorld } from "../helpers/metronome-world";
import { type Declared, TIMEOUT, failure, heldCommits, prepaid, program, stateByName, urnOf, writesDuring } from "./stack-life.shared";

const CREATE = "/v1/contracts/customerCommits/create";

let engine: Engine;
beforeAll(async () => {
  engine = await createEngine();
}, TIMEOUT);
afterAll(async () => {
  await engine?.cleanup();
});

const errorsOf = (e: Error): string => (e instanceof EngineOpError ? [...e.errors, e.stdout, e.stderr].join("\n") : e.message);

describe("up --replace, --target-replace and state taint keep the commit the replacement holds", { timeout: TIMEOUT }, () => {
  let world: MetronomeWorld;
  let s: TestStack;
  let ids: Map<string, string>;

  beforeAll(async () => {
    world = await startMetronomeWorld();
    const commits: Record<string, Declared> = {
      replaced: { args: prepaid(world, { name: "Replaced with --replace" }) },
      targeted: { args: prepaid(world, { name: "Replaced with --target-replace", priority: 101 }) },
      tainted: { args: prepaid(world, { name: "Tainted", priority: 102 }) },
    };
    s = await engine.newStack(program(commits), { stackName: "targeted", projectName: "life", ...world.stackConfig() });
    await s.up();
    ids = new Map([...(await stateByName(s))].map(([n, r]) => [n, r.id!]));
  }, TIMEOUT);
  afterAll(async () => world?.close());

  async function expectKept(name: string, writes: string[]) {
    // The create was refused by Metronome (the key is taken) and nothing else was sent.
    expect(writes).toEqual([`${CREATE} 409`]);
    const held = await heldCommits(world);
    expect([...held.values()].filter((c) => c.live)).toHaveLength(3);
    expect(held.get(ids.get(name)!)?.live).toBe(true);
    expect((await stateByName(s)).get(name)?.id).toBe(ids.get(name));
  }

  it("up --replace: the commit stays live and in state, and a warning says how to get a new one", async () => {
    const urn = await urnOf(s, "replaced");
    let events: Parameters<typeof diagnostics>[0] = [];
    const writes = await writesDuring(world, async () => ({ events } = await s.up({ replace: [urn] })));
    await expectKept("replaced", writes);
    const warning = diagnostics(events, "warning").join("\n");
    expect(warning).toContain(`commit ${ids.get("replaced")} was NOT archived`);
    expect(warning).toContain("declare a new `uniquenessKey`");
  });

  it("--target-replace: the same", async () => {
    const urn = await urnOf(s, "targeted");
    let run = { code: 0, stdout: "", stderr: "" };
    const writes = await writesDuring(world, async () => (run = await s.cli(["up", "--yes", "--skip-preview", "--target-replace", urn], { inline: true })));
    expect(run.code, run.stdout + run.stderr).toBe(0);
    await expectKept("targeted", writes);
    expect(run.stdout + run.stderr).toContain("was NOT archived");
  });

  it("state taint, then up: the same", async () => {
    const urn = await urnOf(s, "tainted");
    expect((await s.cli(["state", "taint", urn, "--yes"])).code).toBe(0);
    const writes = await writesDuring(world, () => s.up());
    await expectKept("tainted", writes);
  });

  it("a preview afterwards shows nothing to do", async () => {
    const { result } = await s.preview();
    expect(result.changeSummary).toEqual({ same: 4 });
  });
});

describe("replacementTrigger, replaceOnChanges, replaceWith and deletedWith are refused before any write", { timeout: TIMEOUT }, () => {
  let world: MetronomeWorld;
  let s: TestStack;
  let ids: Map<string, string>;
  const declare = (trigger: string, salesOrder: string, linked: boolean, label = "Labelled"): Record<string, Declared> => ({
    triggered: { args: prepaid(world, { name: "Triggered" }), opts: { replacementTrigger: trigger } },
    labelled: { args: prepaid(world, { name: label, priority: 104 }), opts: { replaceOnChanges: ["name"] } },
    leader: { args: prepaid(world, { name: "Leader", priority: 101, netsuiteSalesOrderId: salesOrder }) },
    follower: { args: prepaid(world, { name: "Follower", priority: 102 }), with: linked ? { replaceWith: ["leader"] } : undefined },
    companion: { args: prepaid(world, { name: "Companion", priority: 103 }), with: linked ? { deletedWith: "leader" } : undefined },
  });

  beforeAll(async () => {
    world = await startMetronomeWorld();
    s = await engine.newStack(program(declare("v1", "SO-1", true)), { stackName: "forced", projectName: "life", ...world.stackConfig() });
    await s.up();
    ids = new Map([...(await stateByName(s))].map(([n, r]) => [n, r.id!]));
  }, TIMEOUT);
  afterAll(async () => world?.close());

  it("a changed replacementTrigger: refused, with what to do, and nothing written", async () => {
    s.setProgram(program(declare("v2", "SO-1", true)));
    let error: Error | undefined;
    const writes = await writesDuring(world, async () => (error = await failure(s.up())));
    expect(writes).toEqual([]);
    const text = errorsOf(error!);
    expect(text).toContain("held by the resource being replaced");
    expect(text).toContain("declare a new `uniquenessKey`");
    expect((await heldCommits(world)).get(ids.get("triggered")!)?.live).toBe(true);
  });

  it("replaceOnChanges on an editable field: refused, nothing written", async () => {
    s.setProgram(program(declare("v1", "SO-1", true, "Labelled anew")));
    let error: Error | undefined;
    const writes = await writesDuring(world, async () => (error = await failure(s.up())));
    expect(writes).toEqual([]);
    expect(errorsOf(error!)).toContain('Refusing to create a commit for resource "labelled"');
    expect((await heldCommits(world)).get(ids.get("labelled")!)?.live).toBe(true);
  });

  it("replaceWith and deletedWith a replaced commit: the leader gets its new commit, the others are refused and stay live", async () => {
    s.setProgram(program(declare("v1", "SO-2", true)));
    let error: Error | undefined;
    const writes = await writesDuring(world, async () => (error = await failure(s.up())));
    // Only the leader's genuine replacement was created; no archive at all.
    expect(writes).toEqual([`${CREATE} 200`]);
    expect(errorsOf(error!)).toContain("held by the resource being replaced");
    const held = await heldCommits(world);
    for (const name of ["triggered", "labelled", "leader", "follower", "companion"]) expect(held.get(ids.get(name)!)?.live, name).toBe(true);
    const state = await stateByName(s);
    expect(state.get("follower")?.id).toBe(ids.get("follower"));
    expect(state.get("companion")?.id).toBe(ids.get("companion"));
  });

  it("without the forcing options, the next up finishes the leader's replacement only", async () => {
    s.setProgram(program(declare("v1", "SO-2", false)));
    const writes = await writesDuring(world, () => s.up());
    expect(writes).toEqual(["/v2/contracts/commits/archive 200"]);
    const held = await heldCommits(world);
    expect(held.get(ids.get("leader")!)?.live).toBe(false);
    const state = await stateByName(s);
    expect(held.get(state.get("leader")!.id!)?.live).toBe(true);
    for (const name of ["triggered", "follower", "companion"]) expect(state.get(name)?.id, name).toBe(ids.get(name));
  });
});
