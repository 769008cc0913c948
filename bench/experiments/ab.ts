// A/B of two builds of the provider in one process, interleaved against one
// emulator with the raw undici calls as the yardstick: the way to tell a
// 20 µs change from the host's drift, which moves every figure between runs.
// Build the baseline elsewhere in the repo (so it finds node_modules), e.g.
//   git stash; tsc -p tsconfig.json --outDir .ab/base; git stash pop; tsc -p tsconfig.json
// then `node dist/bench/experiments/ab.js .ab/base [n]`.

import * as path from "node:path";
import { toCreateBody } from "../../provider/core";
import type { Outputs } from "../../provider/runtime/state";
import { BENCH_TOKEN, startEmulatorProcess } from "../emulator-process";
import * as current from "../provider-under-test";
import { RawApi } from "../raw-api";
import { median, wallAndCpu } from "../stats";
import { canonicalArgs, commitArgs, seedWorld } from "../world";
import { runMain } from "./run-main";

type Under = typeof current & { readerFor: (customerId: string) => void };

function load(root: string): Under {
  const mod = require(path.resolve(root, "bench/provider-under-test.js")) as typeof current;
  const clientFor = require(path.resolve(root, "provider/runtime/client-for.js")) as typeof import("../../provider/runtime/client-for");
  const reader = require(path.resolve(root, "provider/runtime/commit-reader.js")) as typeof import("../../provider/runtime/commit-reader");
  return { ...mod, readerFor: (customerId) => reader.commitReaderFor(clientFor.currentClient()).invalidate(customerId) };
}

async function main(): Promise<void> {
  const baseRoot = process.argv[2];
  if (baseRoot === undefined) throw new Error("usage: ab.js <base dist dir> [n]");
  const n = Number(process.argv[3] ?? 400);
  const builds: Record<string, Under> = { new: load(path.resolve(__dirname, "../..")), base: load(baseRoot) };
  const emulator = await startEmulatorProcess();
  const raw = new RawApi(emulator.url, BENCH_TOKEN);
  try {
    const world = await seedWorld(emulator.url, 4);
    for (const b of Object.values(builds)) await b.configureProvider(emulator.url);
    const customerOf = (i: number) => world.customers[i % world.customers.length]!;
    const { wall, cpu, measure } = wallAndCpu();
    const made: Record<string, Array<{ id: string; outs: Outputs }>> = { new: [], base: [] };
    const warm = 30;
    for (let i = 0; i < warm + n; i++) {
      const customerId = customerOf(i).customerId;
      const rawBody = toCreateBody(canonicalArgs(commitArgs(world, customerOf(i), i, "ab-raw")));
      const paths: Array<[string, () => Promise<void>]> = [
        ["raw", async () => void (await raw.read(customerId, await raw.create(rawBody)))],
        ...Object.entries(builds).map(([name, b]): [string, () => Promise<void>] => {
          const args = commitArgs(world, customerOf(i), i, `ab-${name}`);
          return [
            name,
            async () => {
              const c0 = performance.now();
              const checked = await b.provider.check({}, { __provider: b.PROVIDER_TEXT, ...args });
              const c1 = performance.now();
              const result = await b.provider.create({ ...checked.inputs, __provider: b.PROVIDER_TEXT });
              const c2 = performance.now();
              if (i >= warm) {
                (wall[`check ${name}`] ??= []).push((c1 - c0) * 1000);
                (wall[`create-only ${name}`] ??= []).push((c2 - c1) * 1000);
              }
              made[name]!.push({ id: result.id, outs: result.outs as Outputs });
            },
          ];
        }),
      ];
      for (let k = 0; k < paths.length; k++) {
        const [name, fn] = paths[(i + k) % paths.length]!;
        await measure(`create ${name}`, fn, i >= warm);
      }
    }
    for (let i = 0; i < warm + 2 * n; i++) {
      const paths: Array<[string, () => Promise<void>]> = [
        [
          "raw",
          async () => {
            const { id, outs } = made.new![i % made.new!.length]!;
            await raw.read(outs.customerId as string, id);
          },
        ],
        ...Object.entries(builds).map(([name, b]): [string, () => Promise<void>] => {
          const { id, outs } = made[name]![i % made[name]!.length]!;
          return [
            name,
            async () => {
              b.readerFor(outs.customerId as string);
              await b.provider.read(id, { __provider: b.PROVIDER_TEXT, ...outs });
            },
          ];
        }),
      ];
      for (let k = 0; k < paths.length; k++) {
        const [name, fn] = paths[(i + k) % paths.length]!;
        await measure(`read ${name}`, fn, i >= warm);
      }
    }
    const rawCreate = median(wall["create raw"]!);
    for (const name of Object.keys(builds)) {
      const only = median(wall[`create-only ${name}`]!);
      console.log(`create-only ${name.padEnd(5)} wall ${only.toFixed(0).padStart(5)} µs (x${(only / rawCreate).toFixed(3)})  check ${median(wall[`check ${name}`]!).toFixed(0)} µs`);
    }
    for (const op of ["create", "read"]) {
      const rawWall = median(wall[`${op} raw`]!);
      const rawCpu = median(cpu[`${op} raw`]!);
      for (const name of ["raw", ...Object.keys(builds)]) {
        const w = median(wall[`${op} ${name}`]!);
        const c = median(cpu[`${op} ${name}`]!);
        console.log(
          `${op.padEnd(6)} ${name.padEnd(5)} wall ${w.toFixed(0).padStart(5)} µs (x${(w / rawWall).toFixed(3)})  cpu ${c.toFixed(0).padStart(5)} µs (+${(c - rawCpu).toFixed(0)})`,
        );
      }
    }
  } finally {
    await raw.close();
    await emulator.close();
  }
}

runMain(main);
