/**
 * Every program in examples/ is previewed and applied with the real engine
 * against the emulator, as a user would run it after `pulumi config set`.
 * The programs are the built ones (dist/examples/<name>/index.js).
 */
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertBuildFresh } from "../helpers/built-package";
import { type Engine, createEngine } from "../helpers/engine";
import { type MetronomeWorld, startMetronomeWorld } from "../helpers/metronome-world";
import { REPO_ROOT } from "../helpers/repo";

const nodeRequire = createRequire(import.meta.url);
const TIMEOUT = 180_000;

/** Runs the built example program afresh on every engine operation. */
function exampleProgram(name: string) {
  const file = path.join(REPO_ROOT, "dist", "examples", name, "index.js");
  return async () => {
    delete nodeRequire.cache[nodeRequire.resolve(file)];
    return nodeRequire(file);
  };
}

function projectName(example: string): string {
  const yaml = fs.readFileSync(path.join(REPO_ROOT, "examples", example, "Pulumi.yaml"), "utf8");
  return /^name:\s*(\S+)/m.exec(yaml)![1]!;
}

let engine: Engine;
let world: MetronomeWorld;
beforeAll(async () => {
  if (process.env.PULUMI_METRONOME_SKIP_BUILD_CHECK !== "1") assertBuildFresh();
  engine = await createEngine();
  world = await startMetronomeWorld({ customers: 3 });
}, TIMEOUT);
afterAll(async () => {
  await engine?.cleanup();
  await world?.close();
});

const cases: Array<{ example: string; config: (w: MetronomeWorld) => Record<string, string>; commits: number }> = [
  {
    example: "enterprise-prepaid-quarterly",
    config: (w) => ({ customerId: w.customers[0]!.customerId, commitProductId: w.productId, contractId: w.customers[0]!.contractId }),
    commits: 1,
  },
  {
    example: "postpaid-true-up",
    config: (w) => ({ customerId: w.customers[1]!.customerId, commitProductId: w.productId, contractId: w.customers[1]!.contractId }),
    commits: 1,
  },
  {
    example: "commits-from-data-file",
    config: (w) => ({
      commitProductId: w.productId,
      customers: JSON.stringify({ acme: w.customers[0], globex: w.customers[1], umbrella: w.customers[2] }),
    }),
    commits: 4,
  },
];

describe.each(cases)("examples/$example", { timeout: TIMEOUT }, ({ example, config, commits }) => {
  it("previews, applies, and is a no-op the second time", async () => {
    const project = projectName(example);
    const namespaced = Object.fromEntries(Object.entries(config(world)).map(([k, v]) => [`${project}:${k}`, v]));
    const s = await engine.newStack(exampleProgram(example), {
      stackName: example,
      projectName: project,
      config: { ...namespaced, ...world.stackConfig().config },
      secretConfig: world.stackConfig().secretConfig,
    });
    const before = await allLiveCommits();

    const preview = await s.preview();
    expect(preview.result.changeSummary).toEqual({ create: commits + 1 });
    expect(await allLiveCommits()).toEqual(before); // preview touches nothing

    const { result } = await s.up();
    expect(result.summary.resourceChanges).toEqual({ create: commits + 1 });
    const created = (await allLiveCommits()).filter((c) => !before.includes(c));
    expect(created).toHaveLength(commits);
    const state = await s.resources("pulumi-nodejs:dynamic/metronome:CustomerCommit");
    expect(state.map((r) => r.id).sort()).toEqual(created.sort());

    expect((await s.preview()).result.changeSummary).toEqual({ same: commits + 1 });
  });
});

async function allLiveCommits(): Promise<string[]> {
  const ids: string[] = [];
  for (const { customerId } of world.customers) ids.push(...(await world.liveCommits(customerId)).map((c) => c.id));
  return ids;
}
