import type { MetronomeClient } from "../client";
import type { KindBinding, KindRecord } from "./kind-binding";

/**
 * The customer's record of the binding's kind that carries `uniquenessKey`,
 * archived ones included, or undefined. Metronome has no filter by key, so
 * this pages through the customer's list. The key is matched exactly: no
 * source shows Metronome echoing a key with a prefix, and a looser match
 * could take over a record keyed `something:<our key>` that we never created.
 */
export async function findByUniquenessKey(
  binding: KindBinding,
  client: MetronomeClient,
  customerId: string,
  uniquenessKey: string,
): Promise<KindRecord | undefined> {
  for await (const record of binding.endpoints(client).list({ customer_id: customerId, include_archived: true } as { customer_id: string })) {
    if ((record as KindRecord).uniqueness_key === uniquenessKey) return record as KindRecord;
  }
  return undefined;
}
