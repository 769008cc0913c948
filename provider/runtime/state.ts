import type { MetronomeClient } from "../client";
import { type KindState, recordToState } from "../core/from-api";
import { type KindBinding, type KindRecord, readsOf } from "./kind-binding";

// Outputs are the canonical inputs as Metronome now holds them, plus server
// fields (schedule-item ids, a commit's createdAt and archivedAt) and
// `revision`, a counter of updates that sent writes (applied or refused): it
// keeps the idempotency keys of one update's writes apart from every other
// update's (update.ts).

import type { Outputs } from "./outputs";

export type { Outputs } from "./outputs";

/** A record as just read, mapped to state; `archivedAt` when it says it is archived. */
export type LiveRecord = KindState & { record: KindRecord; archivedAt: string | undefined };

/** The record as it stands, mapped to state; undefined if Metronome has no such record (credits: no live one). */
export async function fetchState(
  binding: KindBinding,
  client: MetronomeClient,
  customerId: string,
  id: string,
  prior: Outputs,
): Promise<LiveRecord | undefined> {
  // Reads of the same customer that arrive together (a refresh of many
  // resources) are served by one paged listing instead of a call each.
  const record = await readsOf(client, binding).get(customerId, id);
  return record === undefined ? undefined : stateOf(binding, record, prior);
}

/** A record already read, mapped to state against `prior` (no request). */
export function stateOf(binding: KindBinding, record: KindRecord, prior: Outputs): LiveRecord {
  const { inputs, outputs } = recordToState(binding.kind, record, prior);
  // `outputs` was made just now, for this state alone: no copy needed.
  outputs.revision = revisionOf(prior);
  return { record, inputs, outputs, archivedAt: binding.archivedAt(record) };
}

/** Archived records are gone for every purpose but key lookups. */
export const isArchived = (live: LiveRecord): boolean => live.archivedAt !== undefined;

export function revisionOf(outputs: Outputs): number {
  return typeof outputs.revision === "number" ? outputs.revision : 0;
}

/** Removes engine-internal keys (`__provider`) before anything reaches the API. */
export function withoutInternalKeys<T extends Record<string, unknown>>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) if (!key.startsWith("__")) out[key] = value[key];
  return out as T;
}
