// create_overhead and read_overhead: the provider's create (with its
// read-back) and read, as the engine calls them, against the same HTTP calls
// made directly with undici, one at a time, interleaved (the order rotates
// every iteration), against the same emulator. Ratio of medians.
//
// The engine calls `check` before `create`, as a separate RPC: it runs here
// too, before each iteration's runs, and is timed on its own; "check +
// create" (the two RPCs' times added, per commit) is reported beside
// create_overhead as check_create_overhead, so the whole per-resource cost
// is in the figures as well.

import { validateInputs, toCreateBody } from "../provider/core";
import { currentClient } from "../provider/runtime/client-for";
import { CommitReader, commitReaderFor } from "../provider/runtime/commit-reader";
import { stateOf, type Outputs } from "../provider/runtime/state";
import { BENCH_TOKEN, type EmulatorProcess } from "./emulator-process";
import { PROVIDER_TEXT, configureProvider, provider, readWith } from "./provider-under-test";
import { RawApi } from "./raw-api";
import { median, percentile, timed } from "./stats";
import { canonicalArgs, commitArgs, seedWorld } from "./world";

export interface Samples {
  label: string;
  ms: number[];
}

export interface OverheadResult {
  create: { provider: Samples; check: Samples; checkAndCreate: Samples; client: Samples; raw: Samples };
  read: { provider: Samples; client: Samples; readerLone: Samples; raw: Samples };
  /** API calls one provider operation makes (from the request log). */
  callsPerCreate: number;
  callsPerRead: number;
  /** CPU cost of each step of the provider's work, no I/O, µs per call. */
  cpu: Array<{ step: string; us: number }>;
  createOverhead: number;
  /** check + create against the same raw calls. */
  checkCreateOverhead: number;
  readOverhead: number;
  readerLoneOverhead: number;
}

interface Created {
  id: string;
  outs: Outputs;
}

