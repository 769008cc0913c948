// Small value helpers shared by the core modules: property paths in Pulumi's
// dotted/bracket form, plain-object tests, and a key-order-independent JSON
// used for deterministic sorting and deep equality.

export type Obj = Record<string, unknown>;
export type PathSegment = string | number;

export const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Renders a path the way Pulumi names properties in failures and diffs:
 * `accessSchedule.scheduleItems[1].endingBefore`; keys that are not plain
 * identifiers (custom field names) become `customFields["my key"]`.
 */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = "";
  for (const seg of segments) {
    if (typeof seg === "number") out += `[${seg}]`;
    else if (IDENTIFIER.test(seg)) out += out === "" ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** Reads the value at `segments`, or undefined when any step is missing. */
export function getAt(root: unknown, segments: readonly PathSegment[]): unknown {
  let cur: unknown = root;
  for (const seg of segments) {
    if (typeof seg === "number") {
      if (!Array.isArray(cur)) return undefined;
      cur = cur[seg];
    } else {
      if (!isObj(cur)) return undefined;
      cur = cur[seg];
    }
  }
  return cur;
}

/** JSON with object keys sorted at every level: equal values, equal text. */
export function stableStringify(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(",")}]`;
  if (isObj(v)) {
    const keys = Object.keys(v)
      .filter((k) => v[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify(v[k])}`).join(",")}}`;
  }
  return JSON.stringify(v) ?? "null";
}

/** Structural equality of JSON-like values (object key order ignored). */
export const deepEqual = (a: unknown, b: unknown): boolean => stableStringify(a) === stableStringify(b);

/** Code-unit string order: locale-independent, so sorting is the same everywhere. */
export const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Drops keys whose value is undefined, so results are JSON-safe (Pulumi rejects undefined). */
export function compact<T extends Obj>(o: T): T {
  const out: Obj = {};
  for (const k of Object.keys(o)) if (o[k] !== undefined) out[k] = o[k];
  return out as T;
}

/** True when the strings are in code-unit order (as `Array.prototype.sort` leaves them). */
export function isSortedStrings(keys: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i++) if (keys[i - 1]! > keys[i]!) return false;
  return true;
}

/**
 * True when `v` is made only of plain objects, arrays without holes, strings,
 * booleans, null and finite numbers other than -0: exactly the values that
 * `JSON.parse(JSON.stringify(v))` gives back unchanged.
 */
export function isExactJson(v: unknown): boolean {
  if (v === null || typeof v === "string" || typeof v === "boolean") return true;
  if (typeof v === "number") return Number.isFinite(v) && !Object.is(v, -0);
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (!(i in v) || !isExactJson(v[i])) return false;
    return true;
  }
  if (typeof v !== "object") return false; // undefined, functions, symbols, bigints
  const proto: unknown = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return false; // Date, Map, class instances
  if (Object.getOwnPropertySymbols(v).length > 0) return false;
  for (const key in v) if (!isExactJson((v as Obj)[key])) return false;
  return true;
}

/**
 * True when `a` equals `b`, an exact JSON value (see isExactJson), with
 * object keys in any order: `a` is then exact JSON too. Compares in place,
 * with no copy, no sort and no text.
 */
export function equalsExactJson(a: unknown, b: unknown): boolean {
  if (typeof b !== "object" || b === null) return Object.is(a, b);
  if (typeof a !== "object" || a === null) return false;
  if (Array.isArray(b)) {
    if (!Array.isArray(a) || a.length !== b.length) return false;
    for (let i = 0; i < b.length; i++) if (!(i in a) || !equalsExactJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(a)) return false;
  const proto: unknown = Object.getPrototypeOf(a);
  if (proto !== Object.prototype && proto !== null) return false;
  const keys = Object.keys(b);
  if (Object.keys(a).length !== keys.length || Object.getOwnPropertySymbols(a).length > 0) return false;
  for (const key of keys) {
    if (!Object.hasOwn(a, key) || !equalsExactJson((a as Obj)[key], (b as Obj)[key])) return false;
  }
  return true;
}
