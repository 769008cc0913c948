// Picks the steps of the reviewed kinds (kinds.ts: CustomerCommit,
// CustomerCredit) out of a preview and folds them into one planned change
// per resource. A replacement is one `replace` step by
// default; with --show-replacement-steps the CLI adds `create-replacement`
// and `delete-replaced` for the same URN, which are folded into it.

import { type ReviewedKind, kindOfToken } from "./kinds";
import type { PreviewDigest, PreviewStep, ResourceState } from "./preview-types";

export type PlannedOp = "create" | "update" | "replace" | "delete";

/** One resource's planned change, with `__`-prefixed keys removed from its properties. */
export interface ResourceStep {
  /** The kind the resource is of. */
  kind: ReviewedKind;
  op: PlannedOp;
  urn: string;
  /** The resource name, from the URN. */
  name: string;
  old?: ResourceState;
  new?: ResourceState;
  replaceReasons: string[];
  diffReasons: string[];
}

export interface SelectedSteps {
  changes: ResourceStep[];
  /** Commits and credits the plan leaves as they are. */
  unchanged: number;
  /** Steps on commits and credits the review does not summarize (read, refresh, import, ...). */
  other: Array<{ op: string; name: string }>;
}

/** `urn:pulumi:<stack>::<project>::<parent$...$type>::<name>` -> type and name. */
export function parseUrn(urn: string): { type: string; name: string } {
  const parts = urn.split("::");
  const qualified = parts[2] ?? "";
  const type = qualified.slice(qualified.lastIndexOf("$") + 1);
  const name = parts.length > 3 ? parts.slice(3).join("::") : urn;
  return { type, name };
}

/** The reviewed kind of the step's resource; undefined for every other resource. */
export function kindOfStep(step: PreviewStep): ReviewedKind | undefined {
  return kindOfToken(step.newState?.type ?? step.oldState?.type ?? parseUrn(step.urn).type);
}

function withoutInternal(state: ResourceState | null | undefined): ResourceState | undefined {
  if (state === null || state === undefined) return undefined;
  const strip = (props: Record<string, unknown> | undefined) =>
    props === undefined ? undefined : Object.fromEntries(Object.entries(props).filter(([k]) => !k.startsWith("__")));
  const out: ResourceState = { ...state };
  const inputs = strip(state.inputs);
  const outputs = strip(state.outputs);
  if (inputs === undefined) delete out.inputs;
  else out.inputs = inputs;
  if (outputs === undefined) delete out.outputs;
  else out.outputs = outputs;
  return out;
}

const PRIMARY: Record<string, PlannedOp> = { create: "create", update: "update", replace: "replace", delete: "delete" };

export function selectSteps(digest: PreviewDigest): SelectedSteps {
  const byUrn = new Map<string, ResourceStep>();
  const order: string[] = [];
  let unchanged = 0;
  const other: SelectedSteps["other"] = [];

  const upsert = (step: PreviewStep, kind: ReviewedKind, op: PlannedOp): ResourceStep => {
    let c = byUrn.get(step.urn);
    if (c === undefined) {
      c = { kind, op, urn: step.urn, name: parseUrn(step.urn).name, replaceReasons: [], diffReasons: [] };
      byUrn.set(step.urn, c);
      order.push(step.urn);
    }
    return c;
  };
  const merge = (c: ResourceStep, step: PreviewStep) => {
    c.old ??= withoutInternal(step.oldState);
    c.new ??= withoutInternal(step.newState);
    for (const r of step.replaceReasons ?? []) if (!c.replaceReasons.includes(r)) c.replaceReasons.push(r);
    for (const r of step.diffReasons ?? []) if (!c.diffReasons.includes(r)) c.diffReasons.push(r);
  };

  for (const step of digest.steps ?? []) {
    const kind = kindOfStep(step);
    if (kind === undefined) continue;
    const primary = PRIMARY[step.op];
    if (step.op === "same") unchanged++;
    else if (primary !== undefined) {
      const c = upsert(step, kind, primary);
      c.op = primary === "replace" || c.op === "replace" ? "replace" : primary;
      // A replace step carries both states; prefer them over a partial one.
      if (primary === "replace") {
        c.old = withoutInternal(step.oldState) ?? c.old;
        c.new = withoutInternal(step.newState) ?? c.new;
      }
      merge(c, step);
    } else if (step.op === "create-replacement") {
      const c = upsert(step, kind, "replace");
      c.op = "replace";
      c.new ??= withoutInternal(step.newState);
      merge(c, { ...step, oldState: undefined });
    } else if (step.op === "delete-replaced") {
      const c = upsert(step, kind, "replace");
      c.op = "replace";
      c.old ??= withoutInternal(step.oldState);
      merge(c, { ...step, newState: undefined });
    } else {
      other.push({ op: step.op, name: parseUrn(step.urn).name });
    }
  }
  return { changes: order.map((u) => byUrn.get(u) as ResourceStep), unchanged, other };
}
