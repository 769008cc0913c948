// Preloaded into the dynamic-provider plugin by test/e2e/fault-matrix.test.ts
// (NODE_OPTIONS=--require <this file> in one engine's environment), so that
// the "create × timeout" row can make the client give up after a short
// deadline instead of the default 60 s. The package offers no user-facing
// setting for the per-request timeout (neither stack config nor an
// environment variable), only the test hook `setClientTuningForTests` in
// provider/runtime/client-for.ts; this file calls it before the plugin loads
// the package, in the plugin process itself.
//
// The module is required by its real path under dist/: the plugin resolves
// `require("pulumi-metronome")` through node_modules/pulumi-metronome, a
// symlink to this checkout, and Node keys modules by real path, so both
// requires share one module instance (and so one `tuning`).
"use strict";
const path = require("node:path");

const timeoutMs = Number(process.env.PULUMI_METRONOME_TEST_CLIENT_TIMEOUT_MS);
if (Number.isFinite(timeoutMs) && timeoutMs > 0) {
  const modulePath = path.resolve(__dirname, "..", "..", "dist", "provider", "runtime", "client-for.js");
  const clientFor = require(modulePath);
  if (typeof clientFor.setClientTuningForTests !== "function") {
    // Fail loudly: a renamed hook must not silently turn the row into a 60 s wait.
    throw new Error(`${modulePath} no longer exports setClientTuningForTests`);
  }
  // Synchronous part sets the tuning; the returned promise only closes clients (none yet).
  void clientFor.setClientTuningForTests({ timeoutMs });
}
