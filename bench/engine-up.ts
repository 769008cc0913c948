// up_vs_raw and provider_rss_mb: the real engine's `pulumi up --parallel 16`
// of N commits (a fresh stack each time, so every commit is a create) against
// a script that makes the same creates through the API with the same
// concurrency; interleaved, medians. While `up` runs, /proc is sampled for
// the dynamic-provider plugin's peak memory and CPU time (and the CLI's),
// and an `up` of an empty program gives the engine's fixed cost.

import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as auto from "@pulumi/pulumi/automation";
import { CustomerCommit } from "../provider";
import { toCreateBody, validateInputs } from "../provider/core";
import { inlineProjectSettings, offlinePulumi, REPO_ROOT } from "../scripts/lib/offline-pulumi";
import { BENCH_TOKEN, type EmulatorProcess } from "./emulator-process";
import { ProcessSampler, type ProcessUsage } from "./proc-sampler";
import { median, timed } from "./stats";
import { commitsByCustomer, seedWorld } from "./world";

export interface UpRun {
  kind: string;
  ms: number;
  /** CPU this process spent meanwhile (for `up`: the inline program and the Automation API), ms. */
  selfCpuMs?: number;
  calls?: number;
  plugin?: ProcessUsage;
  cli?: ProcessUsage;
  /** The stack's checkpoint after the run (`pulumi stack export`), and how much of it is `__provider` text. */
  checkpointBytes?: number;
  providerTextBytes?: number;
}

export interface UpResult {
  commits: number;
  parallel: number;
  runs: UpRun[];
  upMs: number;
  rawMs: number;
  emptyUpMs: number | undefined;
  ratio: number;
  /** Peak RSS of the plugin process, MB (max over the runs); NaN when /proc is not there. */
  pluginPeakRssMb: number;
  /** What a Node process holds with nothing, with @pulumi/pulumi, and with this package loaded (RSS, MB). */
  baseline: { node: number; pulumiSdk: number; withPackage: number } | undefined;
  cliVersion: string;
}

const PROJECT = "metronome-bench";

