// The inputs the engine stores for a resource: its canonical inputs without
// the values canonicalizing fills in by itself (the USD credit type id in
// both schedules, `doNotInvoice` false, `rateType` LIST_RATE, `onDelete`
// archive), whether the program wrote them or not. Every commit of a stack
// would otherwise store the same defaults, and the file backend rewrites
// the whole checkpoint after every step, so each stored byte is paid for
// once per step.
//
// The engine diffs old inputs against new checked inputs (kind-provider.ts),
// and on refresh the inputs read back against the stored ones, so both sides
// must store the same keys: `check` keeps a key whenever the prior inputs
// store it (inputs written by a release that stored defaults keep them, and
// show no change), and a refresh that finds the resource as it was leaves
// the stored inputs alone (read.ts). Everything that compares, plans or
// derives (diff, create body, edit plan, uniqueness key, review)
// canonicalizes first, and canonicalize(storedInputs(c)) equals c, so the
// two forms mean the same.

import { canonicalize } from "./canonical";
import type { Kind } from "./kind/kind";
import { type Obj, deepEqual, isObj } from "./util";

/**
 * `canonical` without each key, top-level or one level into an object, that
 * `prior` does not store and canonicalizing fills back in exactly. `prior`
 * is the inputs in state (empty for a new resource or a read-back).
 */
export function storedInputs(canonical: Obj, kind: Kind, prior: Obj = {}): Obj {
  const refills = (candidate: Obj): boolean => deepEqual(canonicalize(candidate, kind), canonical);
  let stored: Obj = { ...canonical };
  for (const key of Object.keys(canonical)) {
    const held = prior[key];
    if (held === undefined) {
      const trimmed = without(stored, key);
      if (refills(trimmed)) {
        stored = trimmed;
        continue;
      }
    }
    const value = stored[key];
    if (!isObj(value)) continue;
    for (const sub of Object.keys(value)) {
      if (isObj(held) && held[sub] !== undefined) continue;
      const trimmed = { ...stored, [key]: without(stored[key] as Obj, sub) };
      if (refills(trimmed)) stored = trimmed;
    }
  }
  return stored;
}

function without(o: Obj, key: string): Obj {
  const { [key]: _, ...rest } = o;
  return rest;
}
