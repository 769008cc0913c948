// Old outputs + new canonical inputs -> the in-place changes to make: one
// edit body (without the customer and resource ids, which the runtime adds)
// and the custom-field writes (the edit endpoints cannot touch custom fields,
// docs/metronome-api.md). Each editable field plans its own part (its `edit`,
// or the default: send the new value, or `clear` it; kind/field.ts).
// Replace-only fields are never planned: when they change, the engine
// replaces instead of updating.
//
// The plan is deterministic and empty (`{}`) when nothing editable changed,
// which the runtime also uses to confirm a write that may have applied.

import type { EditCommitBody } from "../api/wire";
import { canonicalize } from "./canonical";
import type { EditContext, Field } from "./kind/field";
import type { Kind } from "./kind/kind";
import { customerCommitKind } from "./kinds/commit";
import { type Obj, deepEqual } from "./util";

/** The edit-commit body without the ids of customer and commit. */
export type EditCommitChanges = Omit<EditCommitBody, "customer_id" | "commit_id">;

export interface UpdatePlan<Edit = EditCommitChanges> {
  edit?: Edit;
  /** Custom fields to set (new keys and changed values). */
  setCustomFields?: Record<string, string>;
  /** Custom field keys to delete. */
  deleteCustomFieldKeys?: string[];
  /** Changes no Metronome endpoint can make in place (e.g. clearing a name); the runtime should refuse them. */
  unsupported?: Array<{ property: string; reason: string }>;
}

function defaultEdit(name: string, field: Field, next: unknown, ctx: EditContext): void {
  const wire = field.wire as string;
  if (next !== undefined) {
    ctx.edit[wire] = field.toWire === undefined ? next : (field.toWire as (v: unknown) => unknown)(next);
    return;
  }
  const clear = field.clear;
  if (clear === undefined) return;
  if ("refuse" in clear) ctx.unsupported.push({ property: name, reason: clear.refuse(ctx.noun) });
  else ctx.edit[wire] = clear.send;
}

/** Plans the in-place update of a resource of `kind` from old outputs to new canonical inputs. */
export function planUpdate(oldOutputs: Obj, newInputs: Obj, kind: Kind = customerCommitKind): UpdatePlan {
  const olds = canonicalize(oldOutputs, kind);
  const news = canonicalize(newInputs, kind);
  const ctx: EditContext = { noun: kind.noun, olds, news, edit: {}, customFields: { set: {}, remove: [] }, unsupported: [] };
  for (const name of kind.fieldNames) {
    const field = kind.fields[name] as Field;
    if (field.change !== "edit" || field.replace?.when?.(news) === true) continue;
    if (deepEqual(olds[name], news[name])) continue;
    if (field.edit !== undefined) field.edit(olds[name], news[name], ctx);
    else defaultEdit(name, field, news[name], ctx);
  }
  const plan: UpdatePlan = {};
  if (Object.keys(ctx.edit).length > 0) plan.edit = ctx.edit as EditCommitChanges;
  if (Object.keys(ctx.customFields.set).length > 0) plan.setCustomFields = ctx.customFields.set;
  if (ctx.customFields.remove.length > 0) plan.deleteCustomFieldKeys = ctx.customFields.remove;
  if (ctx.unsupported.length > 0) plan.unsupported = ctx.unsupported;
  return plan;
}
