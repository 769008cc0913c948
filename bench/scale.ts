// One size N of the benchmark: a stack of N commits spread over the
// customers of a fresh emulator (every Metronome request delayed by the
// latency), driven by the real engine with `--parallel`:
//
//   up        the first `up` (every commit a create)
//   preview   a no-change `preview` of the same program
//   refresh   `refresh` (every commit read)
//   destroy   `destroy` (every commit archived)
//   floor     the same first `up` of another stack with PULUMI_SKIP_CHECKPOINTS=true:
//             the engine without its checkpoint rewrite after every step
//   raw       a script making the same creates and read-backs, as many at a time
//
// Each run reports wall time, the CPU time of the `pulumi` CLI and of the
// dynamic-provider plugin (sampled from /proc), and the API calls served.
// The stack's checkpoint after `up` gives the state stored per commit.

import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as auto from "@pulumi/pulumi/automation";
import { CustomerCommit, type CustomerCommitArgs } from "../provider";
import { toCreateBody, validateInputs } from "../provider/core";
import { inlineProjectSettings, offlinePulumi, REPO_ROOT } from "../scripts/lib/offline-pulumi";
import { BENCH_TOKEN, startEmulatorProcess, type EmulatorProcess } from "./emulator-process";
import { ProcessSampler, type ProcessUsage } from "./proc-sampler";
import { measureState, type StateSize } from "./state-size";
import { timed } from "./stats";
import { commitsByCustomer, seedWorld } from "./world";

/** Where the bench's project directories go while it runs (git ignores it). */
const BENCH_PROJECTS = path.join(REPO_ROOT, ".bench");

export const OPS = ["up", "preview", "refresh", "destroy", "floor", "raw"] as const;
export type Op = (typeof OPS)[number];

export interface OpRun {
  ms: number;
  /** CPU time of the `pulumi` CLI process, ms (undefined for the script, or without /proc). */
  cliCpuMs: number | undefined;
  /** CPU time of the dynamic-provider plugin process, ms. */
  pluginCpuMs: number | undefined;
  /** API calls the emulator served. */
  calls: number;
}

export interface ScaleResult {
  commits: number;
  customers: number;
  parallel: number;
  latencyMs: number;
  runs: Record<Op, OpRun>;
  state: StateSize;
  /** Peak RSS of the plugin during `up`, MB. */
  pluginPeakRssMb: number | undefined;
}

const PROJECT = "metronome-bench";

