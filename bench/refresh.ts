// refresh_calls_per_commit and refresh_speedup: `pulumi refresh` of many
// commits, as the engine issues it: every resource's read, `parallel` at a
// time, in state order, all through one plugin process. Each round starts
// cold (a new reader) and counts the API calls in the emulator's request
// log. Variants, run in alternating order round after round:
//   - one list call per commit: runtime/read.ts as it stands (fetchState ->
//     client.getCommit);
//   - coalesced: the same read with the commit fetched through CommitReader.
// Both answer every read; the bench checks that they answer the same.

import { MetronomeClient } from "../provider/client";
import { CommitReader } from "../provider/runtime/commit-reader";
import type { Outputs } from "../provider/runtime/state";
import { BENCH_TOKEN, type EmulatorProcess } from "./emulator-process";
import { PROVIDER_TEXT, configureProvider, provider, readWith, type GetCommit } from "./provider-under-test";
import { LIST_PATH } from "./raw-api";
import { median, pool, timed } from "./stats";
import { commitsByCustomer, seedWorld } from "./world";

export interface RefreshRun {
  variant: string;
  order: string;
  ms: number;
  calls: number;
}

export interface RefreshResult {
  /** Latency added to every list call during the reads, ms (0: loopback as is). */
  listLatencyMs: number;
  commits: number;
  customers: number;
  parallel: number;
  runs: RefreshRun[];
  /** Median calls per commit, coalesced, state order. */
  callsPerCommit: number;
  /** Median wall time, one call per commit / coalesced, state order. */
  speedup: number;
  /** The same two figures with the state order shuffled across customers. */
  shuffledCallsPerCommit: number;
  shuffledSpeedup: number;
}

interface StateEntry {
  id: string;
  outs: Outputs;
}

export async function measureRefresh(
  emulator: EmulatorProcess,
  opts: { customers: number; perCustomer: number; parallel: number; rounds: number; listLatencyMs?: number },
): Promise<RefreshResult> {
  const world = await seedWorld(emulator.url, opts.customers);
  await configureProvider(emulator.url);
  // The stack: created through the provider, so the outputs are what state holds.
  const declared = commitsByCustomer(world, opts.perCustomer, "refresh");
  const state: StateEntry[] = await pool(declared, 16, async (args) => {
    const checked = await provider.check({}, { __provider: PROVIDER_TEXT, ...args });
    const { id, outs } = await provider.create({ ...checked.inputs, __provider: PROVIDER_TEXT });
    return { id, outs: outs as Outputs };
  });
  // `up` completes resources in roughly the order they were declared; the
  // shuffled order is the unfavourable case of customers mixed throughout.
  const shuffled = shuffle(state, 7);
  // Optionally, reads as against a far-away API (`--api-latency-ms`).
  if (opts.listLatencyMs) await emulator.delay(LIST_PATH, opts.listLatencyMs);

  const client = new MetronomeClient({ baseUrl: emulator.url, bearerToken: BENCH_TOKEN });
  const naive: GetCommit = (customerId, commitId) => client.getCommit(customerId, commitId);
  const runs: RefreshRun[] = [];
  let reference: string[] | undefined;

  const refresh = async (variant: string, order: string, entries: StateEntry[]) => {
    const get: GetCommit = variant === "coalesced" ? readerGet(new CommitReader(client)) : naive;
    await emulator.clearLog();
    const { ms, value } = await timed(() => pool(entries, opts.parallel, ({ id, outs }) => readWith(get, id, outs)));
    const calls = (await emulator.calls()).length;
    runs.push({ variant, order, ms, calls });
    // Same answers whatever the variant (compared in state order).
    const byId = new Map(value.map((r) => [r.id, JSON.stringify(r)]));
    const answers = state.map((e) => byId.get(e.id) ?? "missing");
    if (reference === undefined) reference = answers;
    else if (answers.some((a, i) => a !== reference![i])) throw new Error(`${variant} refresh answered differently`);
  };

  // Warm-up (connections, JIT), not recorded.
  await pool(state.slice(0, 50), opts.parallel, ({ id, outs }) => readWith(naive, id, outs));
  for (let round = 0; round < opts.rounds; round++) {
    const variants = round % 2 === 0 ? ["one call per commit", "coalesced"] : ["coalesced", "one call per commit"];
    for (const variant of variants) await refresh(variant, "state", state);
    for (const variant of variants) await refresh(variant, "shuffled", shuffled);
  }
  // And the provider as built, once, for the record.
  await emulator.clearLog();
  const asBuilt = await timed(() => pool(state, opts.parallel, ({ id, outs }) => provider.read(id, { __provider: PROVIDER_TEXT, ...outs })));
  runs.push({ variant: "provider.read as built", order: "state", ms: asBuilt.ms, calls: (await emulator.calls()).length });
  await client.close();

  const pick = (variant: string, order: string) => runs.filter((r) => r.variant === variant && r.order === order);
  const figures = (order: string) => ({
    callsPerCommit: median(pick("coalesced", order).map((r) => r.calls)) / state.length,
    speedup: median(pick("one call per commit", order).map((r) => r.ms)) / median(pick("coalesced", order).map((r) => r.ms)),
  });
  const inState = figures("state");
  const inShuffled = figures("shuffled");
  return {
    listLatencyMs: opts.listLatencyMs ?? 0,
    commits: state.length,
    customers: opts.customers,
    parallel: opts.parallel,
    runs,
    callsPerCommit: inState.callsPerCommit,
    speedup: inState.speedup,
    shuffledCallsPerCommit: inShuffled.callsPerCommit,
    shuffledSpeedup: inShuffled.speedup,
  };
}

function readerGet(reader: CommitReader): GetCommit {
  return (customerId, commitId) => reader.get(customerId, commitId);
}

/** A deterministic shuffle (so runs are comparable). */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0;
  const random = () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 4_294_967_296;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
