import type { MetronomeClient } from "../client";
import type { CustomerCommitInputs, CustomerCreditInputs } from "../core/inputs";
import { existingIdOf } from "../core/kind/kind";
import { createBodyOf } from "../core/payload";
import { replacedProperties } from "../core/replace";
import { isUniquenessKeyConflict, mayHaveApplied } from "./ambiguity";
import { adoptExisting } from "./adopt";
import { assertAdoptable } from "./claims";
import { differences, formatDifferences } from "../core/differences";
import { AdoptionError, AmbiguousWriteError, CreatedButUnreadError, UpdateIncompleteError } from "./errors";
import { findByUniquenessKey } from "./find-by-key";
import type { KindBinding } from "./kind-binding";
import { fetchState, revisionOf, type Outputs } from "./state";
import { reconcile } from "./update";

const CREATE_ATTEMPTS = 3;

/** Canonical inputs of either kind: what create and update receive after validation. */
export type DeclaredInputs = CustomerCommitInputs | CustomerCreditInputs;

const capital = (noun: string): string => noun.charAt(0).toUpperCase() + noun.slice(1);

/**
 * Creates the commit or credit once, ever. The create carries the resource's
 * uniqueness key, and Metronome refuses a second record with the same key.
 * Any failure that may hide a created record (a 409 on the key, a timeout, a
 * lost response, a 5xx) is settled by looking for the record that carries our
 * key and adopting it; only when it is certainly absent is the create sent
 * again.
 */
export async function createRecord(
  binding: KindBinding,
  client: MetronomeClient,
  inputs: DeclaredInputs,
): Promise<{ id: string; outs: Outputs; adopted: boolean }> {
  const { noun } = binding.kind;
  if (existingIdOf(binding.kind, inputs) !== undefined) return { ...(await adoptExisting(binding, client, inputs)), adopted: true };

  const { id, adopted } = await createOrFind(binding, client, inputs);
  // From here on the record exists: every failure must carry its id, so that
  // Pulumi records it (as "created, failed to initialize") instead of losing it.
  let state;
  try {
    state = await fetchState(binding, client, inputs.customerId, id, inputs);
  } catch (error) {
    throw new CreatedButUnreadError(id, { ...inputs }, error, undefined, noun);
  }
  if (state === undefined) throw new CreatedButUnreadError(id, { ...inputs }, "not found when read back", undefined, noun);
  if (!adopted) return { id, outs: state.outputs, adopted };
  // An adopted record was created by an earlier attempt, perhaps from inputs
  // the user has since edited: bring it to what is declared now. What cannot
  // be edited must already match (possible only with a declared key reused
  // across such a change; a derived key changes with these fields).
  const fixed = replacedProperties(state.outputs, inputs, binding.kind);
  if (fixed.length > 0) throw keyHolderDiffers(noun, inputs, id, fixed, state.inputs);
  try {
    return { id, outs: await reconcile(binding, client, id, state, inputs, revisionOf(state.outputs)), adopted };
  } catch (error) {
    if (error instanceof UpdateIncompleteError) throw error;
    throw new CreatedButUnreadError(id, state.outputs, error, "could not bring it to the declared state", noun);
  }
}

async function createOrFind(binding: KindBinding, client: MetronomeClient, inputs: DeclaredInputs): Promise<{ id: string; adopted: boolean }> {
  const { noun } = binding.kind;
  const body = createBodyOf(binding.kind, inputs);
  const what = `${noun} with uniqueness key "${inputs.uniquenessKey}"`;
  let lastError: unknown;
  for (let attempt = 1; attempt <= CREATE_ATTEMPTS; attempt++) {
    try {
      return { id: (await binding.endpoints(client).create(body as never)).id, adopted: false };
    } catch (error) {
      const conflict = isUniquenessKeyConflict(error);
      if (!conflict && !mayHaveApplied(error)) throw error;
      lastError = error;
      let existing;
      try {
        existing = await findByUniquenessKey(binding, client, inputs.customerId, inputs.uniquenessKey);
        if (existing !== undefined && (await binding.isArchived(client, inputs.customerId, existing))) throw archivedKeyHolder(binding, inputs, existing.id);
      } catch (lookupError) {
        // The create may have gone through and we cannot look: the key makes
        // the next run safe, so say exactly that.
        if (conflict || lookupError instanceof AdoptionError) throw lookupError;
        throw new AmbiguousWriteError("create", what, error, lookupError);
      }
      if (existing !== undefined) {
        // Before any write to it: a record that another declared resource
        // holds (or the resource being replaced) is never taken over.
        assertAdoptable(inputs, existing.id, noun);
        return { id: existing.id, adopted: true };
      }
      if (conflict) {
        throw new AdoptionError(
          `Metronome says uniqueness key "${inputs.uniquenessKey}" is already used, but no ${noun} of customer ` +
            `${inputs.customerId} carries it. It may belong to another customer's commit or credit, or to a ` +
            `${noun === "credit" ? "commit" : "credit"} of this customer (commits and credits share one key space). ` +
            "Set a different `uniquenessKey` on this resource.",
        );
      }
      // Certainly not created: safe to send again (the key still guards a race).
    }
  }
  throw new AmbiguousWriteError("create", what, lastError);
}

function keyHolderDiffers(noun: string, inputs: DeclaredInputs, id: string, properties: string[], held: Record<string, unknown>): AdoptionError {
  const pick = (o: Record<string, unknown>) => Object.fromEntries(properties.map((p) => [p, o[p]]));
  return new AdoptionError(
    `${capital(noun)} ${id} of customer ${inputs.customerId} already carries uniqueness key "${inputs.uniquenessKey}" ` +
      "(an earlier attempt made it), but differs from the declaration in what Metronome cannot change in place:\n" +
      `${formatDifferences(differences(pick(inputs), pick(held)))}\n` +
      `Change the declaration to match, or set a new \`uniquenessKey\` to create a separate ${noun} ` +
      `(and archive ${id} in Metronome if it is not wanted).`,
  );
}

function archivedKeyHolder(binding: KindBinding, inputs: DeclaredInputs, id: string): AdoptionError {
  const { noun, existingIdField } = binding.kind;
  return new AdoptionError(
    `${capital(noun)} ${id} of customer ${inputs.customerId} already carries uniqueness key ` +
      `"${inputs.uniquenessKey}" but is archived, and Metronome never releases a key. ` +
      `To create a new ${noun}, set a new \`uniquenessKey\` on this resource; ` +
      `to keep what Metronome holds, adopt it explicitly with \`${existingIdField}\` after unarchiving it in Metronome.`,
  );
}
