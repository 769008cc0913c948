// `npm run bench [-- --quick] [--json FILE] [--api-latency-ms N]`: the provider's cost, measured
// side by side with what it replaces, in one run against the built-in
// emulator (one emulator process per section):
//
//   overhead   provider create/read vs the same HTTP calls with undici
//   size       the serialized `__provider` of our shim vs a by-value provider
//   refresh    reads of many commits: coalesced vs one list call per commit
//   engine     `pulumi up --parallel 16` vs a script making the same creates
//
// `--api-latency-ms N` delays every list call of the refresh section by N ms,
// as a far-away API would (the other sections run on loopback as is).
// It prints tables and ends with exactly one machine-readable line:
//   RESULT create_overhead=<x> read_overhead=<x> shim_bytes=<n> naive_bytes=<n>
//          refresh_calls_per_commit=<x> refresh_speedup=<x> up_vs_raw=<x> provider_rss_mb=<n>
//          check_create_overhead=<x>
// (on one line). Timings are reported, never asserted. bench/RESULTS.md holds
// a full run and the targets.

import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { REPO_ROOT } from "../scripts/lib/offline-pulumi";
import { startEmulatorProcess, type EmulatorProcess } from "./emulator-process";
import { measureUp } from "./engine-up";
import { measureOverhead, summary, type Samples } from "./overhead";
import { measureRefresh } from "./refresh";
import { machine, table } from "./report";
import { measureSizes } from "./serialized-size";
import { fixed, median } from "./stats";

