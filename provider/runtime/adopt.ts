import type { MetronomeClient } from "../client";
import type { CustomerCommitInputs } from "../core";
import { differences, formatDifferences } from "./differences";
import { AdoptionError } from "./errors";
import { fetchState, isArchived, type Outputs } from "./state";

/**
 * Takes over a commit that already exists in Metronome (`existingCommitId`),
 * the replacement for `pulumi import`, which dynamic providers cannot do. It
 * never creates and never edits: the commit must belong to the customer, be
 * live, and match the declaration field by field; otherwise the error lists
 * every difference so the declaration can be corrected.
 */
export async function adoptExistingCommit(
  client: MetronomeClient,
  inputs: CustomerCommitInputs,
): Promise<{ id: string; outs: Outputs }> {
  const commitId = inputs.existingCommitId as string;
  const state = await fetchState(client, inputs.customerId, commitId, inputs);
  if (state === undefined) {
    throw new AdoptionError(
      `Cannot adopt commit ${commitId}: customer ${inputs.customerId} has no such commit in Metronome ` +
        "(it does not exist, or it belongs to another customer). Check `existingCommitId` and `customerId`.",
    );
  }
  if (isArchived(state.commit)) {
    throw new AdoptionError(
      `Cannot adopt commit ${commitId}: it was archived at ${state.commit.archived_at}. Remove \`existingCommitId\` to create a new commit instead.`,
    );
  }
  const found = differences(jsonSafe(inputs), jsonSafe(state.inputs));
  // The key is part of the commit's identity, and the read-back mapping keeps
  // the declared one: compare it with the key Metronome holds, if any.
  const held = state.commit.uniqueness_key;
  if (typeof held === "string" && held !== inputs.uniquenessKey) {
    found.push({ path: "uniquenessKey", declared: inputs.uniquenessKey, actual: held });
  }
  if (found.length > 0) {
    throw new AdoptionError(
      `Cannot adopt commit ${commitId}: the declaration differs from what Metronome holds. ` +
        `Adoption never edits a commit; change the declaration to match, then run again:\n${formatDifferences(found)}`,
    );
  }
  return { id: commitId, outs: state.outputs };
}

function jsonSafe(value: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value));
}
