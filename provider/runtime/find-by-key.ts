import type { Commit } from "../api/wire";
import type { MetronomeClient } from "../client";

/**
 * The customer's commit that carries `uniquenessKey`, archived ones included,
 * or undefined. Metronome has no filter by key, so this pages through the
 * customer's commits. The key is matched exactly, or as a `prefix:key` suffix
 * in case Metronome ever echoes it namespaced (it does so for packages).
 */
export async function findCommitByUniquenessKey(
  client: MetronomeClient,
  customerId: string,
  uniquenessKey: string,
): Promise<Commit | undefined> {
  for await (const commit of client.listCommits({ customer_id: customerId, include_archived: true })) {
    const held = commit.uniqueness_key;
    if (held === uniquenessKey || held?.endsWith(`:${uniquenessKey}`)) return commit;
  }
  return undefined;
}
