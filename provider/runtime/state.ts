import type { Commit } from "../api/wire";
import type { MetronomeClient } from "../client";
import { commitToState, type CustomerCommitInputs } from "../core";
import { commitReaderFor } from "./commit-reader";

// Outputs are the canonical inputs as Metronome now holds them, plus server
// fields (schedule-item ids, createdAt, archivedAt) and `revision`, a counter
// of updates that sent writes (applied or refused): it keeps the idempotency
// keys of one update's writes apart from every other update's (update.ts).

export type Outputs = Record<string, unknown>;

export interface CommitState {
  inputs: Record<string, unknown>;
  outputs: Outputs;
}

export type LiveCommit = CommitState & { commit: Commit };

/** The commit as it stands, mapped to state; undefined if Metronome has no such commit. */
export async function fetchState(
  client: MetronomeClient,
  customerId: string,
  commitId: string,
  prior: Outputs,
): Promise<LiveCommit | undefined> {
  // Reads of the same customer that arrive together (a refresh of many
  // commits) are served by one paged listing instead of a call each.
  const commit = await commitReaderFor(client).get(customerId, commitId);
  return commit === undefined ? undefined : stateOf(commit, prior);
}

/** A commit already read, mapped to state against `prior` (no request). */
export function stateOf(commit: Commit, prior: Outputs): LiveCommit {
  const { inputs, outputs } = commitToState(commit, prior as CustomerCommitInputs);
  // `outputs` was made just now, for this state alone: no copy needed.
  (outputs as Outputs).revision = revisionOf(prior);
  return { commit, inputs, outputs };
}

/** Archived commits are gone for every purpose but key lookups (`archived_at` may be absent or null when live). */
export function isArchived(commit: Commit): boolean {
  const at: unknown = commit.archived_at;
  return typeof at === "string" && at !== "";
}

export function revisionOf(outputs: Outputs): number {
  return typeof outputs.revision === "number" ? outputs.revision : 0;
}

/** Removes engine-internal keys (`__provider`) before anything reaches the API. */
export function withoutInternalKeys<T extends Record<string, unknown>>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) if (!key.startsWith("__")) out[key] = value[key];
  return out as T;
}
