#!/usr/bin/env node
// `pulumi-metronome-emulator [--port N] [--token T] [--data FILE]
// [--latency-ms MS] [--strict-fields] [--ignore-unsourced]`: runs the
// emulator until SIGINT/SIGTERM. The token is read from --token or
// METRONOME_BEARER_TOKEN and never printed.

import { parseArgs } from "node:util";
import { DEFAULT_EMULATOR_TOKEN, startEmulator } from "./index";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string" },
      token: { type: "string" },
      data: { type: "string" },
      "latency-ms": { type: "string" },
      "strict-fields": { type: "boolean" },
      "ignore-unsourced": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write("usage: pulumi-metronome-emulator [--port N] [--token TOKEN] [--data FILE] [--latency-ms MS] [--strict-fields] [--ignore-unsourced]\n");
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0..65535, got ${values.port}`);
  const latencyText = values["latency-ms"] ?? "0";
  if (!/^\d+$/.test(latencyText)) throw new Error(`--latency-ms must be a whole number of milliseconds, got ${latencyText}`);
  const latencyMs = Number(latencyText);
  const emulator = await startEmulator({
    port,
    bearerToken: values.token ?? process.env.METRONOME_BEARER_TOKEN ?? DEFAULT_EMULATOR_TOKEN,
    dataFile: values.data,
    latencyMs,
    strictFields: values["strict-fields"] ?? false,
    ignoreUnsourced: values["ignore-unsourced"] ?? false,
  });
  const stop = (): void => {
    emulator.close().then(() => process.exit(0), () => process.exit(1));
  };
  // Handlers first: whoever reads the URL line may signal at once.
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  process.stdout.write(`Metronome emulator listening on ${emulator.url}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`pulumi-metronome-emulator: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
