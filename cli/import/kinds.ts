// The resource kinds `import` declares, in the order the module lists them
// (per customer: commits, then credits). Everything the command does with a
// kind (listing, arguments, checks, names, state, import file) is derived
// from the kind's description in provider/core/kinds.

import type { Kind } from "../../provider/core/kind/kind";
import { customerCommitKind } from "../../provider/core/kinds/commit";
import { customerCreditKind } from "../../provider/core/kinds/credit";

export const IMPORT_KINDS: readonly Kind[] = [customerCommitKind, customerCreditKind];

/** The kinds' nouns, as `--kind` takes them: "commit", "credit". */
export const KIND_NOUNS: readonly string[] = IMPORT_KINDS.map((k) => k.noun);

/** The kind `--kind <noun>` names, if any. */
export const kindByNoun = (noun: string): Kind | undefined => IMPORT_KINDS.find((k) => k.noun === noun);


/** `n noun` / `n nouns`. */
export function counted(n: number, noun: string, many = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : many}`;
}

/** `a`, `a and b`, `a, b and c`. */
export function listed(parts: readonly string[], conjunction = "and"): string {
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} ${conjunction} ${parts[parts.length - 1] as string}`;
}
