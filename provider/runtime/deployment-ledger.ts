// The deployment ledger: what this plugin process has seen of the current
// deployment, so that no operation archives a commit that a resource still
// declares (DESIGN.md decision 11).
//
// The dynamic provider is never told a resource's URN, nor which operation
// the engine is running. But one plugin process serves the whole deployment,
// and the engine calls `check` (and, for a resource whose inputs it diffs,
// `diff`) of every declared resource before that resource's create, update
// or delete. So the ledger records, per process:
//   - the keys held by existing resources (check with olds), and the commits
//     their diffs name;
//   - the key every check returned (what the program declares now) and each
//     `existingCommitId` declared;
//   - the old → new key of each genuine replacement, so that the engine's
//     second check of a replacement (made with no olds) gets the same key;
//   - the commits creates returned in this run, and whether they were
//     adopted (found by key, or by `existingCommitId`) or made.
//
// What it cannot see, and why money stays safe:
//   - A targeted replacement (`up --replace`, `--target-replace`, `state
//     taint`) is checked with no olds and never diffed, so its create cannot
//     tell the commit is held: it adopts the commit by its key (or its
//     `existingCommitId`), writing nothing but what the declaration changes.
//     The delete of the old half then finds that very commit adopted in this
//     run and leaves it alone (`deleteVerdict` "kept"), with a warning.
//   - A create that runs before the check of another resource that claims
//     the same commit (the claimant is registered later in the program) is
//     not refused; only the later claimant's diff is. Adoption by
//     `existingCommitId` writes nothing, and an adopted-by-key commit is the
//     one that carries our key, so nothing is duplicated or lost.
//   - Two resources with the same Pulumi name under different parents are
//     told apart by nothing the provider gets; they read as one.
//   - Anything in another process: each `pulumi` command starts a new one.

export interface Claim {
  /** The Pulumi resource name, when the program passed it. */
  name?: string;
  key?: string;
}

interface Created {
  id: string;
  name?: string;
  adopted: boolean;
}

const heldKeys = new Map<string, Claim>(); // key in state → the existing resource
const checkedKeys = new Map<string, Claim>(); // key a check returned → the resource declaring it
const declaredIds = new Map<string, Claim>(); // existingCommitId declared → the resource
const diffedIds = new Map<string, Claim>(); // commit id diffed → the existing resource
const replacements = new Map<string, string>(); // old key → new key of a genuine replacement
const rechecks = new Map<string, string>(); // resource name + candidate → key its check with olds chose
const creating = new Map<string, Claim>(); // key of a create in flight → its resource
const createdByKey = new Map<string, Created>();
const createdById = new Map<string, Created & { key: string }>();

const recheckId = (name: string | undefined, candidate: unknown): string | undefined =>
  name === undefined || typeof candidate !== "string" ? undefined : JSON.stringify([name, candidate]);

/** Different resources, as far as the provider can tell (names compared when both are known). */
const differ = (a: Claim | undefined, b: Claim | undefined): boolean =>
  a !== undefined && b !== undefined && a.name !== b.name;

/** Forgets everything: a new deployment (tests drive several in one process). */
export function resetDeploymentLedger(): void {
  for (const map of [heldKeys, checkedKeys, declaredIds, diffedIds, replacements, rechecks, creating, createdByKey, createdById]) map.clear();
}

/**
 * The key the first check of this resource chose, when the engine checks it
 * again with no olds (it does so for every replacement but a targeted one).
 */
export function keyChosenEarlier(name: string | undefined, candidate: unknown): string | undefined {
  const id = recheckId(name, candidate);
  return id === undefined ? undefined : rechecks.get(id);
}

/** What a successful check saw: the key in state (if any) and the inputs it returned. */
export function recordCheck(
  name: string | undefined,
  candidate: unknown,
  heldKey: unknown,
  inputs: { uniquenessKey?: unknown; existingCommitId?: unknown },
): void {
  const key = inputs.uniquenessKey;
  if (typeof key === "string") checkedKeys.set(key, { name, key });
  if (typeof inputs.existingCommitId === "string") declaredIds.set(inputs.existingCommitId, { name, key: key as string });
  if (typeof heldKey !== "string") return;
  heldKeys.set(heldKey, { name, key: heldKey });
  const id = recheckId(name, candidate);
  if (typeof key === "string") {
    if (id !== undefined) rechecks.set(id, key);
    if (key !== heldKey) replacements.set(heldKey, key);
  }
}

