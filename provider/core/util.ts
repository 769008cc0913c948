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
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as T;
}

/** Copy with object keys sorted at every level (arrays keep their order); undefined values dropped. */
export function sortKeysDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeysDeep);
  if (!isObj(v)) return v;
  const out: Obj = {};
  for (const k of Object.keys(v).sort(compareStrings)) if (v[k] !== undefined) out[k] = sortKeysDeep(v[k]);
  return out;
}
