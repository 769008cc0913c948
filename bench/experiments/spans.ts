// Where the wall time of one create (with its read-back) and one read goes,
// provider against raw undici, interleaved against one emulator process:
// undici's `request` is wrapped (both the client and the raw calls look it up
// at call time) to stamp when each request is sent and when its body has been
// read, so each operation splits into work before the first request, time on
// the wire (emulator included), work between requests, and work after.
// `node dist/bench/experiments/spans.js [n]` after a build.

import { toCreateBody } from "../../provider/core";
import { currentClient } from "../../provider/runtime/client-for";
import { commitReaderFor } from "../../provider/runtime/commit-reader";
import type { Outputs } from "../../provider/runtime/state";
import { BENCH_TOKEN, startEmulatorProcess } from "../emulator-process";
import { configureProvider, provider, PROVIDER_TEXT } from "../provider-under-test";
import { RawApi } from "../raw-api";
import { median } from "../stats";
import { canonicalArgs, commitArgs, seedWorld } from "../world";
import { runMain } from "./run-main";

// The module object itself (not an import binding), so that the wrapper below
// replaces `request` for every module that calls `undici.request`.
const undici = require("undici") as typeof import("undici");

interface Stamp {
  sent: number;
  read: number;
}
let stamps: Stamp[] = [];
const original = undici.request;
(undici as { request: typeof undici.request }).request = (async (...args: Parameters<typeof undici.request>) => {
  const stamp: Stamp = { sent: performance.now(), read: Number.NaN };
  stamps.push(stamp);
  const response = await original(...args);
  const text = response.body.text.bind(response.body);
  response.body.text = async () => {
    const body = await text();
    stamp.read = performance.now();
    return body;
  };
  return response;
}) as typeof undici.request;

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 400);
  const emulator = await startEmulatorProcess();
  const raw = new RawApi(emulator.url, BENCH_TOKEN);
  try {
    const world = await seedWorld(emulator.url, 4);
    await configureProvider(emulator.url);
    const reader = commitReaderFor(currentClient());
    const customerOf = (i: number) => world.customers[i % world.customers.length]!;
    const spans: Record<string, Record<string, number[]>> = {};
    const record = (label: string, start: number, end: number) => {
      const s = stamps;
      const parts: Record<string, number> = { total: end - start, before: s[0]!.sent - start, after: end - s[s.length - 1]!.read };
      s.forEach((st, k) => {
        parts[`wire${k + 1}`] = st.read - st.sent;
        if (k > 0) parts[`between${k}`] = st.sent - s[k - 1]!.read;
      });
      const bucket = (spans[label] ??= {});
      for (const [k, v] of Object.entries(parts)) (bucket[k] ??= []).push(v * 1000);
    };
    const made: Array<{ id: string; outs: Outputs }> = [];
    const warm = 30;
    for (let i = 0; i < warm + n; i++) {
      const customerId = customerOf(i).customerId;
      const rawBody = toCreateBody(canonicalArgs(commitArgs(world, customerOf(i), i, "spans-raw")));
      const args = commitArgs(world, customerOf(i), i, "spans-provider");
      const runs: Array<() => Promise<void>> = [
        async () => {
          stamps = [];
          const t0 = performance.now();
          await raw.read(customerId, await raw.create(rawBody));
          if (i >= warm) record("create raw", t0, performance.now());
        },
        async () => {
          const checked = await provider.check({}, { __provider: PROVIDER_TEXT, ...args });
          stamps = [];
          const t0 = performance.now();
          const result = await provider.create({ ...checked.inputs, __provider: PROVIDER_TEXT });
          if (i >= warm) record("create provider", t0, performance.now());
          made.push({ id: result.id, outs: result.outs as Outputs });
        },
      ];
      for (let k = 0; k < runs.length; k++) await runs[(i + k) % runs.length]!();
    }
    for (let i = 0; i < warm + 2 * n; i++) {
      const { id, outs } = made[i % made.length]!;
      const customerId = outs.customerId as string;
      const runs: Array<() => Promise<void>> = [
        async () => {
          stamps = [];
          const t0 = performance.now();
          await raw.read(customerId, id);
          if (i >= warm) record("read raw", t0, performance.now());
        },
        async () => {
          reader.invalidate(customerId);
          stamps = [];
          const t0 = performance.now();
          await provider.read(id, { __provider: PROVIDER_TEXT, ...outs });
          if (i >= warm) record("read provider", t0, performance.now());
        },
      ];
      for (let k = 0; k < runs.length; k++) await runs[(i + k) % runs.length]!();
    }
    for (const [label, parts] of Object.entries(spans)) {
      console.log(`${label.padEnd(16)} ${Object.entries(parts).map(([k, v]) => `${k} ${median(v).toFixed(0)}`).join("  ")}  (µs, medians)`);
    }
  } finally {
    await raw.close();
    await emulator.close();
  }
}

runMain(main);