const FULL = {
  overhead: { creates: 300, reads: 600, warmup: 30 },
  refresh: { customers: 50, perCustomer: 20, parallel: 16, rounds: 5 },
  up: {
    commits: 200,
    customers: 10,
    parallel: 16,
    reps: 3,
    emptyUp: true,
    // Once, to show where the engine's time goes: without its checkpoint after every step.
    variants: [{ label: "up, PULUMI_SKIP_CHECKPOINTS", env: { PULUMI_SKIP_CHECKPOINTS: "true" } }],
  },
};
const QUICK = {
  overhead: { creates: 60, reads: 120, warmup: 10 },
  refresh: { customers: 10, perCustomer: 20, parallel: 16, rounds: 2 },
  up: { commits: 40, customers: 4, parallel: 16, reps: 1, emptyUp: false },
};

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { quick: { type: "boolean" }, json: { type: "string" }, "api-latency-ms": { type: "string" } },
  });
  const listLatencyMs = Number(values["api-latency-ms"] ?? 0);
  if (!Number.isFinite(listLatencyMs) || listLatencyMs < 0) throw new Error("--api-latency-ms must be a number of ms");
  const plan = values.quick ? QUICK : FULL;
  const started = Date.now();
  // The serializer names local modules relative to the working directory, and
  // the engine runs the plugin in the program directory: both are the root.
  process.chdir(REPO_ROOT);
  ensureSelfLink();
  const cliPath = process.env.PULUMI_METRONOME_CLI ?? path.join(execFileSync("bash", ["scripts/ensure-pulumi.sh"], { encoding: "utf8" }).trim(), "pulumi");
  const pulumiSdk = (JSON.parse(fs.readFileSync(require.resolve("@pulumi/pulumi/package.json"), "utf8")) as { version: string }).version;

  console.log(`pulumi-metronome bench${values.quick ? " (--quick)" : ""}`);
  console.log(`  machine: ${machine()}`);
  console.log(`  node ${process.version}, @pulumi/pulumi ${pulumiSdk}, CLI ${cliPath}`);

  const section = async <T>(name: string, run: (emulator: EmulatorProcess) => Promise<T>): Promise<T> => {
    const t0 = Date.now();
    const emulator = await startEmulatorProcess();
    try {
      return await run(emulator);
    } finally {
      await emulator.close();
      console.log(`  [${name}: ${((Date.now() - t0) / 1000).toFixed(1)} s]`);
    }
  };

  const overhead = await section("overhead", (e) => measureOverhead(e, plan.overhead));
  const sizes = await measureSizes();
  const refresh = await section("refresh", (e) => measureRefresh(e, { ...plan.refresh, listLatencyMs }));
  const up = await section("engine", (e) => measureUp(e, { ...plan.up, cliPath }));

  // ---- tables ---------------------------------------------------------------
  const sampleRow = (s: Samples) => {
    const x = summary(s);
    return [s.label, String(x.n), fixed(x.median, 3), fixed(x.p90, 3)];
  };
  console.log(
    table(
      "Per operation, one at a time, interleaved (ms)",
      ["operation", "n", "median", "p90"],
      [
        overhead.create.provider,
        overhead.create.check,
        overhead.create.checkAndCreate,
        overhead.create.client,
        overhead.create.raw,
        overhead.read.provider,
        overhead.read.client,
        overhead.read.readerLone,
        overhead.read.raw,
      ].map(sampleRow),
    ),
  );
  console.log(
    `  create overhead ${fixed(overhead.createOverhead)} (check + create ${fixed(overhead.checkCreateOverhead)}), ` +
      `read overhead ${fixed(overhead.readOverhead)} (lone read via CommitReader ${fixed(overhead.readerLoneOverhead)})`,
  );
  const med = (x: Samples) => median(x.ms) * 1000;
  console.log(
    `  per create: provider +${fixed(med(overhead.create.provider) - med(overhead.create.raw), 0)} µs over raw, of which client transport ` +
      `${fixed(med(overhead.create.client) - med(overhead.create.raw), 0)} µs and the provider's own work ` +
      `${fixed(med(overhead.create.provider) - med(overhead.create.client), 0)} µs; check before it ${fixed(med(overhead.create.check), 0)} µs`,
  );
  console.log(
    `  per read:   provider +${fixed(med(overhead.read.provider) - med(overhead.read.raw), 0)} µs over raw, of which client transport ` +
      `${fixed(med(overhead.read.client) - med(overhead.read.raw), 0)} µs and mapping ${fixed(med(overhead.read.provider) - med(overhead.read.client), 0)} µs`,
  );
  console.log(`  API calls per provider create ${overhead.callsPerCreate} (create + read-back), per read ${overhead.callsPerRead}`);
  console.log(
    table(
      "Provider CPU per step in a hot loop, no I/O (µs per call; a best case: between requests each costs more)",
      ["step", "µs"],
      overhead.cpu.map((c) => [c.step, fixed(c.us, 1)]),
    ),
  );

  console.log(
    table(
      "Serialized __provider (stored twice per resource)",
      ["provider", "bytes", "secret"],
      [
        ["our shim (dist/provider/resource/shim.js)", String(sizes.shimBytes), String(sizes.shimSecret)],
        ["same logic captured by value (bench/naive-provider.ts)", String(sizes.naiveBytes), String(sizes.naiveSecret)],
      ],
    ),
  );
  console.log(`  the by-value text requires: ${sizes.naiveRequires.join(", ") || "(nothing)"}`);

  const byVariant = new Map<string, typeof refresh.runs>();
  for (const run of refresh.runs) byVariant.set(`${run.variant}|${run.order}`, [...(byVariant.get(`${run.variant}|${run.order}`) ?? []), run]);
  console.log(
    table(
      `Refresh: ${refresh.commits} commits over ${refresh.customers} customers, ${refresh.parallel} reads in flight` +
        (refresh.listLatencyMs > 0 ? `, every list call delayed ${refresh.listLatencyMs} ms` : ""),
      ["reads", "order", "runs", "median ms", "API calls", "calls/commit"],
      [...byVariant.entries()].map(([key, runs]) => {
        const [variant, order] = key.split("|") as [string, string];
        const calls = median(runs.map((r) => r.calls));
        return [variant, order, String(runs.length), fixed(median(runs.map((r) => r.ms)), 0), String(calls), fixed(calls / refresh.commits, 3)];
      }),
    ),
  );
  console.log(
    `  state order: ${fixed(refresh.callsPerCommit, 3)} calls/commit, ${fixed(refresh.speedup)}x faster; ` +
      `shuffled: ${fixed(refresh.shuffledCallsPerCommit, 3)} calls/commit, ${fixed(refresh.shuffledSpeedup)}x faster`,
  );

  console.log(
    table(
      `Engine: pulumi up --parallel ${up.parallel} of ${up.commits} commits (CLI ${up.cliVersion}) vs a script`,
      ["run", "ms", "API calls", "plugin peak RSS MB", "plugin CPU ms", "CLI CPU ms", "program CPU ms", "checkpoint KB", "of it __provider KB"],
      up.runs.map((r) => [
        r.kind,
        fixed(r.ms, 0),
        String(r.calls ?? ""),
        r.plugin ? fixed(r.plugin.peakRssMb, 0) : "",
        r.plugin ? fixed(r.plugin.cpuMs, 0) : "",
        r.cli ? fixed(r.cli.cpuMs, 0) : "",
        r.kind === "raw" || r.selfCpuMs === undefined ? "" : fixed(r.selfCpuMs, 0),
        r.checkpointBytes === undefined ? "" : fixed(r.checkpointBytes / 1024, 0),
        r.providerTextBytes === undefined ? "" : fixed(r.providerTextBytes / 1024, 0),
      ]),
    ),
  );
  console.log(`  up ${fixed(up.upMs, 0)} ms vs script ${fixed(up.rawMs, 0)} ms: ${fixed(up.ratio)}x${up.emptyUpMs === undefined ? "" : `; empty up ${fixed(up.emptyUpMs, 0)} ms`}`);
  const engineRefresh = up.runs.find((r) => r.kind === "refresh (as built)");
  if (engineRefresh?.calls !== undefined) {
    console.log(
      `  pulumi refresh --parallel ${up.parallel} of those ${up.commits} commits, provider as built: ${engineRefresh.calls} API calls ` +
        `(${fixed(engineRefresh.calls / up.commits, 3)} per commit), ${fixed(engineRefresh.ms, 0)} ms`,
    );
  }
  if (up.baseline) {
    console.log(
      `  a bare node process holds ${up.baseline.node} MB; with @pulumi/pulumi and gRPC loaded ${up.baseline.pulumiSdk} MB; ` +
        `with pulumi-metronome too ${up.baseline.withPackage} MB (the plugin's floor)`,
    );
  }

  const targets = [
    ["create_overhead <= 1.10", overhead.createOverhead <= 1.1],
    ["read_overhead <= 1.10", overhead.readOverhead <= 1.1],
    ["shim_bytes <= 2560", sizes.shimBytes <= 2560],
    ["refresh_calls_per_commit <= 0.1", refresh.callsPerCommit <= 0.1],
  ] as const;
  console.log(`\nTargets: ${targets.map(([t, ok]) => `${t} ${ok ? "met" : "NOT met"}`).join("; ")}`);
  console.log(`Total ${((Date.now() - started) / 1000).toFixed(1)} s`);

  if (values.json) {
    fs.writeFileSync(values.json, `${JSON.stringify({ quick: !!values.quick, machine: machine(), node: process.version, pulumiSdk, overhead, sizes, refresh, up }, null, 2)}\n`);
  }

  console.log(
    `RESULT create_overhead=${fixed(overhead.createOverhead)} read_overhead=${fixed(overhead.readOverhead)} ` +
      `shim_bytes=${sizes.shimBytes} naive_bytes=${sizes.naiveBytes} ` +
      `refresh_calls_per_commit=${fixed(refresh.callsPerCommit, 3)} refresh_speedup=${fixed(refresh.speedup)} ` +
      `up_vs_raw=${fixed(up.ratio)} provider_rss_mb=${Number.isFinite(up.pluginPeakRssMb) ? Math.round(up.pluginPeakRssMb) : -1} ` +
      `check_create_overhead=${fixed(overhead.checkCreateOverhead)}`,
  );
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
