// Failures of the provider's own making, one class per thing a caller does
// differently. HTTP failures are the client's classes (provider/client/errors);
// invalid inputs are `CommitValidationError` (provider/core).

/**
 * A write whose outcome could not be established: the request may or may not
 * have been applied, and looking for its effect did not settle it. Re-running
 * `pulumi up` is safe: creates carry a uniqueness key, edits an idempotency key.
 */
export class AmbiguousWriteError extends Error {
  override readonly name = "AmbiguousWriteError";
  constructor(readonly operation: string, readonly commitRef: string, cause: unknown, lookupError?: unknown) {
    const looked = lookupError === undefined ? "" : `; looking for its effect failed too (${describe(lookupError)})`;
    super(
      `The ${operation} of ${commitRef} may or may not have been applied by Metronome ` +
        `(${describe(cause)}${looked}), and the provider could not confirm either way. ` +
        "Nothing was duplicated; run `pulumi up` again to settle it.",
      { cause },
    );
  }
}

/** An existing commit cannot be taken over as declared. */
export class AdoptionError extends Error {
  override readonly name = "AdoptionError";
}

/**
 * Metronome refused to remove a commit (e.g. finalized invoices). The message
 * names the commit, Metronome's reason and what the user can do instead.
 */
export class DeleteRefusedError extends Error {
  override readonly name = "DeleteRefusedError";
}

/**
 * The commit was created but reading it back failed. Pulumi records the id
 * (the plugin turns `id`/`properties`/`reasons` into "created, failed to
 * initialize"), so the commit is tracked and the next `pulumi up` finishes it.
 */
export class CreatedButUnreadError extends Error {
  override readonly name = "CreatedButUnreadError";
  readonly reasons: string[];
  constructor(
    readonly id: string,
    readonly properties: Record<string, unknown>,
    cause: unknown,
    what = "could not read it back",
    noun = "commit",
  ) {
    super(
      `Created ${noun} ${id} but ${what} (${describe(cause)}). Pulumi records the ${noun}; run \`pulumi up\` again to finish (nothing is created twice).`,
      { cause },
    );
    this.reasons = [this.message];
  }
}

const capital = (noun: string): string => noun.charAt(0).toUpperCase() + noun.slice(1);

export function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * A declared change that Metronome's edit API cannot make in place and that
 * does not force a replacement either (e.g. clearing a commit's name). Raised
 * before any write, so nothing is half-applied.
 */
export class UnsupportedChangeError extends Error {
  override readonly name = "UnsupportedChangeError";
  constructor(commitId: string, readonly changes: Array<{ property: string; reason: string }>, noun = "commit") {
    super(
      `${capital(noun)} ${commitId} cannot be changed in place as declared:\n` +
        changes.map((c) => `  ${c.property}: ${c.reason}`).join("\n") +
        `\nChange the declaration, or set a new \`uniquenessKey\` to replace the ${noun}.`,
    );
  }
}

/**
 * An in-place update that stopped part way, or was refused. Carries the
 * commit as Metronome now holds it (`id`/`properties`/`reasons`): the plugin
 * hands these to the engine as "updated, failed to initialize", so Pulumi
 * records what really happened and the next `pulumi up` tries the update
 * again (the engine re-runs an update for a resource with init errors even
 * when nothing else changed).
 */
export class UpdateIncompleteError extends Error {
  override readonly name = "UpdateIncompleteError";
  readonly reasons: string[];
  constructor(
    readonly id: string,
    readonly properties: Record<string, unknown>,
    applied: readonly string[],
    cause: unknown,
    noun = "commit",
  ) {
    const done = applied.length === 0 ? "Nothing was changed" : `Already applied: ${applied.join(", ")}`;
    super(
      `The update of ${noun} ${id} did not complete: ${describe(cause)}. ${done}; ` +
        `Pulumi now records the ${noun} as Metronome holds it. Fix the cause and run \`pulumi up\` again to finish.`,
      { cause },
    );
    this.reasons = [this.message];
  }
}

/** The commit the state refers to is archived or missing in Metronome. */
export class CommitGoneError extends Error {
  override readonly name = "CommitGoneError";
  constructor(commitId: string, customerId: string, archivedAt?: string, noun = "commit") {
    const gone = archivedAt ? `was archived in Metronome at ${archivedAt}` : noun === "credit" ? "is archived or no longer exists in Metronome" : "no longer exists in Metronome";
    super(
      `${capital(noun)} ${commitId} of customer ${customerId} ${gone}, ` +
        "so it cannot be updated. Run `pulumi refresh` to drop it from the stack, then `pulumi up` to create it again.",
    );
  }
}

/**
 * An operation would make two resources manage one commit, or archive a
 * commit that a resource still declares (a forced replacement that keeps its
 * key, `deleteBeforeReplace`, two resources claiming one commit). Raised
 * before any write; the message says which commit, who holds it, and how to
 * get a new commit or keep this one.
 */
export class CommitHeldError extends Error {
  override readonly name = "CommitHeldError";
}
