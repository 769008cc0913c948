// `npm run bench [-- --quick] [--sizes 100,300,1000] [--json FILE]`: what a
// user waits for, measured with the real engine (`--parallel 16`, file
// backend) against the built-in emulator with 100 ms added to every
// Metronome request, at N = 100, 300 and 1,000 commits over 20 customers
// (`--quick`: 100 and 300). Per N (bench/scale.ts): the first `up`, a
// no-change `preview`, `refresh` and `destroy` (wall time and the CLI's CPU
// time), the same `up` with PULUMI_SKIP_CHECKPOINTS=true (the engine's floor)
// and a script making the same creates and read-backs 16 at a time.
//
// It prints tables and ends with exactly one machine-readable line (figures
// at the largest N of the run; ratios over that N's checkpoint-free `up`):
//   RESULT provider_bytes=<n> state_bytes_per_commit=<n> calls_per_create=<x>
//          refresh_calls_per_commit=<x> up_vs_floor=<x> destroy_vs_floor=<x>
//          up_vs_raw=<x> n=<N>
// (on one line). Timings are reported, never asserted. bench/RESULTS.md holds
// a full run and the targets.

import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { REPO_ROOT } from "../scripts/lib/offline-pulumi";
import { machine, table } from "./report";
import { measureScale, OPS, type ScaleResult } from "./scale";
import { fixed } from "./stats";

const FULL_SIZES = [100, 300, 1_000];
const QUICK_SIZES = [100, 300];
const CUSTOMERS = 20;
const PARALLEL = 16;
const LATENCY_MS = 100;

