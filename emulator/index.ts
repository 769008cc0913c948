// Public entry of `pulumi-metronome/emulator`: a local, stateful stand-in for
// the Metronome API (customer commit and credit endpoints plus what they
// refer to), with fault injection and a request log under /_emulator/. See
// README.md.

import { startServer } from "./server";

export { USD_CENTS_CREDIT_TYPE_ID, EUR_CENTS_CREDIT_TYPE_ID, CLOUD_CREDITS_CREDIT_TYPE_ID } from "./credit-types";

/** The token the emulator accepts when none is configured. Not a secret: the emulator is local only. */
export const DEFAULT_EMULATOR_TOKEN = "metronome-emulator-token";

export interface EmulatorOptions {
  /** TCP port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  /** The only bearer token accepted; DEFAULT_EMULATOR_TOKEN when omitted. */
  bearerToken?: string;
  /** JSON file holding the state across restarts; in memory when omitted. */
  dataFile?: string;
  /**
   * Milliseconds added to every Metronome request before it is served (the
   * control surface under /_emulator/ is never delayed): a far-away API for
   * benchmarks. 0 (the default) adds none.
   */
  latencyMs?: number;
  /**
   * Refuse (400, naming them) request body fields that Metronome's spec does
   * not define for the endpoint (the facts in spec/request-fields.json).
   * Metronome itself ignores unknown fields, so this is off by default; the
   * test suite turns it on to catch a misspelled or invented field.
   */
  strictFields?: boolean;
  /**
   * Ignore what the provider would otherwise rely on with no source saying
   * Metronome does it: an edit to `description: ""`, an invoice item update
   * giving `amount` alone or only one of `unit_price`/`quantity`, an
   * `updateEndDate` that would end access before it starts (answered 200,
   * nothing changed), and `applicable_product_ids` read back as
   * `specifiers`. Off by default; the provider's tests run against it.
   */
  ignoreUnsourced?: boolean;
}

export interface Emulator {
  /** Base URL, e.g. http://127.0.0.1:41234, to pass as the SDK's baseURL. */
  url: string;
  /** Stops listening and ends every open connection. */
  close(): Promise<void>;
}

export function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const latencyMs = options.latencyMs ?? 0;
  if (!Number.isInteger(latencyMs) || latencyMs < 0) {
    return Promise.reject(new Error(`latencyMs must be a non-negative integer, got ${String(options.latencyMs)}`));
  }
  return startServer({
    port: options.port ?? 0,
    bearerToken: options.bearerToken ?? DEFAULT_EMULATOR_TOKEN,
    dataFile: options.dataFile,
    latencyMs,
    strictFields: options.strictFields ?? false,
    ignoreUnsourced: options.ignoreUnsourced ?? false,
  });
}