export async function measureScale(opts: {
  commits: number;
  customers: number;
  parallel: number;
  latencyMs: number;
  cliPath: string;
}): Promise<ScaleResult> {
  const emulator = await startEmulatorProcess({ latencyMs: opts.latencyMs });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pm-bench-"));
  const workDirs: string[] = [];
  try {
    const pulumi = await offlinePulumi({ cliPath: opts.cliPath, dir, passphrase: "bench" });
    // Each stack and the script get customers of their own, so that no
    // customer's list holds another run's commits.
    const declare = async (key: string): Promise<CustomerCommitArgs[]> => {
      const world = await seedWorld(emulator.url, opts.customers);
      return commitsByCustomer(world, Math.ceil(opts.commits / opts.customers), key).slice(0, opts.commits);
    };
    const program = (commits: CustomerCommitArgs[]): auto.PulumiFn => async () => {
      commits.forEach((args, i) => new CustomerCommit(`commit-${String(i).padStart(4, "0")}`, args));
    };
    const newStack = async (stackName: string, commits: CustomerCommitArgs[], env: Record<string, string> = {}) => {
      // The project directory is in the checkout, as a user's project holds
      // its program and node_modules: the source positions the state keeps
      // (`project:///../../dist/bench/scale.js#…`) are then the same
      // wherever the checkout is.
      const workDir = path.join(BENCH_PROJECTS, `${path.basename(dir)}-${stackName}`);
      fs.mkdirSync(workDir, { recursive: true });
      workDirs.push(workDir);
      const stack = await auto.LocalWorkspace.createOrSelectStack(
        { stackName, projectName: PROJECT, program: program(commits) },
        {
          workDir,
          pulumiHome: pulumi.pulumiHome,
          pulumiCommand: pulumi.command,
          envVars: { ...pulumi.env, ...env },
          projectSettings: inlineProjectSettings(PROJECT),
        },
      );
      await stack.setAllConfig({
        "metronome:baseUrl": { value: emulator.url },
        "metronome:bearerToken": { value: BENCH_TOKEN, secret: true },
      });
      return stack;
    };
    const run = async (op: string, fn: () => Promise<void>): Promise<{ run: OpRun; usage: ProcessUsage[] }> => {
      await emulator.clearLog();
      const sampler = new ProcessSampler();
      sampler.start();
      const { ms } = await timed(fn);
      const usage = sampler.stop();
      const cli = usage.find((p) => new RegExp(`/pulumi ${op}\\b`).test(p.command));
      const plugin = usage.find((p) => p.command.includes("dynamic-provider") && !p.command.includes("require.resolve"));
      return { run: { ms, cliCpuMs: cli?.cpuMs, pluginCpuMs: plugin?.cpuMs, calls: (await emulator.calls()).length }, usage };
    };
    const expect = (what: string, ok: boolean, detail: unknown) => {
      if (!ok) throw new Error(`${what} at N=${opts.commits}: ${JSON.stringify(detail)}`);
    };
    const engineOpts = { parallel: opts.parallel, color: "never" as const };
    const runs = {} as Record<Op, OpRun>;

    const raw = await declare("raw");
    runs.raw = (await run("raw", () => runRawScript(emulator, dir, raw, opts.parallel))).run;

    const commits = await declare("stack");
    const stack = await newStack("main", commits);
    let upUsage: ProcessUsage[] = [];
    ({ run: runs.up, usage: upUsage } = await run("up", async () => {
      const { summary } = await stack.up(engineOpts);
      expect("up", summary.result === "succeeded" && summary.resourceChanges?.create === opts.commits + 1, summary);
    }));
    const state = measureState(path.join(dir, "state", ".pulumi", "stacks", PROJECT, "main.json"), opts.commits);
    runs.preview = (await run("preview", async () => {
      const { changeSummary } = await stack.preview(engineOpts);
      expect("no-change preview", changeSummary.same === opts.commits + 1 && Object.keys(changeSummary).length === 1, changeSummary);
    })).run;
    runs.refresh = (await run("refresh", async () => {
      const { summary } = await stack.refresh(engineOpts);
      expect("refresh", summary.result === "succeeded" && summary.resourceChanges?.same === opts.commits + 1, summary);
    })).run;
    runs.destroy = (await run("destroy", async () => {
      const { summary } = await stack.destroy(engineOpts);
      expect("destroy", summary.result === "succeeded" && summary.resourceChanges?.delete === opts.commits + 1, summary);
    })).run;

    const floorStack = await newStack("floor", await declare("floor"), { PULUMI_SKIP_CHECKPOINTS: "true" });
    runs.floor = (await run("up", async () => {
      const { summary } = await floorStack.up(engineOpts);
      expect("checkpoint-free up", summary.result === "succeeded" && summary.resourceChanges?.create === opts.commits + 1, summary);
    })).run;

    const plugin = upUsage.find((p) => p.command.includes("dynamic-provider") && !p.command.includes("require.resolve"));
    return { ...opts, runs, state, pluginPeakRssMb: plugin?.peakRssMb };
  } finally {
    await emulator.close();
    for (const workDir of workDirs) fs.rmSync(workDir, { recursive: true, force: true });
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function runRawScript(emulator: EmulatorProcess, dir: string, commits: CustomerCommitArgs[], concurrency: number): Promise<void> {
  const bodies = commits.map((args) => {
    const checked = validateInputs(args as unknown as Record<string, unknown>);
    if (!checked.ok) throw new Error("bench commit args are invalid");
    return toCreateBody(checked.inputs);
  });
  const file = path.join(dir, "raw-bodies.json");
  fs.writeFileSync(file, JSON.stringify(bodies));
  const script = path.join(REPO_ROOT, "dist", "bench", "raw-creates.js");
  const made = await new Promise<number>((resolve, reject) => {
    execFile(
      process.execPath,
      [script, emulator.url, file, String(concurrency)],
      { env: { ...process.env, METRONOME_BEARER_TOKEN: BENCH_TOKEN } },
      (error, stdout, stderr) => (error ? reject(new Error(`raw script failed: ${stderr || error.message}`)) : resolve(Number(stdout.trim()))),
    );
  });
  if (made !== bodies.length) throw new Error(`raw script created ${made} of ${bodies.length}`);
}