/** Each target and its judgement of a RESULT; undefined when this run cannot judge it. */
const TARGETS: Array<[string, (r: Record<string, number>) => boolean | undefined]> = [
  ["provider_bytes <= 128", (r) => r.provider_bytes! <= 128],
  ["state_bytes_per_commit <= 2500", (r) => r.state_bytes_per_commit! <= 2_500],
  ["calls_per_create <= 1.1", (r) => r.calls_per_create! <= 1.1],
  ["refresh_calls_per_commit <= 0.1", (r) => r.refresh_calls_per_commit! <= 0.1],
  ["up_vs_floor <= 4 at N = 1000", (r) => (r.n! < 1_000 ? undefined : r.up_vs_floor! <= 4)],
];

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { quick: { type: "boolean" }, sizes: { type: "string" }, json: { type: "string" } } });
  const sizes = values.sizes !== undefined ? values.sizes.split(",").map(Number) : values.quick ? QUICK_SIZES : FULL_SIZES;
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--sizes must list whole numbers of commits, got ${values.sizes}`);
  const started = Date.now();
  // The engine runs the plugin in the program directory, the repository root,
  // where node_modules/pulumi-metronome links to the checkout.
  process.chdir(REPO_ROOT);
  ensureSelfLink();
  const cliPath = process.env.PULUMI_METRONOME_CLI ?? path.join(execFileSync("bash", ["scripts/ensure-pulumi.sh"], { encoding: "utf8" }).trim(), "pulumi");
  const pulumiSdk = (JSON.parse(fs.readFileSync(require.resolve("@pulumi/pulumi/package.json"), "utf8")) as { version: string }).version;

  console.log(`pulumi-metronome bench${values.quick ? " (--quick)" : ""}: N = ${sizes.join(", ")}, ${CUSTOMERS} customers, --parallel ${PARALLEL}, ${LATENCY_MS} ms per API request`);
  console.log(`  machine: ${machine()}`);
  console.log(`  node ${process.version}, @pulumi/pulumi ${pulumiSdk}, CLI ${cliPath}`);

  const results: ScaleResult[] = [];
  for (const commits of sizes) {
    const t0 = Date.now();
    results.push(await measureScale({ commits, customers: CUSTOMERS, parallel: PARALLEL, latencyMs: LATENCY_MS, cliPath }));
    console.log(`  [N = ${commits}: ${((Date.now() - t0) / 1000).toFixed(1)} s]`);
  }

  const s = (ms: number | undefined) => (ms === undefined ? "" : fixed(ms / 1000, 1));
  console.log(
    table(
      "Wall time, s (CLI CPU time, s)",
      ["N", ...OPS.map((op) => (op === "floor" ? "up, no checkpoints" : op === "raw" ? "script" : op))],
      results.map((r) => [String(r.commits), ...OPS.map((op) => `${s(r.runs[op].ms)}${r.runs[op].cliCpuMs === undefined ? "" : ` (${s(r.runs[op].cliCpuMs)})`}`)]),
    ),
  );
  console.log(
    table(
      "API calls per commit (plugin CPU time, s)",
      ["N", "up", "preview", "refresh", "destroy", "script"],
      results.map((r) => [
        String(r.commits),
        ...(["up", "preview", "refresh", "destroy", "raw"] as const).map(
          (op) => `${fixed(r.runs[op].calls / r.commits, 3)}${r.runs[op].pluginCpuMs === undefined ? "" : ` (${s(r.runs[op].pluginCpuMs)})`}`,
        ),
      ]),
    ),
  );
  console.log(
    table(
      "State per commit, bytes (parts: compact JSON of one commit's entry)",
      ["N", "checkpoint KB", "file bytes/commit", "inputs", "outputs", "__provider x2", "engine metadata", "entry"],
      results.map((r) => [
        String(r.commits),
        fixed(r.state.checkpointBytes / 1024, 0),
        fixed(r.state.bytesPerCommit, 0),
        ...[r.state.parts.inputs, r.state.parts.outputs, r.state.parts.providerText, r.state.parts.metadata, r.state.parts.total].map((b) => fixed(b, 0)),
      ]),
    ),
  );
  console.log(
    table(
      "Ratios over the checkpoint-free up of the same N",
      ["N", "up", "preview", "refresh", "destroy", "up / script", "plugin peak RSS MB"],
      results.map((r) => {
        const floor = r.runs.floor.ms;
        return [
          String(r.commits),
          ...(["up", "preview", "refresh", "destroy"] as const).map((op) => fixed(r.runs[op].ms / floor)),
          fixed(r.runs.up.ms / r.runs.raw.ms),
          r.pluginPeakRssMb === undefined ? "" : fixed(r.pluginPeakRssMb, 0),
        ];
      }),
    ),
  );

  const last = results[results.length - 1]!;
  const result: Record<string, number> = {
    provider_bytes: last.state.providerBytes,
    state_bytes_per_commit: Math.round(last.state.bytesPerCommit),
    calls_per_create: last.runs.up.calls / last.commits,
    refresh_calls_per_commit: last.runs.refresh.calls / last.commits,
    up_vs_floor: last.runs.up.ms / last.runs.floor.ms,
    destroy_vs_floor: last.runs.destroy.ms / last.runs.floor.ms,
    up_vs_raw: last.runs.up.ms / last.runs.raw.ms,
    n: last.commits,
  };
  const verdict = (ok: boolean | undefined) => (ok === undefined ? `not judged (largest N is ${result.n})` : ok ? "met" : "NOT met");
  console.log(`\nTargets: ${TARGETS.map(([t, ok]) => `${t} ${verdict(ok(result))}`).join("; ")}`);
  console.log(`Total ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (values.json) {
    fs.writeFileSync(values.json, `${JSON.stringify({ quick: !!values.quick, machine: machine(), node: process.version, pulumiSdk, results, result }, null, 2)}\n`);
  }
  const digits: Record<string, number> = { calls_per_create: 3, refresh_calls_per_commit: 3 };
  console.log(`RESULT ${Object.entries(result).map(([k, v]) => `${k}=${Number.isInteger(v) ? v : fixed(v, digits[k] ?? 2)}`).join(" ")}`);
}

/** node_modules/pulumi-metronome -> the checkout, as scripts/run.sh makes it (the plugin requires the package by name). */
function ensureSelfLink(): void {
  try {
    if (fs.realpathSync(path.join(REPO_ROOT, "node_modules", "pulumi-metronome")) === fs.realpathSync(REPO_ROOT)) return;
  } catch {
    // not linked yet
  }
  execFileSync(process.execPath, [path.join(REPO_ROOT, "scripts", "link-self.js")], { stdio: "inherit" });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`\nbench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
