// Which uniqueness key a resource has (docs/design.md, decision 7): a key is
// derived once, when the commit is created, and read from state afterwards.
// So renames, aliases, stack and project renames and `state move`, which
// change what a new derivation would give, never change a commit's key; only
// a change that replaces the commit gives a new one, chained from the old.

import { replacedProperties, replaceOnlyFields } from "./replace";
import { chainedUniquenessKey } from "./uniqueness-key";
import { UNKNOWN, containsUnknown } from "./unknown";
import type { Obj } from "./util";
import type { Kind } from "./kind/kind";
import { customerCommitKind } from "./kinds/commit";

/**
 * The key to validate the new inputs with before the choice is made: the
 * declared one, else the one held in state, else the derived candidate.
 */
export function provisionalUniquenessKey(olds: Obj, declared: unknown, candidate: unknown): unknown {
  if (declared !== undefined) return declared;
  return typeof olds.uniquenessKey === "string" ? olds.uniquenessKey : candidate;
}

/**
 * The resource's uniqueness key, given its state (`olds`, empty for a new
 * resource) and its new inputs in canonical form:
 * - a declared key wins (a replace that keeps it is refused elsewhere);
 * - else the key held in state, while no replace-only field changes;
 * - else, when one does, a key chained from the held one and the new
 *   replace-only values (unknown in preview while any of them is unknown);
 * - else (a new resource) the derived candidate.
 */
export function effectiveUniquenessKey(olds: Obj, canonical: Obj, declared: unknown, candidate: unknown, kind: Kind = customerCommitKind): unknown {
  if (declared !== undefined) return declared;
  const held = olds.uniquenessKey;
  if (typeof held !== "string") return candidate;
  const replaced = replacedProperties(olds, { ...canonical, uniquenessKey: held }, kind).filter((p) => p !== "uniquenessKey");
  if (replaced.length === 0) return held;
  const fields = replaceOnlyFields(canonical, kind);
  return containsUnknown(fields) ? UNKNOWN : chainedUniquenessKey(held, fields);
}
