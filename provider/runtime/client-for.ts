import { MetronomeClient, type MetronomeClientOptions } from "../client";
import { commitBinding, creditBinding, readsOf } from "./kind-binding";
import { resolveCredentials } from "./credentials";

// One client per (base URL, token) for the life of the plugin process. Pulumi
// runs every dynamic resource of a deployment in one plugin process, so all
// commits share a keep-alive connection pool instead of opening a connection
// per call.
const clients = new Map<string, MetronomeClient>();

/** Client options other than where and who; the defaults suit Metronome. */
export type ClientTuning = Omit<MetronomeClientOptions, "baseUrl" | "bearerToken">;

let tuning: ClientTuning = {};

export function currentClient(): MetronomeClient {
  const { baseUrl, bearerToken } = resolveCredentials();
  const key = `${baseUrl}\u0000${bearerToken}`;
  let client = clients.get(key);
  if (client === undefined) {
    client = new MetronomeClient({ ...tuning, baseUrl, bearerToken });
    // From now on the readers observe its writes.
    readsOf(client, commitBinding);
    readsOf(client, creditBinding);
    clients.set(key, client);
  }
  return client;
}

/**
 * Test hook: the options every client made from now on gets (e.g. a short
 * `timeoutMs`, fewer retries, a capped `Retry-After`). Closes and forgets the
 * clients made so far so the next call uses the new options. `{}` restores the
 * defaults. Not part of the package's public surface.
 */
export async function setClientTuningForTests(options: ClientTuning): Promise<void> {
  tuning = { ...options };
  await closeClients();
}

/** Closes every cached client's connection pool (tests, or a host shutting down). */
export async function closeClients(): Promise<void> {
  const all = [...clients.values()];
  clients.clear();
  await Promise.all(all.map((client) => client.close().catch(() => undefined)));
}