/**
 * Records that an existing resource (holding `key`) declares commit `id`.
 * Returns the other resource that already claims that commit, if any.
 */
export function recordDiff(id: string, key: unknown): Claim | undefined {
  const claim: Claim = { name: typeof key === "string" ? heldKeys.get(key)?.name : undefined, key: typeof key === "string" ? key : undefined };
  const earlier = diffedIds.get(id);
  if (earlier !== undefined && differ(earlier, claim)) return earlier;
  const made = createdById.get(id);
  if (made !== undefined && made.key !== claim.key) return { name: made.name, key: made.key };
  diffedIds.set(id, claim);
  return undefined;
}

/** Why a create with `key` (and `existingCommitId`) must not run, before any write; undefined when it may. */
export function createConflict(key: string, existingCommitId: string | undefined): { holder: Claim; commitId?: string; self: boolean } | undefined {
  const self = checkedKeys.get(key);
  const held = heldKeys.get(key);
  if (held !== undefined) return { holder: held, self: !differ(held, self) };
  if (existingCommitId !== undefined) {
    const claim = commitClaim(existingCommitId, self);
    if (claim !== undefined) return { ...claim, commitId: existingCommitId };
  }
  const made = createdByKey.get(key);
  if (made !== undefined) return { holder: { name: made.name, key }, commitId: made.id, self: false };
  const inFlight = creating.get(key);
  if (inFlight !== undefined) return { holder: inFlight, self: false };
  return undefined;
}

/**
 * Claims `key` for a create about to be sent, so that a second resource
 * declaring the same key in this deployment is refused even while the first
 * create is in flight (the engine runs creates in parallel). Returns the
 * release, for a create that failed.
 */
export function claimCreate(key: string): () => void {
  const claim = { name: checkedKeys.get(key)?.name, key };
  creating.set(key, claim);
  return () => {
    if (creating.get(key) === claim) creating.delete(key);
  };
}

/** The resource that already claims commit `id` (found by key, say), other than the one creating it. */
export function commitClaim(id: string, creator: Claim | undefined = undefined): { holder: Claim; self: boolean } | undefined {
  const diffed = diffedIds.get(id);
  if (diffed !== undefined) return { holder: diffed, self: !differ(diffed, creator) };
  const made = createdById.get(id);
  if (made !== undefined) return { holder: { name: made.name, key: made.key }, self: false };
  return undefined;
}

/** The resource a check declared with `key`, if any. */
export function declarerOf(key: string): Claim | undefined {
  return checkedKeys.get(key);
}

/** A create returned commit `id` for `key`. */
export function recordCreated(key: string, id: string, adopted: boolean): void {
  creating.delete(key);
  const entry = { id, name: checkedKeys.get(key)?.name, adopted };
  createdByKey.set(key, entry);
  createdById.set(id, { ...entry, key });
}

export type DeleteVerdict =
  | { kind: "archive" }
  /** A create of this run adopted this very commit for the same key: the replacement holds it. */
  | { kind: "kept" }
  /** The commit is still declared, by `holder`; removing it must be refused. */
  | { kind: "declared"; holder: Claim; replacing: boolean };

/** What removing commit `id` (held under `key`) may do in this deployment. */
export function deleteVerdict(id: string, key: unknown): DeleteVerdict {
  const k = typeof key === "string" ? key : undefined;
  const made = createdById.get(id);
  if (made !== undefined && made.adopted && made.key === k) return { kind: "kept" };
  const next = k === undefined ? undefined : replacements.get(k);
  if (next !== undefined) {
    const replacement = createdByKey.get(next);
    // A genuine replacement whose new commit exists archives the old one.
    if (replacement !== undefined && replacement.id !== id) return { kind: "archive" };
    return { kind: "declared", holder: heldKeys.get(k!) ?? { key: k }, replacing: true };
  }
  const holder =
    (k === undefined ? undefined : checkedKeys.get(k)) ?? declaredIds.get(id) ?? diffedIds.get(id) ?? (made && { name: made.name, key: made.key });
  return holder === undefined ? { kind: "archive" } : { kind: "declared", holder, replacing: false };
}
