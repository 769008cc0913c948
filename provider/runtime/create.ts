import type { MetronomeClient } from "../client";
import { replacedProperties, toCreateBody, type CustomerCommitInputs } from "../core";
import { isUniquenessKeyConflict, mayHaveApplied } from "./ambiguity";
import { adoptExistingCommit } from "./adopt";
import { assertAdoptable } from "./claims";
import { differences, formatDifferences } from "./differences";
import { AdoptionError, AmbiguousWriteError, CreatedButUnreadError, UpdateIncompleteError } from "./errors";
import { findCommitByUniquenessKey } from "./find-by-key";
import { fetchState, isArchived, revisionOf, type Outputs } from "./state";
import { reconcile } from "./update";

const CREATE_ATTEMPTS = 3;

/**
 * Creates the commit once, ever. The create carries the resource's uniqueness
 * key, and Metronome refuses a second commit with the same key. Any failure
 * that may hide a created commit (a 409 on the key, a timeout, a lost
 * response, a 5xx) is settled by looking for the commit that carries our key
 * and adopting it; only when it is certainly absent is the create sent again.
 */
export async function createCommit(
  client: MetronomeClient,
  inputs: CustomerCommitInputs,
): Promise<{ id: string; outs: Outputs; adopted: boolean }> {
  if (inputs.existingCommitId !== undefined) return { ...(await adoptExistingCommit(client, inputs)), adopted: true };

  const { id, adopted } = await createOrFind(client, inputs);
  // From here on the commit exists: every failure must carry its id, so that
  // Pulumi records it (as "created, failed to initialize") instead of losing it.
  let state;
  try {
    state = await fetchState(client, inputs.customerId, id, inputs);
  } catch (error) {
    throw new CreatedButUnreadError(id, { ...inputs }, error);
  }
  if (state === undefined) throw new CreatedButUnreadError(id, { ...inputs }, "not found when read back");
  if (!adopted) return { id, outs: state.outputs, adopted };
  // An adopted commit was created by an earlier attempt, perhaps from inputs
  // the user has since edited: bring it to what is declared now. What cannot
  // be edited must already match (possible only with a declared key reused
  // across such a change; a derived key changes with these fields).
  const fixed = replacedProperties(state.outputs, inputs);
  if (fixed.length > 0) throw keyHolderDiffers(inputs, id, fixed, state.inputs);
  try {
    return { id, outs: await reconcile(client, id, state, inputs, revisionOf(state.outputs)), adopted };
  } catch (error) {
    if (error instanceof UpdateIncompleteError) throw error;
    throw new CreatedButUnreadError(id, state.outputs, error, "could not bring it to the declared state");
  }
}

async function createOrFind(
  client: MetronomeClient,
  inputs: CustomerCommitInputs,
): Promise<{ id: string; adopted: boolean }> {
  const body = toCreateBody(inputs);
  let lastError: unknown;
  for (let attempt = 1; attempt <= CREATE_ATTEMPTS; attempt++) {
    try {
      return { id: (await client.commits.create(body)).id, adopted: false };
    } catch (error) {
      const conflict = isUniquenessKeyConflict(error);
      if (!conflict && !mayHaveApplied(error)) throw error;
      lastError = error;
      let existing;
      try {
        existing = await findCommitByUniquenessKey(client, inputs.customerId, inputs.uniquenessKey);
      } catch (lookupError) {
        // The create may have gone through and we cannot look: the key makes
        // the next run safe, so say exactly that.
        if (conflict) throw lookupError;
        throw new AmbiguousWriteError("create", `commit with uniqueness key "${inputs.uniquenessKey}"`, error, lookupError);
      }
      if (existing !== undefined) {
        if (isArchived(existing)) throw archivedKeyHolder(inputs, existing.id);
        // Before any write to it: a commit that another declared resource
        // holds (or the resource being replaced) is never taken over.
        assertAdoptable(inputs, existing.id);
        return { id: existing.id, adopted: true };
      }
      if (conflict) {
        throw new AdoptionError(
          `Metronome says uniqueness key "${inputs.uniquenessKey}" is already used, but no commit of customer ` +
            `${inputs.customerId} carries it. It may belong to another customer's commit or credit. ` +
            "Set a different `uniquenessKey` on this resource.",
        );
      }
      // Certainly not created: safe to send again (the key still guards a race).
    }
  }
  throw new AmbiguousWriteError("create", `commit with uniqueness key "${inputs.uniquenessKey}"`, lastError);
}

function keyHolderDiffers(inputs: CustomerCommitInputs, commitId: string, properties: string[], held: Record<string, unknown>): AdoptionError {
  const pick = (o: Record<string, unknown>) => Object.fromEntries(properties.map((p) => [p, o[p]]));
  return new AdoptionError(
    `Commit ${commitId} of customer ${inputs.customerId} already carries uniqueness key "${inputs.uniquenessKey}" ` +
      "(an earlier attempt made it), but differs from the declaration in what Metronome cannot change in place:\n" +
      `${formatDifferences(differences(pick(inputs), pick(held)))}\n` +
      "Change the declaration to match, or set a new `uniquenessKey` to create a separate commit " +
      `(and archive ${commitId} in Metronome if it is not wanted).`,
  );
}

function archivedKeyHolder(inputs: CustomerCommitInputs, commitId: string): AdoptionError {
  return new AdoptionError(
    `Commit ${commitId} of customer ${inputs.customerId} already carries uniqueness key ` +
      `"${inputs.uniquenessKey}" but is archived, and Metronome never releases a key. ` +
      "To create a new commit, set a new `uniquenessKey` on this resource; " +
      "to keep what Metronome holds, adopt it explicitly with `existingCommitId` after unarchiving it in Metronome.",
  );
}
