// Only the create/read overhead section of the bench, with a chosen N: a
// quicker, steadier loop for working on the provider's CPU cost.
// `node dist/bench/experiments/overhead-only.js [creates] [reads]` after a build.

import { startEmulatorProcess } from "../emulator-process";
import { measureOverhead, summary } from "../overhead";
import { fixed } from "../stats";
import { runMain } from "./run-main";

async function main(): Promise<void> {
  const creates = Number(process.argv[2] ?? 300);
  const reads = Number(process.argv[3] ?? 2 * creates);
  const emulator = await startEmulatorProcess();
  try {
    const o = await measureOverhead(emulator, { creates, reads, warmup: 20 });
    const rows = [o.create.provider, o.create.check, o.create.checkAndCreate, o.create.client, o.create.raw, o.read.provider, o.read.client, o.read.readerLone, o.read.raw];
    for (const s of rows) {
      const x = summary(s);
      console.log(`  ${s.label.padEnd(40)} ${String(x.n).padStart(4)} ${fixed(x.median, 3)} ${fixed(x.p90, 3)}`);
    }
    for (const c of o.cpu) console.log(`  ${c.step.padEnd(54)} ${fixed(c.us, 1)} µs`);
    console.log(`create_overhead=${fixed(o.createOverhead)} read_overhead=${fixed(o.readOverhead)} check_create_overhead=${fixed(o.checkCreateOverhead)}`);
  } finally {
    await emulator.close();
  }
}

runMain(main);
