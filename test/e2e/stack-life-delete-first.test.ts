/**
 * Operations that remove a commit before, or instead of, what replaces it, on
 * the real engine:
 *   - `deleteBeforeReplace` (the option, or set on every resource by a stack
 *     transform) would archive the commit before its replacement exists: the
 *     removal is refused before any write, for a genuine replacement and for a
 *     forced one, so the customer is never left without the commit;
 *   - `deletedWith`: the engine never calls delete for a resource deleted
 *     with another, so removing both leaves that commit live in Metronome.
 */
import { createRequire } from "node:module";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Engine, EngineOpError, type TestStack, createEngine } from "../helpers/engine";
import { type MetronomeWorld, startMetronomeWorld } from "../helpers/metronome-world";
import { REPO_ROOT } from "../helpers/repo";
import { type Declared, TIMEOUT, failure, heldCommits, prepaid, program, stateByName, writesDuring } from "./stack-life.shared";

// The program's SDK instance: the one the built package and the Automation API load.
const pulumi = createRequire(path.join(REPO_ROOT, "package.json"))("@pulumi/pulumi") as typeof import("@pulumi/pulumi");

let engine: Engine;
beforeAll(async () => {
  engine = await createEngine();
}, TIMEOUT);
afterAll(async () => {
  await engine?.cleanup();
});

const errorsOf = (e: Error): string => (e instanceof EngineOpError ? [...e.errors, e.stdout].join("\n") : e.message);

describe("deleteBeforeReplace is refused before any write", { timeout: TIMEOUT }, () => {
  let world: MetronomeWorld;
  let s: TestStack;
  let ids: Map<string, string>;
  const declare = (salesOrder: string, trigger: string): Record<string, Declared> => ({
    genuine: { args: prepaid(world, { name: "Genuine", netsuiteSalesOrderId: salesOrder }), opts: { deleteBeforeReplace: true } },
    forced: { args: prepaid(world, { name: "Forced", priority: 101 }), opts: { deleteBeforeReplace: true, replacementTrigger: trigger } },
  });

  beforeAll(async () => {
    world = await startMetronomeWorld();
    s = await engine.newStack(program(declare("SO-1", "v1")), { stackName: "dbr", projectName: "life", ...world.stackConfig() });
    await s.up();
    ids = new Map([...(await stateByName(s))].map(([n, r]) => [n, r.id!]));
  }, TIMEOUT);
  afterAll(async () => world?.close());

  it.each([
    ["a genuine replacement (a replace-only field changed)", "SO-2", "v1", "genuine"],
    ["a forced replacement (replacementTrigger)", "SO-1", "v2", "forced"],
  ])("%s: refused, nothing written, the commit stays live and in state", async (_label, salesOrder, trigger, name) => {
    s.setProgram(program(declare(salesOrder, trigger)));
    let error: Error | undefined;
    const writes = await writesDuring(world, async () => (error = await failure(s.up())));
    expect(writes).toEqual([]);
    const text = errorsOf(error!);
    expect(text).toContain(`Refusing to remove commit ${ids.get(name)}`);
    expect(text).toContain("Remove `deleteBeforeReplace`");
    expect((await heldCommits(world)).get(ids.get(name)!)?.live).toBe(true);
    expect((await stateByName(s)).get(name)?.id).toBe(ids.get(name));
  });

  it("without the option, the genuine replacement creates the new commit, then archives the old", async () => {
    s.setProgram(program({ ...declare("SO-2", "v1"), genuine: { args: prepaid(world, { name: "Genuine", netsuiteSalesOrderId: "SO-2" }) } }));
    const writes = await writesDuring(world, () => s.up());
    expect(writes).toEqual(["/v1/contracts/customerCommits/create 200", "/v2/contracts/commits/archive 200"]);
    const held = await heldCommits(world);
    expect(held.get(ids.get("genuine")!)?.live).toBe(false);
    expect(held.get((await stateByName(s)).get("genuine")!.id!)?.live).toBe(true);
  });
});

describe("deleteBeforeReplace set on every resource by a stack transform is refused too", { timeout: TIMEOUT }, () => {
  let world: MetronomeWorld;
  let s: TestStack;
  const withTransform = (salesOrder: string) => {
    const inner = program({ only: { args: prepaid(world, { netsuiteSalesOrderId: salesOrder }) } });
    return async () => {
      pulumi.runtime.registerResourceTransform((args) => ({ props: args.props, opts: { ...args.opts, deleteBeforeReplace: true } }));
      return inner();
    };
  };

  beforeAll(async () => {
    world = await startMetronomeWorld();
    s = await engine.newStack(withTransform("SO-1"), { stackName: "dbr-wide", projectName: "life", ...world.stackConfig() });
    await s.up();
  }, TIMEOUT);
  afterAll(async () => world?.close());

  it("a genuine replacement: refused, nothing written", async () => {
    const id = (await stateByName(s)).get("only")!.id!;
    s.setProgram(withTransform("SO-2"));
    const writes = await writesDuring(world, () => failure(s.up()));
    expect(writes).toEqual([]);
    expect((await heldCommits(world)).get(id)?.live).toBe(true);
  });
});

describe("deletedWith: removing both resources leaves the dependent commit live in Metronome", { timeout: TIMEOUT }, () => {
  let world: MetronomeWorld;
  let s: TestStack;

  beforeAll(async () => {
    world = await startMetronomeWorld();
    const commits: Record<string, Declared> = {
      main: { args: prepaid(world, { name: "Main" }) },
      dependent: { args: prepaid(world, { name: "Dependent", priority: 101 }), with: { deletedWith: "main" } },
    };
    s = await engine.newStack(program(commits), { stackName: "deleted-with", projectName: "life", ...world.stackConfig() });
    await s.up();
  }, TIMEOUT);
  afterAll(async () => world?.close());

  it("destroy archives the main commit only: the engine never asks to remove the dependent one", async () => {
    const state = await stateByName(s);
    const writes = await writesDuring(world, () => s.destroy());
    expect(writes).toEqual(["/v2/contracts/commits/archive 200"]);
    const held = await heldCommits(world);
    expect(held.get(state.get("main")!.id!)?.live).toBe(false);
    expect(held.get(state.get("dependent")!.id!)?.live).toBe(true);
  });
});
