import type { MetronomeClient } from "../client";
import { existingIdOf } from "../core/kind/kind";
import type { DeclaredInputs } from "./create";
import { differences, formatDifferences } from "../core/differences";
import { AdoptionError } from "./errors";
import type { KindBinding } from "./kind-binding";
import { fetchState, isArchived, type Outputs } from "./state";

/**
 * Takes over a commit or credit that already exists in Metronome (the kind's
 * `existingCommitId` / `existingCreditId`), the replacement for `pulumi
 * import`, which dynamic providers cannot do. It never creates and never
 * edits: the record must belong to the customer, be live, and match the
 * declaration field by field; otherwise the error lists every difference so
 * the declaration can be corrected.
 */
export async function adoptExisting(
  binding: KindBinding,
  client: MetronomeClient,
  inputs: DeclaredInputs,
): Promise<{ id: string; outs: Outputs }> {
  const { noun, existingIdField } = binding.kind;
  const id = existingIdOf(binding.kind, inputs) as string;
  const state = await fetchState(binding, client, inputs.customerId, id, inputs);
  if (state === undefined) {
    const which = noun === "credit" ? "no such live credit" : `no such ${noun}`;
    throw new AdoptionError(
      `Cannot adopt ${noun} ${id}: customer ${inputs.customerId} has ${which} in Metronome ` +
        `(${noun === "credit" ? "it does not exist, it belongs to another customer, or it is archived" : "it does not exist, or it belongs to another customer"}). ` +
        `Check \`${existingIdField}\` and \`customerId\`.`,
    );
  }
  if (isArchived(state)) {
    throw new AdoptionError(
      `Cannot adopt ${noun} ${id}: it was archived at ${state.archivedAt}. Remove \`${existingIdField}\` to create a new ${noun} instead.`,
    );
  }
  const found = differences(jsonSafe(inputs), jsonSafe(state.inputs));
  // The key is part of the record's identity, and the read-back mapping keeps
  // the declared one: compare it with the key Metronome holds, if any.
  const held = state.record.uniqueness_key;
  if (typeof held === "string" && held !== inputs.uniquenessKey) {
    found.push({ path: "uniquenessKey", declared: inputs.uniquenessKey, actual: held });
  }
  if (found.length > 0) {
    throw new AdoptionError(
      `Cannot adopt ${noun} ${id}: the declaration differs from what Metronome holds. ` +
        `Adoption never edits a ${noun}; change the declaration to match, then run again:\n${formatDifferences(found)}`,
    );
  }
  return { id, outs: state.outputs };
}

function jsonSafe(value: object): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value));
}
