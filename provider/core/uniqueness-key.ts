// The default uniqueness key (DESIGN.md decision 6). Metronome refuses a
// second create with the same key and never releases a key, so:
// - a re-run after a lost response must derive the SAME key (the create is
//   refused and the provider adopts the commit it already made);
// - a replacement must derive a NEW key (the old commit still holds its own).
// Hence: a readable prefix `<project>/<stack>/<name>` and a short hash of
// project, stack, name and the replace-only field values (replace.ts), which
// change exactly when the commit must be replaced. 1 to 128 characters.

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
export function defaultUniquenessKey({ project, stack, name, replaceOnly }: UniquenessKeyParts): string {
  const hash = createHash("sha256")
    .update(stableStringify({ project, stack, name, replaceOnly }))
    .digest("hex")
    .slice(0, HASH_CHARS);
  const readable = cut(`${project}/${stack}/${name}`, MAX_UNIQUENESS_KEY - HASH_CHARS - 1);
  return `${readable}#${hash}`;
}
