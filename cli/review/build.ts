// One planned step -> one Change: which action, the commit or credit before
// and after, what changes, what a removal does, and the change in the value
// it grants (committed or credited).

import { estimateEndAccess } from "./end-access";
import { fieldChanges } from "./field-changes";
import { type Action, type Change, type Delta, REMOVAL_ACTIONS, type Removal, type RemovalPolicy, type ReplaceReason, type Snapshot } from "./model";
import type { ResourceState } from "./preview-types";
import { scheduleChanges } from "./schedule-changes";
import { canonicalInputsOf, canonicalProps, snapshotOf, sumVals } from "./snapshot";
import type { ResourceStep } from "./steps";
import { quoted } from "./text";
import { type Val, containsOpaque, isOpaque, revealOpaque } from "./values";

export interface BuildOptions {
  /** When `endAccess` estimates assume the plan is applied. */
  asOf: Date;
}

type Obj = Record<string, unknown>;

const negate = (v: Val<number>): Val<number> => (isOpaque(v) ? v : v === 0 ? 0 : -v);
const minus = (a: Val<number>, b: Val<number>): Val<number> => sumVals([a, negate(b)]);

/** The old side: outputs (Metronome's view, with item ids) when present. */
const oldProps = (s: ResourceState | undefined): Obj => s?.outputs ?? s?.inputs ?? {};
/** The new side: the checked inputs (in preview, outputs are the same or absent). */
const newProps = (s: ResourceState | undefined): Obj => s?.inputs ?? s?.outputs ?? {};

function emptyChange(step: ResourceStep, action: Action): Change {
  return {
    kind: step.kind.kind.noun,
    action,
    name: step.name,
    urn: step.urn,
    fields: [],
    items: [],
    replaceReasons: [],
    replaceUncertain: false,
    deltas: [],
    notes: [],
    protect: step.old?.protect === true,
  };
}

function removalOf(old: ResourceState | undefined, before: Snapshot, asOf: Date, notes: string[]): Removal {
  const retained = old?.retainOnDelete === true;
  let policy: RemovalPolicy = "archive";
  if (retained) policy = "forget";
  else if (isOpaque(before.onDelete)) notes.push(`${quoted("onDelete")} is not shown in the preview; the provider's default, archive, is assumed.`);
  else if ((REMOVAL_ACTIONS as readonly string[]).includes(before.onDelete)) policy = before.onDelete as RemovalPolicy;
  return {
    policy,
    retained,
    ...(policy === "endAccess" ? { endAccess: estimateEndAccess(before, asOf) } : {}),
  };
}

/** The change in value when `before` is removed per `removal`. */
function removalDelta(before: Snapshot, removal: Removal): Delta {
  const at = { customerId: before.customerId, creditTypeId: before.creditTypeId };
  if (before.archivedAt !== undefined) return { ...at, amount: 0 };
  if (removal.policy === "archive") return { ...at, amount: negate(before.value) };
  if (removal.policy === "endAccess" && removal.endAccess && removal.endAccess.refusal === undefined) {
    return { ...at, amount: negate(removal.endAccess.lostValue) };
  }
  return { ...at, amount: 0 };
}

/** In the kind's order (customer, type, credit types, ..., key), whatever order the engine printed. */
function replaceReasonsOf(step: ResourceStep, oldCanon: Obj, newCanon: Obj): ReplaceReason[] {
  const table = step.kind.kind.replaceOnly;
  const rank = (property: string): number => {
    const i = table.findIndex((f) => f.property === property);
    return i < 0 ? table.length : i;
  };
  const properties = [...step.replaceReasons].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return properties.map((property) => {
    const rule = table.find((f) => f.property === property);
    const before = rule ? rule.value(oldCanon) : oldCanon[property];
    const after = rule ? rule.value(newCanon) : newCanon[property];
    return {
      property,
      what: rule?.review ?? property,
      before: revealOpaque(before),
      after: revealOpaque(after),
      unknownUntilApply: containsOpaque(after, "unknown"),
    };
  });
}

function notesOf(before: Snapshot | undefined, noun: string): string[] {
  if (before?.archivedAt === undefined) return [];
  return [`Metronome had already archived this ${noun} (${before.archivedAt}); a refresh drops it from the stack.`];
}

export function buildChange(step: ResourceStep, options: BuildOptions): Change {
  const kind = step.kind.kind;
  if (step.op === "create") {
    const after = snapshotOf(newProps(step.new), kind);
    const change = emptyChange(step, after.adopts === undefined ? "create" : "adopt");
    change.after = after;
    // Adoption takes over one Metronome already holds: no new value.
    change.deltas = [{ customerId: after.customerId, creditTypeId: after.creditTypeId, amount: after.adopts === undefined ? after.value : 0 }];
    return change;
  }

  const before = snapshotOf(oldProps(step.old), kind, step.old?.id);
  if (step.op === "delete") {
    const notes = notesOf(before, kind.noun);
    const removal = removalOf(step.old, before, options.asOf, notes);
    const change = emptyChange(step, removal.policy);
    change.before = before;
    change.removal = removal;
    change.notes = notes;
    change.deltas = [removalDelta(before, removal)];
    return change;
  }

  const oldRaw = oldProps(step.old);
  const newRaw = newProps(step.new);
  const after = snapshotOf(newRaw, kind);
  const oldCanon = canonicalInputsOf(oldRaw, kind);
  const newCanon = canonicalProps(newRaw, kind);
  const schedule = scheduleChanges(oldRaw, newRaw, kind);

  if (step.op === "update") {
    const change = emptyChange(step, "edit");
    change.before = before;
    change.after = after;
    change.fields = fieldChanges(oldCanon, newCanon, kind, { changedKeys: step.diffReasons });
    change.items = schedule.items;
    change.notes = [
      ...notesOf(before, kind.noun),
      ...schedule.unsupported.map((u) => `${quoted("pulumi up")} will refuse this edit: ${quoted(u.property)}: ${u.reason}.`),
    ];
    // Customer and credit type cannot change in place: the edit stays with the old ones.
    change.deltas = [{ customerId: before.customerId, creditTypeId: before.creditTypeId, amount: minus(after.value, before.value) }];
    return change;
  }

  // replace
  const change = emptyChange(step, "replace");
  const notes = notesOf(before, kind.noun);
  change.before = before;
  change.after = after;
  change.replaceReasons = replaceReasonsOf(step, oldCanon, newCanon);
  change.replaceUncertain = change.replaceReasons.length > 0 && change.replaceReasons.every((r) => r.unknownUntilApply);
  change.fields = fieldChanges(oldCanon, newCanon, kind, { skip: step.replaceReasons, changedKeys: step.diffReasons });
  // A certain replacement makes a new one: item-by-item edits of the old one would mislead.
  // An uncertain one may turn out an edit at apply, so its item changes are shown.
  change.items = change.replaceUncertain ? schedule.items : [];
  change.removal = removalOf(step.old, before, options.asOf, notes);
  change.notes = notes;
  change.deltas = [
    { customerId: after.customerId, creditTypeId: after.creditTypeId, amount: after.adopts === undefined ? after.value : 0 },
    removalDelta(before, change.removal),
  ];
  return change;
}
