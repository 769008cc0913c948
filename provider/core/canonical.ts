// Raw inputs -> canonical inputs. `check` returns this form so that the
// engine's own diff (old inputs vs checked new inputs, docs/pulumi-dynamic.md)
// only ever sees real changes. The rules, in one place:
//
// - enums upper case (`prepaid` -> `PREPAID`); `onDelete` in its camelCase
//   spelling (`ENDACCESS` -> `endAccess`);
// - timestamps in ONE form, `2027-01-01T00:00:00Z` (UTC, no milliseconds;
//   see timestamps.ts), whatever offset or precision was written;
// - uuid-shaped ids lower case (Metronome answers ids in lower case);
// - set-like arrays (applicableContractIds, applicableProductIds,
//   applicableProductTags, specifier productTags) sorted and de-duplicated;
//   specifiers sorted by their canonical JSON; access items sorted by
//   startingAt, invoice items by timestamp (ties broken by the whole item);
// - empty arrays, empty maps and an empty description removed (an empty
//   specifier `{}` inside a list is kept: removing it would change meaning);
// - null treated as "not given";
// - defaults filled: both schedules' creditTypeId = USD cents,
//   invoiceSchedule.doNotInvoice = false, rateType = LIST_RATE (the value the
//   server fills), onDelete = "archive";
// - numbers stay numbers; keys this file does not know are kept as they are.
//
// The function is total: it never throws on malformed input (validation is
// check's job) and passes Pulumi's unknown sentinel through untouched, in any
// position. It is idempotent: canonicalize(canonicalize(x)) equals canonicalize(x).

import { USD_CENTS_CREDIT_TYPE_ID } from "../api/wire";
import { ON_DELETE } from "./schema";
import { canonicalTimestamp, parseTimestamp } from "./timestamps";
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
function sortedGiven(o: Obj): Obj {
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

function sortedItems(v: unknown, mapItem: (item: Obj) => Obj, sortField: string): unknown {
  if (!Array.isArray(v)) return v;
  const items = v.map((item) => (isObj(item) ? mapItem(item) : item));
  sortScheduleItems(items, sortField);
  return items.length === 0 ? undefined : items;
}

/** Sorts canonical schedule items in place into canonical order, by `sortField` (a timestamp) first. */
export function sortScheduleItems(items: unknown[], sortField: string): void {
  if (items.length > 1) items.sort(byTimestampThenItem(sortField));
}

function canonicalAccessItem(item: Obj): Obj {
  return sortedGiven({
    ...item,
    startingAt: canonicalTimestamp(item.startingAt),
    endingBefore: canonicalTimestamp(item.endingBefore),
  });
}

function canonicalInvoiceItem(item: Obj): Obj {
  return sortedGiven({ ...item, timestamp: canonicalTimestamp(item.timestamp) });
}

export function canonicalRecurring(r: unknown): unknown {
  if (!isObj(r)) return r;
  return sortedGiven({
    ...r,
    amountDistribution: upper(r.amountDistribution),
    frequency: upper(r.frequency),
    startingAt: canonicalTimestamp(r.startingAt),
    endingBefore: canonicalTimestamp(r.endingBefore),
  });
}

export function canonicalAccessSchedule(s: unknown): unknown {
  if (!isObj(s)) return s;
  return sortedGiven({
    ...s,
    creditTypeId: canonicalId(s.creditTypeId ?? USD_CENTS_CREDIT_TYPE_ID),
    // Kept even when empty: an empty list is a validation failure, not "absent".
    scheduleItems: Array.isArray(s.scheduleItems)
      ? (sortedItems(s.scheduleItems, canonicalAccessItem, "startingAt") ?? [])
      : s.scheduleItems,
  });
}

function canonicalInvoiceSchedule(s: unknown): unknown {
  if (!isObj(s)) return s;
  return sortedGiven({
    ...s,
    creditTypeId: canonicalId(s.creditTypeId ?? USD_CENTS_CREDIT_TYPE_ID),
    doNotInvoice: s.doNotInvoice ?? false,
    scheduleItems: sortedItems(s.scheduleItems, canonicalInvoiceItem, "timestamp"),
    recurringSchedule: canonicalRecurring(s.recurringSchedule),
  });
}

function canonicalSpecifier(s: unknown): unknown {
  if (!isObj(s)) return s;
  return sortedGiven({
    ...s,
    productId: canonicalId(s.productId),
    productTags: canonicalSet(s.productTags),
    pricingGroupValues: canonicalMap(s.pricingGroupValues),
    presentationGroupValues: canonicalMap(s.presentationGroupValues),
  });
}

export function canonicalSpecifiers(v: unknown): unknown {
  if (!Array.isArray(v)) return v;
  const out = v.map(canonicalSpecifier);
  out.sort((a, b) => compareStrings(stableStringify(a), stableStringify(b)));
  return out.length === 0 ? undefined : out;
}

/**
 * The canonical form of raw CustomerCommit inputs (see the file comment).
 * Accepts anything; `__`-prefixed keys are the caller's business (check.ts
 * removes them first).
 */
export function canonicalize(o: Obj): Obj {
  const out: Obj = {
    ...o,
    customerId: canonicalId(o.customerId),
    type: upper(o.type),
    productId: canonicalId(o.productId),
    accessSchedule: canonicalAccessSchedule(o.accessSchedule),
    invoiceSchedule: canonicalInvoiceSchedule(o.invoiceSchedule),
    invoiceContractId: canonicalId(o.invoiceContractId),
    applicableContractIds: canonicalSet(o.applicableContractIds, canonicalId),
    applicableProductIds: canonicalSet(o.applicableProductIds, canonicalId),
    applicableProductTags: canonicalSet(o.applicableProductTags),
    specifiers: canonicalSpecifiers(o.specifiers),
    description: o.description === "" ? undefined : o.description,
    customFields: canonicalMap(o.customFields),
    rateType: upper(o.rateType ?? "LIST_RATE"),
    onDelete: canonicalOnDelete(o.onDelete ?? "archive"),
    existingCommitId: canonicalId(o.existingCommitId),
  };
  // Key order does not matter to the engine, but a stable one makes state
  // files and test failures readable. Every object built above already has
  // its keys sorted (sortedGiven, canonicalMap), so only this level needs it;
  // values this file does not know are kept as they are, key order included.
  return sortedGiven(out);
}
