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

const cases: Array<{ example: string; config: (w: MetronomeWorld) => Record<string, string>; commits: number; credits?: number }> = [
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
  {
    example: "onboarding-credits",
    config: (w) => ({
      creditProductId: w.productId,
      customers: JSON.stringify({ acme: w.customers[0]!.customerId, globex: w.customers[1]!.customerId }),
    }),
    commits: 0,
    credits: 3,
  },
];

describe.each(cases)("examples/$example", { timeout: TIMEOUT }, ({ example, config, commits, credits = 0 }) => {
  it("previews, applies, and is a no-op the second time", async () => {
    const project = projectName(example);
    const namespaced = Object.fromEntries(Object.entries(config(world)).map(([k, v]) => [`${project}:${k}`, v]));
    const s = await engine.newStack(exampleProgram(example), {
      stackName: example,
      projectName: project,
      config: { ...namespaced, ...world.stackConfig().config },
      secretConfig: world.stackConfig().secretConfig,
    });
    const resources = commits + credits + 1; // and the stack
    const before = await allLive();

    const preview = await s.preview();
    expect(preview.result.changeSummary).toEqual({ create: resources });
    expect(await allLive()).toEqual(before); // preview touches nothing

    const { result } = await s.up();
    expect(result.summary.resourceChanges).toEqual({ create: resources });
    const after = await allLive();
    const createdCommits = after.commits.filter((c) => !before.commits.includes(c));
    const createdCredits = after.credits.filter((c) => !before.credits.includes(c));
    expect(createdCommits).toHaveLength(commits);
    expect(createdCredits).toHaveLength(credits);
    const commitState = await s.resources("pulumi-nodejs:dynamic/metronome:CustomerCommit");
    expect(commitState.map((r) => r.id).sort()).toEqual(createdCommits.sort());
    const creditState = await s.resources("pulumi-nodejs:dynamic/metronome:CustomerCredit");
    expect(creditState.map((r) => r.id).sort()).toEqual(createdCredits.sort());

    expect((await s.preview()).result.changeSummary).toEqual({ same: resources });
  });
});

async function allLive(): Promise<{ commits: string[]; credits: string[] }> {
  const commits: string[] = [];
  const credits: string[] = [];
  for (const { customerId } of world.customers) {
    commits.push(...(await world.liveCommits(customerId)).map((c) => c.id));
    credits.push(...(await world.liveCredits(customerId)).map((c) => c.id));
  }
  return { commits, credits };
}
