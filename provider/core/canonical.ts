// Raw inputs -> canonical inputs. `check` returns this form (less the
// defaults it fills in, stored-inputs.ts) so that the engine's own diff
// (old inputs vs checked new inputs, docs/pulumi-dynamic.md) only ever sees
// real changes. Each field's rule is on the field (its
// `default` and `canonical`, kind/field.ts); the rules for single values are
// in canonical-values.ts. Among them:
//
// - enums upper case (`prepaid` -> `PREPAID`); `onDelete` in its camelCase
//   spelling (`ENDACCESS` -> `endAccess`);
// - timestamps in ONE form, `2027-01-01T00:00:00Z` (UTC, no milliseconds;
//   see timestamps.ts), whatever offset or precision was written;
// - uuid-shaped ids lower case (Metronome answers ids in lower case);
// - set-like arrays sorted and de-duplicated; specifiers sorted by their
//   canonical JSON; access items sorted by startingAt, invoice items by
//   timestamp (ties broken by the whole item);
// - empty arrays, empty maps and an empty description removed (an empty
//   specifier `{}` inside a list is kept: removing it would change meaning);
// - null treated as "not given";
// - defaults filled (credit types USD cents, doNotInvoice false, rateType
//   LIST_RATE, onDelete "archive");
// - numbers stay numbers; keys the kind does not know are kept as they are.
//
// The function is total: it never throws on malformed input (validation is
// check's job) and passes Pulumi's unknown sentinel through untouched, in any
// position. It is idempotent: canonicalize(canonicalize(x)) equals canonicalize(x).

import type { Field } from "./kind/field";
import type { Kind } from "./kind/kind";
import { customerCommitKind } from "./kinds/commit";
import { sortedGiven } from "./canonical-values";
import type { Obj } from "./util";

/**
 * The canonical form of raw inputs of `kind` (see the file comment).
 * Accepts anything; `__`-prefixed keys are the caller's business (check.ts
 * removes them first).
 */
export function canonicalize(o: Obj, kind: Kind = customerCommitKind): Obj {
  const out: Obj = { ...o };
  for (const name of kind.fieldNames) {
    const field = kind.fields[name] as Field;
    const given = o[name];
    const value = (given === undefined || given === null) && field.default !== undefined ? field.default : given;
    out[name] = field.canonical === undefined ? value : field.canonical(value);
  }
  // Key order does not matter to the engine, but a stable one makes state
  // files and test failures readable. Every object a field's rule builds
  // already has its keys sorted, so only this level needs it.
  return sortedGiven(out);
}
