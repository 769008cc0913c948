// Inputs -> the snake_case create body (docs/metronome-api.md), field by
// field from the kind's table, after canonicalizing them (inputs as check
// stores them leave the defaults out, stored-inputs.ts). Provider-level
// fields and the engine's `__` keys never reach the API, and no key is ever
// undefined: JSON.stringify would drop it, but the request log and the
// idempotency hash should see exactly what is sent.

import type { CreateCommitBody } from "../api/wire";
import { canonicalize } from "./canonical";
import type { Field } from "./kind/field";
import type { Kind } from "./kind/kind";
import { customerCommitKind } from "./kinds/commit";
import type { CustomerCommitInputs } from "./inputs";
import type { Obj } from "./util";

/** The create body of `kind` for valid inputs. */
export function createBodyOf(kind: Kind, valid: Obj): Obj {
  const inputs = canonicalize(valid, kind);
  const body: Obj = {};
  for (const name of kind.fieldNames) {
    const field = kind.fields[name] as Field;
    const value = inputs[name];
    if (field.wire === undefined || field.change === "provider" || value === undefined) continue;
    body[field.wire] = field.toWire === undefined ? value : (field.toWire as (v: unknown) => unknown)(value);
  }
  return body;
}

/** The customerCommits/create body for valid commit inputs. */
export function toCreateBody(inputs: CustomerCommitInputs): CreateCommitBody {
  return createBodyOf(customerCommitKind, inputs) as unknown as CreateCommitBody;
}
