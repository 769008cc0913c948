// The arguments of one declaration, from the kind's canonical inputs: in the
// order a person reads them (the kind's field table), without the values the
// canonical form fills in anyway, schedules and specifiers keyed the way
// they read best.

import { canonicalize } from "../../provider/core/canonical";
import type { Kind } from "../../provider/core/kind/kind";
import { type Obj, type PathSegment, deepEqual, getAt, isObj } from "../../provider/core/util";

/**
 * The order in which a kind's arguments are written: the adoption line
 * (`existingCommitId`) first, then the kind's fields in table order, which is
 * the order a person reads a declaration in.
 */
export function argOrder(kind: Kind): string[] {
  return [kind.existingIdField, ...kind.fieldNames.filter((n) => n !== kind.existingIdField)];
}

/**
 * The declaration's arguments: canonical inputs in argument order, without
 * the values that equal the canonical defaults. A key is a default exactly
 * when removing it leaves the canonical form unchanged (canonicalize fills it
 * back in): USD credit types, `doNotInvoice: false`, `LIST_RATE`, `onDelete:
 * "archive"`, and whatever default a kind's field table declares, at any depth.
 */
export function withoutDefaults(inputs: Obj, kind: Kind): Obj {
  const target = canonicalize(inputs, kind);
  let current = inputs;
  // Top down: a value whose removal changes the canonical form is kept, and
  // its own keys (and those of the objects in its lists) are tried in turn.
  const visit = (path: PathSegment[]): void => {
    const here = getAt(current, path);
    if (Array.isArray(here)) here.forEach((_, i) => visit([...path, i]));
    if (!isObj(here)) return;
    for (const key of Object.keys(here)) {
      const candidate = removedAt(current, [...path, key]) as Obj;
      if (deepEqual(canonicalize(candidate, kind), target)) current = candidate;
      else visit([...path, key]);
    }
  };
  visit([]);
  const out: Obj = { ...current };
  if (Array.isArray(out.specifiers)) out.specifiers = out.specifiers.map((sp) => orderKeys(sp, SPECIFIER_ORDER));
  const ordered: Obj = {};
  for (const key of argOrder(kind)) if (out[key] !== undefined) ordered[key] = orderSchedule(out[key]);
  return ordered;
}

/** A copy of `value` without the key at `path` (copies along the path only; key order kept). */
function removedAt(value: unknown, path: readonly PathSegment[]): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  if (Array.isArray(value) && typeof head === "number") return value.map((v, i) => (i === head ? removedAt(v, rest) : v));
  if (!isObj(value) || typeof head !== "string") return value;
  if (rest.length === 0) {
    const { [head]: _removed, ...others } = value;
    return others;
  }
  return { ...value, [head]: removedAt(value[head], rest) };
}

/** Schedules read best with the credit type first and the items last. */
function orderSchedule(value: unknown): unknown {
  if (!isObj(value) || (!("scheduleItems" in value) && !("recurringSchedule" in value))) return value;
  const { scheduleItems, recurringSchedule, ...head } = value;
  const items = Array.isArray(scheduleItems) ? scheduleItems.map(orderItem) : scheduleItems;
  return { ...head, ...(recurringSchedule === undefined ? {} : { recurringSchedule }), ...(items === undefined ? {} : { scheduleItems: items }) };
}

// Access items read "how much, from, until"; invoice items "when, how much".
const ITEM_ORDER = ["timestamp", "amount", "quantity", "unitPrice", "startingAt", "endingBefore"];

const SPECIFIER_ORDER = ["productId", "productTags", "pricingGroupValues", "presentationGroupValues"];

const orderItem = (item: unknown): unknown => orderKeys(item, ITEM_ORDER);

/** A copy with `order`'s keys first, in that order (others after, as they were). */
function orderKeys(value: unknown, order: readonly string[]): unknown {
  if (!isObj(value)) return value;
  const rank = (k: string): number => (order.includes(k) ? order.indexOf(k) : order.length);
  const out: Obj = {};
  for (const k of Object.keys(value).sort((a, b) => rank(a) - rank(b))) out[k] = value[k];
  return out;
}
