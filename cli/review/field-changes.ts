// Which properties change, old resource -> new declaration, other than
// schedule items (schedule-changes.ts matches those by id). Computed from the
// two canonical property sets rather than from the step's `detailedDiff`,
// which is null when a provider overrides the engine's diff (case B in
// docs/pulumi-dynamic.md) and which names paths, not values.

import type { Kind } from "../../provider/core/kind/kind";
import { type PathSegment, deepEqual, formatPath } from "../../provider/core/util";
import { scheduleFields } from "./kinds";
import type { FieldChange } from "./model";
import { containsOpaque, revealOpaque } from "./values";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

export interface FieldChangeOptions {
  /** Top-level properties not to list (e.g. the replace reasons, shown on their own). */
  skip?: readonly string[];
  /** Top-level properties the engine says changed: two secrets there differ even though both read "[secret]". */
  changedKeys?: readonly string[];
}

/**
 * The changes from `before` (canonical old inputs) to `after` (canonical new
 * inputs) of a resource of `kind`. Only input properties are compared: the
 * kind's fields and whatever else the new side declares, never server-only
 * output keys. The item lists of the kind's schedules are left to
 * schedule-changes.ts when both sides are lists.
 */
export function fieldChanges(before: Obj, after: Obj, kind: Kind, options: FieldChangeOptions = {}): FieldChange[] {
  const out: FieldChange[] = [];
  const skip = new Set(options.skip ?? []);
  const changed = new Set(options.changedKeys ?? []);
  const itemLists = new Set(scheduleFields(kind).map((name) => `${name}.scheduleItems`));
  const walk = (b: unknown, a: unknown, path: PathSegment[]): void => {
    const text = formatPath(path);
    if (itemLists.has(text) && Array.isArray(b) && Array.isArray(a)) return;
    if (deepEqual(b, a)) {
      // Equal text, but a secret on both sides may still differ: trust the engine's changed keys.
      const top = path[0];
      if (!(containsOpaque(b, "secret") && typeof top === "string" && changed.has(top))) return;
      if (!isObj(b)) {
        out.push({ path: text, before: revealOpaque(b), after: revealOpaque(a) });
        return;
      }
    }
    if (isObj(b) && isObj(a)) {
      const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
      for (const k of keys) walk(b[k], a[k], [...path, k]);
      return;
    }
    out.push({ path: text, before: revealOpaque(b), after: revealOpaque(a) });
  };
  const inputs = new Set([...kind.fieldNames, ...Object.keys(after)]);
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((k) => !skip.has(k) && inputs.has(k))
    .sort();
  for (const k of keys) walk(before[k], after[k], [k]);
  return out;
}
