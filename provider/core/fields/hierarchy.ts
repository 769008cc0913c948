// Which child contracts may draw a commit or credit down: set in Metronome
// (its dashboard or API), shown as an output, never sent by the provider.

import { canonicalId, canonicalSet, upper } from "../canonical-values";
import { type Obj, compact, isObj } from "../util";

/** A hierarchy configuration held in Metronome, in canonical form (ids as a sorted set). */
export function hierarchyOf(h: unknown): Obj | undefined {
  const access = isObj(h) ? h.child_access : undefined;
  if (!isObj(access)) return undefined;
  return { childAccess: compact({ contractIds: canonicalSet(access.contract_ids, canonicalId), type: upper(access.type) }) };
}
