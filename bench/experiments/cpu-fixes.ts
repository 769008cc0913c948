// What two proposed changes to provider/core would do to create_overhead and
// read_overhead, measured as the bench measures them (against the emulator,
// one operation at a time, interleaved with the raw calls). Run after a
// build: `node dist/bench/experiments/cpu-fixes.js [iterations]`. Not part of
// `npm run bench`: it patches the compiled core in this process only, and
// switches the patches on and off between operations.
//
//   fix 1  memoize timestamp parsing (core/timestamps.ts): check, validation
//          and the read-back mapping parse the same few strings again and
//          again, each time with a regex, two Dates and a Date.parse.
//   fix 2  let create reuse the inputs check returned instead of validating
//          them a second time (provider.ts `validated`): a lookup by their
//          stable JSON text.

import * as check from "../../provider/core/check";
import * as timestamps from "../../provider/core/timestamps";
import { stableStringify } from "../../provider/core/util";
import { toCreateBody, validateInputs, type CustomerCommitInputs } from "../../provider/core";
import type { Outputs } from "../../provider/runtime/state";
import { BENCH_TOKEN, startEmulatorProcess } from "../emulator-process";
import { configureProvider, provider, PROVIDER_TEXT } from "../provider-under-test";
import { RawApi } from "../raw-api";
import { table } from "../report";
import { median, timed } from "../stats";
import { commitArgs, seedWorld } from "../world";

type Fn = (...args: never[]) => unknown;
type Patchable = Record<string, Fn>;

/** A set of replacements for module exports, switchable on and off. */
function patch(target: object, replacements: Record<string, (original: Fn) => Fn>) {
  const exportsOf = target as Patchable;
  const originals = Object.fromEntries(Object.keys(replacements).map((name) => [name, exportsOf[name]!]));
  const patched = Object.fromEntries(Object.entries(replacements).map(([name, make]) => [name, make(originals[name]!)]));
  return { on: () => Object.assign(exportsOf, patched), off: () => Object.assign(exportsOf, originals) };
}

/** Bounded memo of a one-argument function over strings. */
function memoized(original: Fn): Fn {
  const memo = new Map<string, unknown>();
  return ((value: unknown) => {
    const call = original as (v: unknown) => unknown;
    if (typeof value !== "string") return call(value);
    if (memo.has(value)) return memo.get(value);
    const result = call(value);
    if (memo.size >= 1_000) memo.clear();
    memo.set(value, result);
    return result;
  }) as Fn;
}

// Fix 1. Every core module calls these through the module's exports.
const fix1 = patch(timestamps, { parseTimestamp: memoized, canonicalTimestamp: memoized, isTimestamp: memoized });

// Fix 2. What check returned, by its stable JSON text; create's validation looks there first.
const checked = new Map<string, ReturnType<typeof validateInputs>>();
const withoutProvider = (v: unknown) => Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([k]) => !k.startsWith("__")));
const fix2 = patch(check, {
  checkInputs: (original) =>
    ((olds: unknown, news: unknown) => {
      const result = (original as typeof check.checkInputs)(olds, news);
      if (result.failures.length === 0) {
        if (checked.size >= 256) checked.clear();
        checked.set(stableStringify(result.inputs), { ok: true, inputs: result.inputs as CustomerCommitInputs });
      }
      return result;
    }) as Fn,
  validateInputs: (original) =>
    ((value: unknown) => checked.get(stableStringify(withoutProvider(value))) ?? (original as typeof validateInputs)(value)) as Fn,
});

async function main(): Promise<void> {
  const iterations = Number(process.argv[2] ?? 300);
  const emulator = await startEmulatorProcess();
  const raw = new RawApi(emulator.url, BENCH_TOKEN);
  try {
    const world = await seedWorld(emulator.url, 4);
    await configureProvider(emulator.url);
    const customerOf = (i: number) => world.customers[i % world.customers.length]!;
    const variants = {
      now: () => (fix1.off(), fix2.off()),
      "fix 1": () => (fix1.on(), fix2.off()),
      "fixes 1 + 2": () => (fix1.on(), fix2.on()),
    };
    const createMs: Record<string, number[]> = { raw: [], now: [], "fix 1": [], "fixes 1 + 2": [] };
    const readMs: Record<string, number[]> = { raw: [], now: [], "fix 1": [] };
    const made: Array<{ id: string; outs: Outputs }> = [];

    for (let i = 0; i < iterations; i++) {
      const record = i >= 20; // warm-up
      const ops: Array<() => Promise<void>> = [
        async () => {
          const result = validateInputs(commitArgs(world, customerOf(i), i, "fix-raw") as unknown as Record<string, unknown>);
          if (!result.ok) throw new Error("invalid bench args");
          const body = toCreateBody(result.inputs);
          const { ms } = await timed(async () => raw.read(customerOf(i).customerId, await raw.create(body)));
          if (record) createMs.raw!.push(ms);
        },
        ...Object.entries(variants).map(([name, apply]) => async () => {
          apply();
          const args = commitArgs(world, customerOf(i), i, `fix-${name}`);
          const { ms, value } = await timed(async () => {
            const c = await provider.check({}, { __provider: PROVIDER_TEXT, ...args });
            return provider.create({ ...c.inputs, __provider: PROVIDER_TEXT });
          });
          if (record) createMs[name]!.push(ms);
          made.push({ id: value.id, outs: value.outs as Outputs });
        }),
      ];
      for (let k = 0; k < ops.length; k++) await ops[(i + k) % ops.length]!();
    }
    for (let i = 0; i < iterations * 2; i++) {
      const { id, outs } = made[i % made.length]!;
      const customerId = outs.customerId as string;
      const ops: Array<() => Promise<void>> = [
        async () => {
          const { ms } = await timed(() => raw.read(customerId, id));
          if (i >= 20) readMs.raw!.push(ms);
        },
        ...(["now", "fix 1"] as const).map((name) => async () => {
          variants[name]();
          const { ms } = await timed(() => provider.read(id, { __provider: PROVIDER_TEXT, ...outs }));
          if (i >= 20) readMs[name]!.push(ms);
        }),
      ];
      for (let k = 0; k < ops.length; k++) await ops[(i + k) % ops.length]!();
    }
    variants.now();

    const rows = (samples: Record<string, number[]>) => {
      const base = median(samples.raw!);
      return Object.entries(samples).map(([name, ms]) => [name, (median(ms) * 1000).toFixed(0), name === "raw" ? "" : (median(ms) / base).toFixed(2)]);
    };
    console.log(table(`check + create (+ read-back), ${iterations} each, interleaved`, ["variant", "median µs", "vs raw"], rows(createMs)));
    console.log(table(`read, ${iterations * 2} each, interleaved`, ["variant", "median µs", "vs raw"], rows(readMs)));
  } finally {
    await raw.close();
    await emulator.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
