// Which properties change, old commit -> new declaration, other than
// schedule items (schedule-changes.ts matches those by id). Computed from the
// two canonical property sets rather than from the step's `detailedDiff`,
// which is null when a provider overrides the engine's diff (case B in
// docs/pulumi-dynamic.md) and which names paths, not values.

import { type PathSegment, deepEqual, formatPath } from "../../provider/core/util";
import type { FieldChange } from "./model";
import { containsOpaque, revealOpaque } from "./values";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** Lists of schedule items, reported item by item elsewhere when both sides are lists. */
const ITEM_LISTS = ["accessSchedule.scheduleItems", "invoiceSchedule.scheduleItems"];

export interface FieldChangeOptions {
  /** Top-level properties not to list (e.g. the replace reasons, shown on their own). */
  skip?: readonly string[];
  /** Top-level properties the engine says changed: two secrets there differ even though both read "[secret]". */
  changedKeys?: readonly string[];
  /** Only these top-level properties (the inputs); server-only output keys are not changes. */
  only?: readonly string[];
}

export function fieldChanges(before: Obj, after: Obj, options: FieldChangeOptions = {}): FieldChange[] {
  const out: FieldChange[] = [];
  const skip = new Set(options.skip ?? []);
  const changed = new Set(options.changedKeys ?? []);
  const walk = (b: unknown, a: unknown, path: PathSegment[]): void => {
    const text = formatPath(path);
    if (ITEM_LISTS.includes(text) && Array.isArray(b) && Array.isArray(a)) return;
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
  const only = options.only === undefined ? undefined : new Set(options.only);
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((k) => !skip.has(k) && (only === undefined || only.has(k)))
    .sort();
  for (const k of keys) walk(before[k], after[k], [k]);
  return out;
}