export async function measureOverhead(emulator: EmulatorProcess, n: { creates: number; reads: number; warmup: number }): Promise<OverheadResult> {
  const world = await seedWorld(emulator.url, 4);
  await configureProvider(emulator.url);
  const raw = new RawApi(emulator.url, BENCH_TOKEN);
  const customerOf = (i: number) => world.customers[i % world.customers.length]!;

  // ---- create ------------------------------------------------------------
  const createP: number[] = [];
  const checkP: number[] = [];
  const bothP: number[] = [];
  const createR: number[] = [];
  const createC: number[] = [];
  const made: Created[] = [];
  const client = currentClient();
  for (let i = 0; i < n.warmup + n.creates; i++) {
    const customerId = customerOf(i).customerId;
    // What each side has before its clock starts, all made here, before any
    // of the three runs: the raw script's and the client's request bodies,
    // and the provider's checked inputs (check is the RPC the engine sends
    // before create; it is timed on its own). So whichever run comes first
    // follows the same work, and the order rotates.
    const rawBody = toCreateBody(canonicalArgs(commitArgs(world, customerOf(i), i, "overhead-raw")));
    const clientBody = toCreateBody(canonicalArgs(commitArgs(world, customerOf(i), i, "overhead-client")));
    const args = commitArgs(world, customerOf(i), i, "overhead-provider");
    const { ms: checkMs, value: checked } = await timed(() => provider.check({}, { __provider: PROVIDER_TEXT, ...args }));
    if (checked.failures?.length) throw new Error(`check failed: ${JSON.stringify(checked.failures)}`);

    const viaProvider = async () => {
      const { ms, value: result } = await timed(() => provider.create({ ...checked.inputs, __provider: PROVIDER_TEXT }));
      if (i >= n.warmup) {
        createP.push(ms);
        checkP.push(checkMs);
        bothP.push(checkMs + ms);
      }
      made.push({ id: result.id, outs: result.outs as Outputs });
    };
    const viaRaw = async () => {
      const { ms } = await timed(async () => {
        const id = await raw.create(rawBody);
        if ((await raw.read(customerId, id)) === undefined) throw new Error("raw read-back found nothing");
      });
      if (i >= n.warmup) createR.push(ms);
    };
    // The client's calls alone, with a body built in advance: client minus
    // raw is the transport's cost, provider minus client is the provider's.
    const viaClient = async () => {
      const { ms } = await timed(async () => {
        const { id } = await client.createCommit(clientBody);
        if ((await client.getCommit(customerId, id)) === undefined) throw new Error("client read-back found nothing");
      });
      if (i >= n.warmup) createC.push(ms);
    };
    const runs = [viaProvider, viaRaw, viaClient];
    for (let k = 0; k < runs.length; k++) await runs[(i + k) % runs.length]!();
  }

  // ---- read --------------------------------------------------------------
  // The same commits, one read at a time. Every read is a cold one: the
  // customer's cache (if the reader is wired in) is emptied first, outside
  // the clock, so this is the cost of one lookup, not of a cache hit.
  const readP: number[] = [];
  const readC: number[] = [];
  const readL: number[] = [];
  const readR: number[] = [];
  const reader = new CommitReader(currentClient());
  const wiredReader = commitReaderFor(currentClient());
  for (let i = 0; i < n.warmup + n.reads; i++) {
    const { id, outs } = made[i % made.length]!;
    const customerId = outs.customerId as string;
    const props = { __provider: PROVIDER_TEXT, ...outs };
    const runs: Array<() => Promise<void>> = [
      async () => {
        wiredReader.invalidate(customerId);
        const { ms, value } = await timed(() => provider.read(id, props));
        if (value.id !== id) throw new Error("provider read lost the commit");
        if (i >= n.warmup) readP.push(ms);
      },
      async () => {
        const { ms, value } = await timed(() => client.getCommit(customerId, id));
        if (value === undefined) throw new Error("client read found nothing");
        if (i >= n.warmup) readC.push(ms);
      },
      async () => {
        reader.invalidate(customerId);
        const { ms, value } = await timed(() => readWith((c, k) => reader.get(c, k), id, outs));
        if (value.id !== id) throw new Error("reader read lost the commit");
        if (i >= n.warmup) readL.push(ms);
      },
      async () => {
        const { ms, value } = await timed(() => raw.read(customerId, id));
        if (value === undefined) throw new Error("raw read found nothing");
        if (i >= n.warmup) readR.push(ms);
      },
    ];
    // Rotate which goes first.
    for (let k = 0; k < runs.length; k++) await runs[(i + k) % runs.length]!();
  }
  await raw.close();

  // ---- calls per operation (not timed) -------------------------------------
  await emulator.clearLog();
  const probe = 5;
  for (let i = 0; i < probe; i++) {
    const args = commitArgs(world, customerOf(i), i, "overhead-calls");
    const checked = await provider.check({}, { __provider: PROVIDER_TEXT, ...args });
    await provider.create({ ...checked.inputs, __provider: PROVIDER_TEXT });
  }
  const callsPerCreate = (await emulator.calls()).length / probe;
  await emulator.clearLog();
  for (let i = 0; i < probe; i++) {
    const { id, outs } = made[i]!;
    wiredReader.invalidate(outs.customerId as string);
    await provider.read(id, { __provider: PROVIDER_TEXT, ...outs });
  }
  const callsPerRead = (await emulator.calls()).length / probe;

  // ---- CPU per step ----------------------------------------------------------
  const sample = made[0]!;
  const commit = await client.getCommit(sample.outs.customerId as string, sample.id);
  if (commit === undefined) throw new Error("no commit to map");
  const declared = commitArgs(world, customerOf(0), 0, "cpu");
  const args = declared as unknown as Record<string, unknown>;
  const canonical = canonicalArgs(declared);
  const cpu = [
    { step: "check (engine calls it before create)", us: await cpuCost(() => provider.check({}, { __provider: PROVIDER_TEXT, ...args })) },
    { step: "validateInputs (create skips it for check's result)", us: await cpuCost(() => validateInputs(args)) },
    { step: "toCreateBody", us: await cpuCost(() => toCreateBody(canonical)) },
    { step: "stateOf: read-back -> outputs (create, read, update)", us: await cpuCost(() => stateOf(commit, sample.outs)) },
    { step: "structuredClone of a commit (CommitReader)", us: await cpuCost(() => structuredClone(commit)) },
  ];

  return {
    callsPerCreate,
    callsPerRead,
    cpu,
    create: {
      provider: { label: "provider create (+ read-back)", ms: createP },
      check: { label: "provider check (the RPC before create)", ms: checkP },
      checkAndCreate: { label: "provider check + create (added)", ms: bothP },
      client: { label: "client createCommit + getCommit only", ms: createC },
      raw: { label: "raw create + read-back (undici)", ms: createR },
    },
    read: {
      provider: { label: "provider read (as built)", ms: readP },
      client: { label: "client getCommit only", ms: readC },
      readerLone: { label: "read via CommitReader, lone", ms: readL },
      raw: { label: "raw read (undici)", ms: readR },
    },
    createOverhead: median(createP) / median(createR),
    checkCreateOverhead: median(bothP) / median(createR),
    readOverhead: median(readP) / median(readR),
    readerLoneOverhead: median(readL) / median(readR),
  };
}

export const summary = (s: Samples): { median: number; p90: number; n: number } => ({
  median: median(s.ms),
  p90: percentile(s.ms, 90),
  n: s.ms.length,
});

/**
 * Median µs per call of `fn` (sync or async), over batches of calls: a pure
 * CPU cost, no I/O. Batches keep timer resolution out of the figure; the
 * median keeps other processes' bursts out of it.
 */
async function cpuCost(fn: () => unknown, batches = 30, perBatch = 200): Promise<number> {
  const call = async (): Promise<void> => {
    const result = fn();
    if (result instanceof Promise) await result;
  };
  for (let i = 0; i < perBatch * 5; i++) await call(); // warm-up (JIT)
  const perCall: number[] = [];
  for (let b = 0; b < batches; b++) {
    const start = performance.now();
    for (let i = 0; i < perBatch; i++) await call();
    perCall.push(((performance.now() - start) / perBatch) * 1000);
  }
  return median(perCall);
}
