// CPU time this process spends per operation (process.cpuUsage), for the
// provider's create and read and for the same raw undici calls, interleaved
// against one emulator process. Wall time includes the emulator's own work;
// CPU time here is only ours, so the difference between provider and raw is
// the provider's cost with the server taken out.
// `node dist/bench/experiments/cpu-per-op.js [n] [only]` after a build; with
// `only` = provider|raw|client the loop runs that path alone (for --cpu-prof);
// `read` times the provider's reads alone (after untimed creates).

import { toCreateBody } from "../../provider/core";
import { currentClient } from "../../provider/runtime/client-for";
import { commitReaderFor } from "../../provider/runtime/commit-reader";
import type { Outputs } from "../../provider/runtime/state";
import { BENCH_TOKEN, startEmulatorProcess } from "../emulator-process";
import { configureProvider, provider, PROVIDER_TEXT } from "../provider-under-test";
import { RawApi } from "../raw-api";
import { median, wallAndCpu } from "../stats";
import { canonicalArgs, commitArgs, seedWorld } from "../world";
import { runMain } from "./run-main";

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 400);
  const only = process.argv[3];
  const emulator = await startEmulatorProcess();
  const raw = new RawApi(emulator.url, BENCH_TOKEN);
  try {
    const world = await seedWorld(emulator.url, 4);
    await configureProvider(emulator.url);
    const client = currentClient();
    const reader = commitReaderFor(client);
    const customerOf = (i: number) => world.customers[i % world.customers.length]!;
    const { wall, cpu, measure } = wallAndCpu();
    const made: Array<{ id: string; outs: Outputs }> = [];
    const warm = 30;
    for (let i = 0; i < warm + n; i++) {
      const rec = i >= warm;
      const args = commitArgs(world, customerOf(i), i, "cpu-provider");
      const needs = (path: string) => only === undefined || only === path;
      const rawBody = needs("raw") ? toCreateBody(canonicalArgs(commitArgs(world, customerOf(i), i, "cpu-raw"))) : undefined;
      const clientBody = needs("client") ? toCreateBody(canonicalArgs(commitArgs(world, customerOf(i), i, "cpu-client"))) : undefined!;
      const customerId = customerOf(i).customerId;
      const paths: Record<string, () => Promise<void>> = {
        provider: async () => {
          const checked = await provider.check({}, { __provider: PROVIDER_TEXT, ...args });
          const result = await provider.create({ ...checked.inputs, __provider: PROVIDER_TEXT });
          made.push({ id: result.id, outs: result.outs as Outputs });
        },
        client: async () => {
          const { id } = await client.createCommit(clientBody);
          await client.getCommit(customerId, id);
        },
        raw: async () => {
          const id = await raw.create(rawBody);
          await raw.read(customerId, id);
        },
      };
      const order = only === "read" ? ["provider"] : only ? [only] : Object.keys(paths);
      for (let k = 0; k < order.length; k++) {
        const name = order[(i + k) % order.length]!;
        await measure(`create ${name}`, paths[name]!, rec && only !== "read");
      }
    }
    if (!only || only === "provider" || only === "read") {
      for (let i = 0; i < warm + 2 * n; i++) {
        const rec = i >= warm;
        const { id, outs } = made[i % made.length]!;
        const customerId = outs.customerId as string;
        const paths: Record<string, () => Promise<void>> = {
          provider: async () => {
            reader.invalidate(customerId);
            await provider.read(id, { __provider: PROVIDER_TEXT, ...outs });
          },
          client: async () => void (await client.getCommit(customerId, id)),
          raw: async () => void (await raw.read(customerId, id)),
        };
        const order = only === "read" ? ["provider"] : only ? [] : Object.keys(paths);
        for (let k = 0; k < order.length; k++) {
          const name = order[(i + k) % order.length]!;
          await measure(`read ${name}`, paths[name]!, rec);
        }
      }
    }
    for (const label of Object.keys(cpu)) {
      console.log(`${label.padEnd(16)} n=${cpu[label]!.length} cpu median ${median(cpu[label]!).toFixed(0)} µs  wall median ${median(wall[label]!).toFixed(0)} µs`);
    }
  } finally {
    await raw.close();
    await emulator.close();
  }
}

runMain(main);
