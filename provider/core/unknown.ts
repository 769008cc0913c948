// Pulumi's "unknown" sentinel. During `preview`, any input whose value is not
// known yet (an Output of a resource still to be created) reaches `check` and
// `diff` as this exact string, whatever type the field normally has: a number,
// an array or an object can all arrive as this string (pulumi/pulumi#6310).
// The core therefore treats it as an opaque value that every function passes
// through untouched and every rule skips.

/** The string Pulumi puts where an input is not known yet (preview only). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** True when `v` is Pulumi's unknown sentinel. */
export const isUnknown = (v: unknown): boolean => v === UNKNOWN;

/** True when `v` is, or anywhere contains, the unknown sentinel. */
export function containsUnknown(v: unknown): boolean {
  if (isUnknown(v)) return true;
  if (Array.isArray(v)) return v.some(containsUnknown);
  if (v !== null && typeof v === "object") return Object.values(v).some(containsUnknown);
  return false;
}
