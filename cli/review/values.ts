// Values a preview cannot show: Pulumi's unknowns (outputs of resources not
// created yet) and secrets. They are carried through the review as opaque
// markers and rendered as such; nothing is ever guessed from them.
//
// How they arrive in `pulumi preview --json`:
//   - unknown: the string sentinel 04da6b54-80e4-46f7-96ec-b56ff0331ba9 (the
//     provider's `check` passes it through, in any position and for any type),
//     or the CLI's display form `output<string>` in text copied from a diff;
//   - secret: the string "[secret]" (the CLI blinds secrets unless
//     --show-secrets is given).

import { UNKNOWN } from "../../provider/core/unknown";

/**
 * `incomputable`: an amount the review cannot compute exactly (a number that
 * is not an exact amount, see provider/core/money.ts, or a sum or product
 * that is not one). It is never shown as a number and fails the gate.
 */
export type OpaqueKind = "unknown" | "secret" | "incomputable";

/** A value the preview does not show. */
export interface Opaque {
  readonly opaque: OpaqueKind;
}

/** A known value, or an opaque marker. */
export type Val<T> = T | Opaque;

export const UNKNOWN_VALUE: Opaque = Object.freeze({ opaque: "unknown" });
export const SECRET_VALUE: Opaque = Object.freeze({ opaque: "secret" });
export const INCOMPUTABLE_VALUE: Opaque = Object.freeze({ opaque: "incomputable" });

export const isOpaque = (v: unknown): v is Opaque =>
  typeof v === "object" && v !== null && !Array.isArray(v) && Object.keys(v).length === 1 &&
  ((v as Opaque).opaque === "unknown" || (v as Opaque).opaque === "secret" || (v as Opaque).opaque === "incomputable");

/** The CLI's blinded secret. */
export const SECRET_TEXT = "[secret]";

/**
 * Inside the review, a secret is carried as this string before values are
 * canonicalized: the canonical form upper-cases enum fields, which would turn
 * "[secret]" into this anyway, and nothing else touches it.
 */
export const SECRET_MARK = "[SECRET]";

const CLI_UNKNOWN = /^output<[^>]*>$/;

/** The opaque kind of a raw preview value, if it is one. */
export function opaqueKindOf(raw: unknown): OpaqueKind | undefined {
  if (raw === UNKNOWN || (typeof raw === "string" && CLI_UNKNOWN.test(raw))) return "unknown";
  if (raw === SECRET_TEXT || raw === SECRET_MARK) return "secret";
  return undefined;
}

/**
 * A deep copy of raw preview properties with every unknown replaced by
 * Pulumi's sentinel and every secret by SECRET_MARK, the two forms the
 * provider's pure core passes through untouched.
 */
export function normalizeOpaque(raw: unknown): unknown {
  const kind = opaqueKindOf(raw);
  if (kind === "unknown") return UNKNOWN;
  if (kind === "secret") return SECRET_MARK;
  if (Array.isArray(raw)) return raw.map(normalizeOpaque);
  if (raw !== null && typeof raw === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(raw)) out[k] = normalizeOpaque(v);
    return out;
  }
  return raw;
}

/** A raw value as a `Val`: opaque markers become Opaque, everything else is checked by `guard`. */
export function toVal<T>(raw: unknown, guard: (v: unknown) => v is T): Val<T> | undefined {
  const kind = opaqueKindOf(raw);
  if (kind !== undefined) return kind === "unknown" ? UNKNOWN_VALUE : SECRET_VALUE;
  return guard(raw) ? raw : undefined;
}

/** Replaces every opaque marker inside a raw value with an Opaque object (for field changes). */
export function revealOpaque(raw: unknown): unknown {
  const kind = opaqueKindOf(raw);
  if (kind !== undefined) return kind === "unknown" ? UNKNOWN_VALUE : SECRET_VALUE;
  if (Array.isArray(raw)) return raw.map(revealOpaque);
  if (raw !== null && typeof raw === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(raw)) out[k] = revealOpaque(v);
    return out;
  }
  return raw;
}

/** True when the value is, or anywhere contains, an opaque marker of the given kind (any kind when omitted). */
export function containsOpaque(v: unknown, kind?: OpaqueKind): boolean {
  if (isOpaque(v)) return kind === undefined || v.opaque === kind;
  const raw = opaqueKindOf(v);
  if (raw !== undefined) return kind === undefined || raw === kind;
  if (Array.isArray(v)) return v.some((x) => containsOpaque(x, kind));
  if (v !== null && typeof v === "object") return Object.values(v).some((x) => containsOpaque(x, kind));
  return false;
}

/** The opaque kinds inside a value, sorted ("incomputable", "secret", "unknown"). */
export function opaqueKinds(v: unknown): OpaqueKind[] {
  return (["incomputable", "secret", "unknown"] as const).filter((k) => containsOpaque(v, k));
}

export const isString = (v: unknown): v is string => typeof v === "string";
export const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

const OPAQUE_TEXT: Record<OpaqueKind, string> = {
  unknown: "unknown until apply",
  secret: "[secret]",
  incomputable: "not computable exactly",
};

/** How an opaque value reads in a review. */
export function describeOpaque(kind: OpaqueKind): string {
  return OPAQUE_TEXT[kind];
}
