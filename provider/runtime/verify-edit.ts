import { planUpdate, type UpdatePlan } from "../core/edit-plan";
import type { DeclaredInputs } from "./create";
import type { KindBinding } from "./kind-binding";
import { differences, formatDifferences, type Difference } from "../core/differences";
import { DeleteRefusedError, UpdateIncompleteError } from "./errors";
import type { LiveRecord } from "./state";

// Metronome answers 200 to a request whose fields it ignores: a typo, but
// also a field it does not apply the way the provider assumed. No source
// says, for instance, that `description: ""` clears a description, or what
// ending access before it starts does. So a change counts as made only when
// the commit, read back, shows it; otherwise the operation fails naming what
// Metronome did not apply, instead of leaving a diff that returns on every
// `pulumi up` or a resource that was never really changed.

/** A declared change that Metronome accepted but that its read-back does not show. */
export class ChangeNotAppliedError extends Error {
  override readonly name = "ChangeNotAppliedError";
  constructor(readonly fields: string[], found: Difference[], noun = "commit") {
    super(
      `Metronome accepted the update but the ${noun} does not show it; it ignored ${fields.join(", ")}:\n` +
        `${formatDifferences(found)}\n` +
        "Change the declaration to what Metronome holds, or make this change in Metronome's dashboard and run `pulumi refresh`.",
    );
  }
}

/** Top-level properties an update plan would still change (edit fields by their input names, and custom fields). */
function propertiesLeft(plan: UpdatePlan): string[] {
  const camel = (wire: string) => wire.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
  const properties = Object.keys(plan.edit ?? {}).map(camel);
  if (plan.setCustomFields !== undefined || plan.deleteCustomFieldKeys !== undefined) properties.push("customFields");
  return properties.sort();
}

/**
 * After an update's writes: throws, carrying the commit as read back (so
 * Pulumi records what Metronome holds), unless it shows every declared
 * change. `applied` names the writes that were sent.
 */
export function verifyEdit(binding: KindBinding, commitId: string, readBack: LiveRecord, desired: DeclaredInputs, applied: readonly string[]): void {
  const noun = binding.kind.noun;
  const left = propertiesLeft(planUpdate(readBack.outputs, desired, binding.kind));
  if (left.length === 0) return;
  const pick = (o: Record<string, unknown>) => JSON.parse(JSON.stringify(Object.fromEntries(left.map((p) => [p, o[p]]))));
  const found = differences(pick(desired), pick(readBack.inputs));
  throw new UpdateIncompleteError(commitId, readBack.outputs, applied, new ChangeNotAppliedError([...new Set(found.map((d) => d.path))], found, noun), noun);
}

/**
 * After Metronome answered an end of access (`updateEndDate`): throws unless
 * the commit, read back, ends by `end`.
 */
export async function verifyAccessEnded(commitId: string, customerId: string, end: string, hasEnded: () => Promise<boolean>, noun = "commit"): Promise<void> {
  if (await hasEnded()) return;
  throw new DeleteRefusedError(
    `Metronome refused to end access to ${noun} ${commitId} of customer ${customerId}: it answered the request, but the ${noun}'s access ` +
      `does not end by ${end}, so it ignored access_ending_before (access that has not started may not be endable). ` +
      'Set `onDelete: "archive"` to archive it instead, or `onDelete: "forget"` to stop managing it and leave it in Metronome ' +
      "(run `pulumi up` first so the new policy is stored).",
  );
}
