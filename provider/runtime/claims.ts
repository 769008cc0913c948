// The provider's refusals built on the deployment ledger: each one is made
// before any write to Metronome and says which commit, which resource holds
// it, and how to get a new commit or keep this one.

/** What a claim check needs of declared inputs: the key, and the id of a record adopted explicitly. */
export interface Claimed {
  uniquenessKey: string;
  existingId?: string | undefined;
}
import { type Claim, type Conflict, commitClaim, createConflict, deleteVerdict, recordDiff } from "./deployment-ledger";
import { CommitHeldError } from "./errors";

const named = (claim: Claim | undefined): string => (claim?.name === undefined ? "another resource" : `resource "${claim.name}"`);

const newRecord = (noun: string): string =>
  `To get a new ${noun}, declare a new \`uniquenessKey\` on the resource (it is replace-only, so that change is a real replacement: ` +
  `a new ${noun}, then the old one removed per its \`onDelete\`).`;

function forcedReplacement(noun: string, key: string, name: string | undefined, commitId?: string): CommitHeldError {
  const which = commitId === undefined ? `the ${noun} that carries uniqueness key "${key}"` : `${noun} ${commitId}`;
  return new CommitHeldError(
    `Refusing to create a ${noun} for ${name === undefined ? "this resource" : `resource "${name}"`}: ${which} is held by the resource being replaced. ` +
      "Pulumi is replacing it although nothing that Metronome cannot change in place has changed (a forced replacement: " +
      "`replacementTrigger`, `replaceOnChanges`, `replaceWith`, `deletedWith`), and the replacement keeps the same key, " +
      `so it would adopt the same ${noun} and the removal of the old half would archive it. Nothing was written to Metronome. ` +
      `${newRecord(noun)} To keep the ${noun}, drop the forced replacement.`,
  );
}

function secondClaimant(noun: string, what: string, conflict: Conflict): CommitHeldError {
  const names = conflict.claimants.filter((c) => c.name !== undefined).map((c) => `"${c.name}"`);
  const who =
    names.length >= 2
      ? `resources ${names.slice(0, -1).join(", ")} and ${names.at(-1)} of this stack all declare it`
      : `${names.length === 1 ? `resource ${names[0]}` : "a resource"} of this stack already declares it, and so does another`;
  const keys = [...new Set(conflict.claimants.map((c) => c.key).filter((k) => k !== undefined))];
  return new CommitHeldError(
    `Refusing to let two resources manage ${what}: ${who}${keys.length === 0 ? "" : ` (uniqueness key ${keys.map((k) => `"${k}"`).join(", ")})`}. ` +
      `Two resources managing one ${noun} would edit it twice and archive it when either is removed. Nothing was written to Metronome. ` +
      `Keep one declaration: remove the others, or give each its own \`uniquenessKey\` (a separate ${noun}) instead of this ${noun}.`,
  );
}

/** Throws when a create of `inputs` would take a commit that a declared resource holds. */
export function assertCreateAllowed(inputs: Claimed, noun = "commit"): void {
  const key = inputs.uniquenessKey;
  const conflict = createConflict(key, inputs.existingId);
  if (conflict === undefined) return;
  if (conflict.forced) throw forcedReplacement(noun, key, conflict.claimants[0]?.name, conflict.commitId);
  throw secondClaimant(noun, conflict.commitId === undefined ? `the ${noun} with uniqueness key "${key}"` : `${noun} ${conflict.commitId}`, conflict);
}

/** Throws when commit `commitId`, found by our key, is already held by a declared resource. */
export function assertAdoptable(inputs: Claimed, commitId: string, noun = "commit"): void {
  const conflict = commitClaim(commitId, inputs.uniquenessKey);
  if (conflict === undefined) return;
  if (conflict.forced) throw forcedReplacement(noun, inputs.uniquenessKey, conflict.claimants[0]?.name, commitId);
  throw secondClaimant(noun, `${noun} ${commitId}`, conflict);
}

/** Records that an existing resource declares commit `id`; throws when another resource already does. */
export function assertSoleClaimant(id: string, key: unknown, noun = "commit"): void {
  const conflict = recordDiff(id, key);
  if (conflict !== undefined) throw secondClaimant(noun, `${noun} ${id}`, conflict);
}

/**
 * What the removal of commit `id` may do: "archive" (or whatever its
 * `onDelete` says), or "kept" when the replacement of the same resource
 * adopted this very commit in this run. Throws when the commit is still
 * declared otherwise (`deleteBeforeReplace`, a second claimant removed).
 */
export function removalOf(id: string, props: Record<string, unknown>, noun = "commit"): "archive" | "kept" {
  const verdict = deleteVerdict(id, props.uniquenessKey);
  if (verdict.kind !== "declared") return verdict.kind;
  const customer = typeof props.customerId === "string" ? ` of customer ${props.customerId}` : "";
  const cause = verdict.replacing
    ? `its replacement (a new ${noun} under a new key) does not exist yet: Pulumi removes the old ${noun} first only with \`deleteBeforeReplace\``
    : `it is still declared by ${named(verdict.holder)} in this deployment (a replacement that keeps its uniqueness key, ` +
      `\`deleteBeforeReplace\`, or a second resource claiming the same ${noun})`;
  throw new CommitHeldError(
    `Refusing to remove ${noun} ${id}${customer}: ${cause}, and removing it would leave the customer without that ${noun}. ` +
      `Nothing was written to Metronome. Remove \`deleteBeforeReplace\` (the provider then creates the new ${noun} before removing the old), ` +
      `or, to stop managing one of two declarations of this ${noun}, remove that one from state with \`pulumi state delete <urn>\` (Metronome is untouched). ` +
      newRecord(noun),
  );
}

/** The warning shown when a replacement turned out to hold the very commit or credit it replaces. */
export function keptMessage(id: string, key: unknown, noun = "commit"): string {
  return (
    `${noun} ${id} was NOT archived: the replacement of this resource holds the same ${noun} ` +
    `(it carries the same uniqueness key${typeof key === "string" ? ` "${key}"` : ""}, and Metronome never gives a key to a second ${noun}), ` +
    `so the replacement changed nothing. \`up --replace\`, \`--target-replace\` and \`state taint\` cannot make a new ${noun} under a kept key. ` +
    newRecord(noun)
  );
}
