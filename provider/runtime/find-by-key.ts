import type { Commit } from "../api/wire";
import type { MetronomeClient } from "../client";

/**
 * The customer's commit that carries `uniquenessKey`, archived ones included,
 * or undefined. Metronome has no filter by key, so this pages through the
 * customer's commits. The key is matched exactly: no source shows Metronome
 * echoing a commit's key with a prefix, and a looser match could take over a
 * commit keyed `something:<our key>` that we never created.
 */
export async function findCommitByUniquenessKey(
  client: MetronomeClient,
  customerId: string,
  uniquenessKey: string,
): Promise<Commit | undefined> {
  for await (const commit of client.commits.list({ customer_id: customerId, include_archived: true })) {
    if (commit.uniqueness_key === uniquenessKey) return commit;
  }
  return undefined;
}
