/**
 * Resources whose `__provider` is the delegating shim object's serialized
 * text (what `CustomerCommit` stored before the one-line module) are taken
 * over by the current `CustomerCommit` on the real engine: the preview plans
 * `~ update [diff: ~__provider]` and nothing else, the `up` writes nothing to
 * Metronome and replaces nothing, and the state then carries the one-line text.
 */
import { createRequire } from "node:module";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBuiltPackage } from "../helpers/built-package";
import { type Engine, type TestStack, createEngine, steps } from "../helpers/engine";
import { REPO_ROOT } from "../helpers/repo";
import { type MetronomeWorld, startMetronomeWorld } from "../helpers/metronome-world";

type Pkg = typeof import("../../provider");
const pkg = loadBuiltPackage<Pkg>();
const pulumi = createRequire(path.join(REPO_ROOT, "package.json"))("@pulumi/pulumi") as typeof import("@pulumi/pulumi");
type Args = import("../../provider").CustomerCommitArgs;

const TYPE = "pulumi-nodejs:dynamic/metronome:CustomerCommit";
const TIMEOUT = 180_000;
const YEAR = { startingAt: "2027-01-01T00:00:00Z", endingBefore: "2028-01-01T00:00:00Z" };
const NAMES = ["first", "second"];

describe("state written with the shim's text, under the current CustomerCommit", { timeout: TIMEOUT }, () => {
  let engine: Engine;
  let world: MetronomeWorld;
  let s: TestStack;

  const args = (name: string): Args => ({
    customerId: world.customerId,
    type: "PREPAID",
    productId: world.productId,
    priority: 100,
    name: `Upgrade ${name}`,
    accessSchedule: { scheduleItems: [{ amount: 1_000_000, ...YEAR }] },
    uniquenessKey: `upgrade/${name}`,
  });
  // The registration of earlier releases: the shim object, serialized by `pulumi.dynamic.Resource`.
  class ShimCommit extends pulumi.dynamic.Resource {
    constructor(name: string, commitArgs: Args) {
      super(pkg.customerCommitShim, name, { ...commitArgs }, undefined, "metronome", "CustomerCommit");
    }
  }
  const shimProgram = async () => {
    for (const name of NAMES) new ShimCommit(name, args(name));
  };
  const currentProgram = async () => {
    for (const name of NAMES) new pkg.CustomerCommit(name, args(name));
  };
  const writes = async () => {
    const log = (await world.control("requests", undefined, "GET")) as { data: Array<{ method: string; path: string }> };
    return log.data.filter((r) => !r.path.endsWith("/list"));
  };

  beforeAll(async () => {
    engine = await createEngine();
    world = await startMetronomeWorld();
    s = await engine.newStack(shimProgram, { stackName: "upgrade", projectName: "upgrade", ...world.stackConfig() });
  }, TIMEOUT);
  afterAll(async () => {
    await world?.close();
    await engine?.cleanup();
  });

  it("plans an update of __provider alone, writes nothing, and stores the one-line text", async () => {
    await s.up();
    const before = await s.resources(TYPE);
    expect(before.map((r) => (r.inputs!.__provider as string).length)).toEqual([2_255, 2_255]);

    s.setProgram(currentProgram);
    const preview = await s.preview({ diff: true });
    const planned = steps(preview.events, TYPE);
    expect(planned.map((m) => [m.op, m.diffs])).toEqual(NAMES.map(() => ["update", ["__provider"]]));

    await world.control("requests", undefined, "DELETE");
    const { result, events } = await s.up();
    expect(result.summary.resourceChanges).toEqual({ same: 1, update: 2 });
    expect(steps(events, TYPE).map((m) => m.op)).toEqual(["update", "update"]);
    expect(await writes()).toEqual([]);

    const after = await s.resources(TYPE);
    expect(after.map((r) => r.id).sort()).toEqual(before.map((r) => r.id).sort());
    for (const r of after) {
      expect(r.inputs!.__provider).toBe(pkg.CUSTOMER_COMMIT_PROVIDER_TEXT);
      expect(r.outputs!.__provider).toBe(pkg.CUSTOMER_COMMIT_PROVIDER_TEXT);
      // The source position Pulumi records is the program's line, not the class's.
      expect(r.sourcePosition).toMatch(/provider-upgrade\.test\.ts#\d+,\d+$/);
    }
    expect((await world.liveCommits()).length).toBe(2);

    // From then on nothing changes, and refresh finds no drift.
    expect((await s.preview()).result.changeSummary).toEqual({ same: 3 });
    expect((await s.refresh()).result.summary.resourceChanges).toEqual({ same: 3 });
  });
});
