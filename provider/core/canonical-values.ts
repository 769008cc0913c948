// The canonical-form rules for single values, shared by every field: ids,
// enums, sets, maps, schedule items. Each is total (it never throws, and
// passes Pulumi's unknown sentinel through untouched) and idempotent.

import { ON_DELETE } from "./inputs-constants";
import { parseTimestamp } from "./timestamps";
import { isUnknown } from "./unknown";
import { type Obj, compareStrings, isObj, isSortedStrings, stableStringify } from "./util";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Lower-cases a uuid; any other value is returned as is. So is the unknown
 * sentinel, and so is an id that lower-cases to it: that is a real id spelt
 * in another case, and turning it into the sentinel would make it unknown.
 */
export function canonicalId(v: unknown): unknown {
  if (typeof v !== "string" || v.length !== 36) return v;
  const lower = v.toLowerCase();
  // Already lower case (ids as Metronome answers them): the same either way, no need to test the shape.
  if (lower === v) return v;
  return UUID.test(v) && !isUnknown(lower) ? lower : v;
}

/** Upper-cases an enum value; anything else (including the unknown sentinel) is returned as is. */
export const upper = (v: unknown): unknown => (typeof v === "string" && !isUnknown(v) ? v.toUpperCase() : v);

export function canonicalOnDelete(v: unknown): unknown {
  if (typeof v !== "string") return v;
  return ON_DELETE.find((o) => o.toLowerCase() === v.toLowerCase()) ?? v;
}

/**
 * Copy with the keys sorted and null and undefined values dropped (null means
 * "not given"). Each object below is built as a spread of its raw form with
 * canonical values over it, then goes through here once.
 */
export function sortedGiven(o: Obj): Obj {
  const keys = Object.keys(o);
  if (!isSortedStrings(keys)) keys.sort();
  const out: Obj = {};
  for (const k of keys) {
    const v = o[k];
    if (v !== null && v !== undefined) out[k] = v;
  }
  return out;
}


/**
 * Sorted, de-duplicated copy of a set-like array; undefined when empty.
 * Unknown elements are all kept (two unknowns may turn out different).
 */
export function canonicalSet(v: unknown, mapItem: (x: unknown) => unknown = (x) => x): unknown {
  if (!Array.isArray(v)) return v;
  const seen = new Set<string>();
  const out: unknown[] = [];
  for (const raw of v) {
    const item = mapItem(raw);
    const key = stableStringify(item);
    if (!isUnknown(item) && seen.has(key)) continue;
    seen.add(key);
    out.push(item);
  }
  out.sort((a, b) => compareStrings(stableStringify(a), stableStringify(b)));
  return out.length === 0 ? undefined : out;
}

/** A string map with sorted keys; undefined when empty. */
export function canonicalMap(v: unknown): unknown {
  if (!isObj(v)) return v;
  const keys = Object.keys(v)
    .filter((k) => v[k] !== undefined && v[k] !== null)
    .sort(compareStrings);
  if (keys.length === 0) return undefined;
  const out: Obj = {};
  for (const k of keys) out[k] = v[k];
  return out;
}

/** Orders by a timestamp field (unparsable ones last), then by the item without its server id. */
function byTimestampThenItem(field: string) {
  const rank = (item: unknown): number => {
    const ms = isObj(item) ? parseTimestamp(item[field]) : undefined;
    return ms ?? Number.POSITIVE_INFINITY;
  };
  const rest = (item: unknown): string => {
    if (!isObj(item)) return stableStringify(item);
    const { id: _id, ...others } = item;
    return stableStringify(others);
  };
  return (a: unknown, b: unknown): number => {
    const ra = rank(a);
    const rb = rank(b);
    if (ra !== rb) return ra < rb ? -1 : 1;
    const byRest = compareStrings(rest(a), rest(b));
    if (byRest !== 0) return byRest;
    const ia = isObj(a) ? String(a.id ?? "") : "";
    const ib = isObj(b) ? String(b.id ?? "") : "";
    return compareStrings(ia, ib);
  };
}

export function sortedItems(v: unknown, mapItem: (item: Obj) => Obj, sortField: string): unknown {
  if (!Array.isArray(v)) return v;
  const items = v.map((item) => (isObj(item) ? mapItem(item) : item));
  sortScheduleItems(items, sortField);
  return items.length === 0 ? undefined : items;
}

/** Sorts canonical schedule items in place into canonical order, by `sortField` (a timestamp) first. */
export function sortScheduleItems(items: unknown[], sortField: string): void {
  if (items.length > 1) items.sort(byTimestampThenItem(sortField));
}

