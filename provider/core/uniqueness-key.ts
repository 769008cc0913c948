// The default uniqueness key (docs/design.md, decisions 6 and 7). Metronome refuses a
// second create with the same key and never releases a key, so:
// - a re-run after a lost response must derive the SAME key (the create is
//   refused and the provider adopts the commit it already made);
// - a replacement must derive a NEW key (the old commit still holds its own).
// Hence: a readable prefix `<project>/<stack>/<name>` and a short hash of
// project, stack, name and the replace-only field values (replace.ts), which
// change exactly when the commit must be replaced. 1 to 128 characters.
// That derivation names a new resource's key only: once a commit exists, its
// key is read from state and kept, and a replacement chains a new key from it
// (`chainedUniquenessKey`; `effectiveUniquenessKey` in check.ts chooses).

import { createHash } from "node:crypto";
import { MAX_UNIQUENESS_KEY } from "./rules";
import { stableStringify } from "./util";

export { replaceOnlyFields } from "./replace";

export interface UniquenessKeyParts {
  project: string;
  stack: string;
  /** The Pulumi resource name. */
  name: string;
  /** `replaceOnlyFields(inputs)`. */
  replaceOnly: Record<string, unknown>;
  /** The kind's `keyScope` (absent for commits), so two kinds never derive one key for one name. */
  scope?: string;
}

const HASH_CHARS = 16; // 64 bits: collisions need ~4 billion keys per customer

/** Cuts to at most `max` UTF-16 units without splitting a surrogate pair. */
function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  const head = s.slice(0, max);
  const last = head.charCodeAt(head.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? head.slice(0, -1) : head;
}

/** `<project>/<stack>/<name>#<16 hex>`, the readable part cut so the whole stays within 128. */
export function defaultUniquenessKey({ project, stack, name, replaceOnly, scope }: UniquenessKeyParts): string {
  const hash = createHash("sha256")
    .update(stableStringify(scope === undefined ? { project, stack, name, replaceOnly } : { project, stack, name, replaceOnly, scope }))
    .digest("hex")
    .slice(0, HASH_CHARS);
  const readable = cut(`${project}/${stack}/${name}`, MAX_UNIQUENESS_KEY - HASH_CHARS - 1);
  return `${readable}#${hash}`;
}

/**
 * The key of the commit that replaces the one holding `previous`, derived
 * once a replace-only field changes (docs/design.md, decision 7). Chained from the
 * old key rather than from the resource's name, so:
 * - it depends only on what the state holds and the new replace-only values:
 *   a re-run after a lost response derives the same key and adopts;
 * - a rename, a stack or project rename or a `state move` never changes it;
 * - going back (A → B → A) never derives an earlier, archived key again.
 * The readable part of `previous` (before its `#hash`) is kept.
 */
export function chainedUniquenessKey(previous: string, replaceOnly: Record<string, unknown>): string {
  const hash = createHash("sha256")
    .update(stableStringify({ previous, replaceOnly }))
    .digest("hex")
    .slice(0, HASH_CHARS);
  const suffixed = new RegExp(`#[0-9a-f]{${HASH_CHARS}}$`);
  const readable = cut(previous.replace(suffixed, ""), MAX_UNIQUENESS_KEY - HASH_CHARS - 1);
  return `${readable}#${hash}`;
}
