// Inputs the CustomerCommit class passes to `check` for the provider's own
// use. `check` consumes them and never returns them (every `__` key is
// dropped from canonical inputs), so they never reach state, diffs or
// Metronome.

/** The uniqueness key derived for a new resource (default-key.ts); used only when no key is declared or held. */
export const CANDIDATE_KEY_INPUT = "__defaultUniquenessKey";

/** The Pulumi resource name, so that a refusal can name the resource that holds a commit. */
export const RESOURCE_NAME_INPUT = "__resourceName";
