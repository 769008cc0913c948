// A record as Metronome lists it (a commit, a credit) plus the prior state
// -> { inputs, outputs }. Used after create, on refresh (`read`) and after
// each update. When nothing drifted, `inputs` equals the canonical inputs
// that were declared, so the engine's diff stays empty.
//
// The read-back differs from what was sent, and each field's `read`
// (kind/field.ts) undoes that: references come back as objects
// (`product.id`, `credit_type.id`), timestamps with milliseconds, schedule
// items with server ids (kept in outputs, dropped from inputs), invoice
// items in all three forms, a recurring schedule only as its items; the
// customer and the provider-level fields come from the prior state.

import type { Commit } from "../api/wire";
import type { Field } from "./kind/field";
import type { Kind } from "./kind/kind";
import { customerCommitKind } from "./kinds/commit";
import { canonicalize } from "./canonical";
import { type CustomerCommitOutputs, outputsToInputs } from "./outputs";
import type { CustomerCommitInputs } from "./inputs";
import type { Obj } from "./util";

/** Prior state: the previous outputs, or the declared inputs right after a create or adoption. */
export type PriorState = Partial<CustomerCommitOutputs> | Partial<CustomerCommitInputs> | Obj;

export interface KindState<I = Obj, O = Obj> {
  inputs: I;
  outputs: O;
}

export type CommitState = KindState<CustomerCommitInputs, CustomerCommitOutputs>;

/** Maps a read-back record of `kind` and the prior state to canonical inputs and outputs. */
export function recordToState(kind: Kind, record: object, prior: object): KindState {
  const r = record as Obj;
  const p = prior as Obj;
  // Undefined values are dropped by canonicalize.
  const raw: Obj = {};
  for (const name of kind.fieldNames) {
    const field = kind.fields[name] as Field;
    raw[name] = field.change === "provider" ? p[name] : field.read !== undefined ? field.read(r, p) : r[field.wire as string];
  }
  // Server fields: canonicalize keeps keys it does not know as they are.
  for (const [name, read] of Object.entries(kind.serverOutputs)) raw[name] = read(r);

  // One canonical pass gives the outputs. The inputs are the outputs without
  // server ids and fields: canonicalize is idempotent and dropping
  // schedule-item ids keeps every list in canonical order, so they need no
  // second pass. Pulumi's state takes JSON values only: anything else from
  // the wire (undefined in a list, NaN, -0, a Date) goes through a JSON round
  // trip, which also gives inputs and outputs values of their own.
  const outputs = canonicalize(raw, kind);
  const inputs = outputsToInputs(outputs, [], kind);
  return { inputs: roundTrip(inputs), outputs: roundTrip(outputs) };
}

/** Maps a read-back commit and the prior state to canonical inputs and outputs. */
export function commitToState(commit: Commit, prior: PriorState): CommitState {
  return recordToState(customerCommitKind, commit, prior) as unknown as CommitState;
}

const roundTrip = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
