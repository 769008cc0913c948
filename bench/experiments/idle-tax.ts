// The same CPU work costs several times more right after the process has
// been idle than in a hot loop. This is what every step of the provider pays
// after a network wait, and why the in-place figures in bench/RESULTS.md are
// 3 to 10 times the hot-loop ones. Measured on `stateOf` (the read-back
// mapping), with a freshly parsed commit each time:
//   - in a hot loop;
//   - after a turn of the event loop (setImmediate);
//   - after 1 ms of idle (setTimeout), as after a request on loopback.
// `node dist/bench/experiments/idle-tax.js` after a build.

import { currentClient } from "../../provider/runtime/client-for";
import { stateOf } from "../../provider/runtime/state";
import { startEmulatorProcess } from "../emulator-process";
import { configureProvider, provider, PROVIDER_TEXT } from "../provider-under-test";
import { median } from "../stats";
import { commitArgs, seedWorld } from "../world";
import { runMain } from "./run-main";

async function main(): Promise<void> {
  const emulator = await startEmulatorProcess();
  try {
    const world = await seedWorld(emulator.url, 1);
    await configureProvider(emulator.url);
    const customer = world.customers[0]!;
    const checked = await provider.check({}, { __provider: PROVIDER_TEXT, ...commitArgs(world, customer, 1, "idle-tax") });
    const created = await provider.create({ ...checked.inputs, __provider: PROVIDER_TEXT });
    const page = await currentClient().listCommitsPage({ customer_id: customer.customerId, commit_id: created.id });
    const text = JSON.stringify(page);
    const mapOnce = (): number => {
      const commit = (JSON.parse(text) as typeof page).data[0]!;
      const start = performance.now();
      stateOf(commit, checked.inputs);
      return (performance.now() - start) * 1000;
    };
    const hot = Array.from({ length: 20_000 }, mapOnce).slice(5_000);
    const afterTurn: number[] = [];
    const afterIdle: number[] = [];
    for (let i = 0; i < 300; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      afterTurn.push(mapOnce());
      await new Promise((resolve) => setTimeout(resolve, 1));
      afterIdle.push(mapOnce());
    }
    console.log(`stateOf, µs (medians): hot loop ${median(hot).toFixed(1)}, after a loop turn ${median(afterTurn).toFixed(1)}, after 1 ms idle ${median(afterIdle).toFixed(1)}`);
  } finally {
    await emulator.close();
  }
}

runMain(main);
