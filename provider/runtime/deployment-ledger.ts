// The deployment ledger: what this plugin process has seen of the current
// deployment, so that no operation archives a commit that a resource still
// declares (docs/design.md, decision 8).
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

/** Why an operation may not take a commit: who claims it, and whether they are all one resource. */
export interface Conflict {
  /** Every resource known to claim the commit, one per name. */
  claimants: Claim[];
  /** All claimants are the resource being created: a forced replacement that kept its key. */
  forced: boolean;
  commitId?: string;
}

interface Created {
  id: string;
  key: string;
  name?: string;
  adopted: boolean;
}

// Several resources may claim one key or commit; each list holds one claim per name.
const heldKeys = new Map<string, Claim[]>(); // key in state → the existing resources holding it
const checkedKeys = new Map<string, Claim[]>(); // key a check returned → the resources declaring it
const declaredIds = new Map<string, Claim[]>(); // existingCommitId declared → the resources
const diffedIds = new Map<string, Claim[]>(); // commit id diffed → the existing resources
const replacements = new Map<string, string>(); // old key → new key of a genuine replacement
const rechecks = new Map<string, string>(); // resource name + candidate → key its check with olds chose
const creating = new Map<string, Claim>(); // key of a create in flight → its resource
const createdByKey = new Map<string, Created>();
const createdById = new Map<string, Created>();

const recheckId = (name: string | undefined, candidate: unknown): string | undefined =>
  name === undefined || typeof candidate !== "string" ? undefined : JSON.stringify([name, candidate]);

function add(map: Map<string, Claim[]>, at: string, claim: Claim): void {
  const list = map.get(at) ?? [];
  if (!list.some((c) => c.name === claim.name)) list.push(claim);
  map.set(at, list);
}

/** One claim per name; claims without a name count as the same unknown resource. */
function distinct(claims: Array<Claim | undefined>): Claim[] {
  const out: Claim[] = [];
  for (const c of claims) if (c !== undefined && !out.some((o) => o.name === c.name)) out.push(c);
  return out;
}

/** A conflict when `holders` is not empty: forced when they and `declarers` are one resource. */
function conflictOf(holders: Claim[], declarers: Claim[], commitId?: string): Conflict | undefined {
  if (holders.length === 0) return undefined;
  const claimants = distinct([...holders, ...declarers]);
  return { claimants, forced: claimants.length === 1, commitId };
}

const madeClaim = (made: Created | undefined): Claim[] => (made === undefined ? [] : [{ name: made.name, key: made.key }]);

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
  inputs: { uniquenessKey?: unknown; existingId?: unknown },
): void {
  const key = typeof inputs.uniquenessKey === "string" ? inputs.uniquenessKey : undefined;
  if (key !== undefined) add(checkedKeys, key, { name, key });
  if (typeof inputs.existingId === "string") add(declaredIds, inputs.existingId, { name, key });
  if (typeof heldKey !== "string") return;
  add(heldKeys, heldKey, { name, key: heldKey });
  const id = recheckId(name, candidate);
  if (key !== undefined) {
    if (id !== undefined) rechecks.set(id, key);
    if (key !== heldKey) replacements.set(heldKey, key);
  }
}

/**
 * Records that an existing resource (holding `key` in state) declares commit
 * `id`. Returns the conflict when more than one resource claims that commit.
 */
export function recordDiff(id: string, key: unknown): Conflict | undefined {
  const holders = typeof key === "string" ? (heldKeys.get(key) ?? [{ key }]) : [{}];
  for (const h of holders) add(diffedIds, id, h);
  const claimants = distinct([...(diffedIds.get(id) ?? []), ...madeClaim(createdById.get(id))]);
  return claimants.length > 1 ? { claimants, forced: false, commitId: id } : undefined;
}

/** Why a create with `key` (and `existingCommitId`) must not run, before any write; undefined when it may. */
export function createConflict(key: string, existingCommitId: string | undefined): Conflict | undefined {
  const declarers = checkedKeys.get(key) ?? [];
  const byKey = conflictOf(heldKeys.get(key) ?? [], declarers);
  if (byKey !== undefined) return byKey;
  if (existingCommitId !== undefined) {
    const byId = commitClaim(existingCommitId, key);
    if (byId !== undefined) return byId;
  }
  const earlier = [...madeClaim(createdByKey.get(key)), ...(creating.has(key) ? [creating.get(key)!] : [])];
  if (earlier.length > 0) return { claimants: distinct([...earlier, ...declarers]), forced: false, commitId: createdByKey.get(key)?.id };
  return undefined;
}

/** Who else claims commit `id` (found by `key`, say), for the resource about to take it. */
export function commitClaim(id: string, key: string): Conflict | undefined {
  const declarers = distinct([...(declaredIds.get(id) ?? []), ...(checkedKeys.get(key) ?? [])]);
  const made = createdById.get(id);
  if (made !== undefined) return { claimants: distinct([...madeClaim(made), ...declarers]), forced: false, commitId: id };
  return conflictOf(diffedIds.get(id) ?? [], declarers, id);
}

/** The resource a check declared with `key`, when exactly one did. */
export function declarerOf(key: string): Claim | undefined {
  const list = checkedKeys.get(key) ?? [];
  return list.length === 1 ? list[0] : undefined;
}

/**
 * Claims `key` for a create about to be sent, so that a second resource
 * declaring the same key in this deployment is refused even while the first
 * create is in flight (the engine runs creates in parallel). Returns the
 * release, for a create that failed.
 */
export function claimCreate(key: string): () => void {
  const claim = { name: declarerOf(key)?.name, key };
  creating.set(key, claim);
  return () => {
    if (creating.get(key) === claim) creating.delete(key);
  };
}

/** A create returned commit `id` for `key`. */
export function recordCreated(key: string, id: string, adopted: boolean): void {
  creating.delete(key);
  const entry = { id, key, name: declarerOf(key)?.name, adopted };
  createdByKey.set(key, entry);
  createdById.set(id, entry);
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
  // A commit made in this very run is held by no earlier resource; the
  // engine never removes it in the same run (a direct caller may).
  if (made !== undefined && !made.adopted) return { kind: "archive" };
  const next = k === undefined ? undefined : replacements.get(k);
  if (next !== undefined) {
    const replacement = createdByKey.get(next);
    // A genuine replacement whose new commit exists archives the old one.
    if (replacement !== undefined && replacement.id !== id) return { kind: "archive" };
    return { kind: "declared", holder: heldKeys.get(k!)?.[0] ?? { key: k }, replacing: true };
  }
  const holder =
    (k === undefined ? undefined : checkedKeys.get(k)?.[0]) ?? declaredIds.get(id)?.[0] ?? diffedIds.get(id)?.[0] ?? madeClaim(made)[0];
  return holder === undefined ? { kind: "archive" } : { kind: "declared", holder, replacing: false };
}
