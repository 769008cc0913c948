// What the API cannot change in place (docs/metronome-api.md): the fields a
// kind marks `change: "replace"`, and the fixed parts of editable ones
// (kind/field.ts). `diff` names these properties in `replaces`; everything
// else is left to the engine's own diff of canonical inputs and applied by
// `update` (docs/pulumi-dynamic.md). The same values feed the default
// uniqueness key (uniqueness-key.ts): every change that replaces a resource
// must also change the derived key, because Metronome never releases a key.

import { canonicalize } from "./canonical";
import type { Kind, ReplaceOnlyField } from "./kind/kind";
import { customerCommitKind } from "./kinds/commit";
import { containsUnknown } from "./unknown";
import { type Obj, deepEqual } from "./util";

export type { ReplaceOnlyField } from "./kind/kind";

/** The commit's replace-only fields, in table order. */
export const REPLACE_ONLY: readonly ReplaceOnlyField[] = customerCommitKind.replaceOnly;

/**
 * Top-level properties whose change Metronome cannot apply in place, comparing
 * the old outputs with the new (checked) inputs. An unknown new value counts
 * as "may change" for these fields only.
 */
export function replacedProperties(oldOutputs: Obj, newInputs: Obj, kind: Kind = customerCommitKind): string[] {
  const olds = canonicalize(oldOutputs, kind);
  const news = canonicalize(newInputs, kind);
  return kind.replaceOnly
    .filter((f) => {
      const next = f.value(news);
      if (containsUnknown(next)) return true;
      return !deepEqual(f.value(olds), next);
    })
    .map((f) => f.property);
}

/**
 * The replace-only values of canonical inputs, keyed by property, without the
 * uniqueness key itself (it is what gets derived from them). JSON-safe.
 */
export function replaceOnlyFields(inputs: Obj, kind: Kind = customerCommitKind): Record<string, unknown> {
  const canonical = canonicalize(inputs, kind);
  const out: Record<string, unknown> = {};
  for (const f of kind.replaceOnly) {
    if (f.property === "uniquenessKey") continue;
    const v = f.value(canonical);
    if (v !== undefined) out[f.property] = v;
  }
  return out;
}