export async function measureUp(
  emulator: EmulatorProcess,
  opts: {
    commits: number;
    customers: number;
    parallel: number;
    reps: number;
    emptyUp: boolean;
    cliPath: string;
    /** Extra `up`s, once each, with engine settings changed (to explain the engine's cost; not in the ratio). */
    variants?: Array<{ label: string; env: Record<string, string> }>;
  },
): Promise<UpResult> {
  const world = await seedWorld(emulator.url, opts.customers);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pm-bench-"));
  try {
    const pulumi = await offlinePulumi({ cliPath: opts.cliPath, dir, passphrase: "bench" });
    let stacks = 0;
    const newStack = async (program: auto.PulumiFn, env: Record<string, string> = {}): Promise<auto.Stack> => {
      const stackName = `bench${stacks++}`;
      const workDir = path.join(dir, `work-${stackName}`);
      fs.mkdirSync(workDir);
      const stack = await auto.LocalWorkspace.createOrSelectStack(
        { stackName, projectName: PROJECT, program },
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
    const perCustomer = Math.ceil(opts.commits / opts.customers);
    const declare = (key: string) => commitsByCustomer(world, perCustomer, key).slice(0, opts.commits);
    const runs: UpRun[] = [];

    const up = async (kind: string, program: auto.PulumiFn, expected: number, env: Record<string, string> = {}) => {
      const stack = await newStack(program, env);
      await emulator.clearLog();
      const sampler = new ProcessSampler();
      sampler.start();
      const cpu = process.cpuUsage();
      const { ms, value } = await timed(() => stack.up({ parallel: opts.parallel, color: "never" }));
      const selfCpu = process.cpuUsage(cpu);
      const usage = sampler.stop();
      const created = value.summary.resourceChanges?.create ?? 0;
      if (value.summary.result !== "succeeded" || created !== expected + 1) {
        throw new Error(`pulumi up: ${value.summary.result}, ${created} created, expected ${expected + 1}`);
      }
      const calls = (await emulator.calls()).length;
      const checkpoint = await checkpointSize(stack);
      runs.push({
        kind,
        ms,
        selfCpuMs: (selfCpu.user + selfCpu.system) / 1000,
        calls,
        ...checkpoint,
        // The plugin is `node …/cmd/dynamic-provider …` (its launcher script also runs a short `node -e require.resolve(…)`).
        plugin: usage.find((p) => p.command.includes("dynamic-provider") && !p.command.includes("require.resolve")),
        cli: usage.find((p) => /\/pulumi up\b/.test(p.command)),
      });
      return stack;
    };

    // `pulumi refresh` of a stack `up` made: the provider's reads as the
    // engine issues them, as built (one list call per commit until the
    // CommitReader is wired into state.ts; see bench/RESULTS.md).
    const refresh = async (stack: auto.Stack) => {
      await emulator.clearLog();
      const sampler = new ProcessSampler();
      sampler.start();
      const { ms, value } = await timed(() => stack.refresh({ parallel: opts.parallel, color: "never" }));
      const usage = sampler.stop();
      if (value.summary.result !== "succeeded") throw new Error(`pulumi refresh: ${value.summary.result}`);
      runs.push({
        kind: "refresh (as built)",
        ms,
        calls: (await emulator.calls()).length,
        plugin: usage.find((p) => p.command.includes("dynamic-provider") && !p.command.includes("require.resolve")),
        cli: usage.find((p) => /\/pulumi refresh\b/.test(p.command)),
      });
    };

    const raw = async (key: string) => {
      const bodies = declare(key).map((args) => {
        const checked = validateInputs(args as unknown as Record<string, unknown>);
        if (!checked.ok) throw new Error("bench commit args are invalid");
        return toCreateBody(checked.inputs);
      });
      const file = path.join(dir, `${key}.json`);
      fs.writeFileSync(file, JSON.stringify(bodies));
      await emulator.clearLog();
      const { ms, value } = await timed(() => runRawScript(emulator.url, file, opts.parallel));
      if (value !== bodies.length) throw new Error(`raw script created ${value} of ${bodies.length}`);
      runs.push({ kind: "raw", ms, calls: (await emulator.calls()).length });
    };

    // The engine's fixed cost (and a warm-up of the CLI and plugin binaries).
    if (opts.emptyUp) await up("empty up", async () => {}, 0);
    let last: auto.Stack | undefined;
    for (let rep = 0; rep < opts.reps; rep++) {
      const commits = declare(`up-${rep}`);
      const program: auto.PulumiFn = async () => {
        commits.forEach((args, i) => new CustomerCommit(`commit-${String(i).padStart(4, "0")}`, args));
      };
      if (rep % 2 === 0) {
        await raw(`raw-${rep}`);
        last = await up("up", program, commits.length);
      } else {
        last = await up("up", program, commits.length);
        await raw(`raw-${rep}`);
      }
    }
    if (last !== undefined) await refresh(last);

    for (const [i, variant] of (opts.variants ?? []).entries()) {
      const commits = declare(`variant-${i}`);
      await up(variant.label, async () => {
        commits.forEach((args, n) => new CustomerCommit(`commit-${String(n).padStart(4, "0")}`, args));
      }, commits.length, variant.env);
    }

    const upMs = median(runs.filter((r) => r.kind === "up").map((r) => r.ms));
    const rawMs = median(runs.filter((r) => r.kind === "raw").map((r) => r.ms));
    const empty = runs.find((r) => r.kind === "empty up");
    const rss = runs.filter((r) => r.kind === "up" && r.plugin !== undefined).map((r) => r.plugin!.peakRssMb);
    return {
      commits: opts.commits,
      parallel: opts.parallel,
      runs,
      upMs,
      rawMs,
      emptyUpMs: empty?.ms,
      ratio: upMs / rawMs,
      pluginPeakRssMb: rss.length === 0 ? Number.NaN : Math.max(...rss),
      baseline: await baselineRss(),
      cliVersion: pulumi.command.version?.toString() ?? "unknown",
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function runRawScript(url: string, bodiesFile: string, concurrency: number): Promise<number> {
  const script = path.join(REPO_ROOT, "dist", "bench", "raw-creates.js");
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [script, url, bodiesFile, String(concurrency)],
      { env: { ...process.env, METRONOME_BEARER_TOKEN: BENCH_TOKEN } },
      (error, stdout, stderr) => (error ? reject(new Error(`raw script failed: ${stderr || error.message}`)) : resolve(Number(stdout.trim()))),
    );
  });
}

/** RSS of a fresh Node process as it loads what the plugin loads (the plugin's floor, before any resource). */
function baselineRss(): Promise<UpResult["baseline"]> {
  const script = [
    "const mb = () => Math.round(process.memoryUsage().rss / 1048576);",
    "const node = mb();",
    'require("@pulumi/pulumi"); require("@grpc/grpc-js");',
    "const pulumiSdk = mb();",
    'require("pulumi-metronome");',
    "console.log(JSON.stringify({ node, pulumiSdk, withPackage: mb() }));",
  ].join("\n");
  return new Promise((resolve) => {
    execFile(process.execPath, ["-e", script], { cwd: REPO_ROOT }, (error, stdout) => {
      try {
        resolve(error ? undefined : (JSON.parse(stdout) as UpResult["baseline"]));
      } catch {
        resolve(undefined);
      }
    });
  });
}

async function checkpointSize(stack: auto.Stack): Promise<{ checkpointBytes: number; providerTextBytes: number }> {
  const { deployment } = await stack.exportStack();
  const resources = (deployment as { resources?: Array<{ inputs?: Record<string, unknown>; outputs?: Record<string, unknown> }> }).resources ?? [];
  const textOf = (v: unknown) => (typeof v === "string" ? v.length : 0);
  return {
    checkpointBytes: JSON.stringify(deployment).length,
    providerTextBytes: resources.reduce((sum, r) => sum + textOf(r.inputs?.__provider) + textOf(r.outputs?.__provider), 0),
  };
}
