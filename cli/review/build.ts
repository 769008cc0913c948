// One planned step -> one CommitChange: which action, the commit before and
// after, what changes, what a removal does, and the change in committed value.

import { REPLACE_ONLY } from "../../provider/core/replace";
import { customerCommitInputsSchema } from "../../provider/core/schema";
import { estimateEndAccess } from "./end-access";
import { fieldChanges } from "./field-changes";
import { type Action, type CommitChange, type CommitSnapshot, type Delta, REMOVAL_ACTIONS, type Removal, type RemovalPolicy, type ReplaceReason } from "./model";
import type { ResourceState } from "./preview-types";
import { scheduleChanges } from "./schedule-changes";
import { canonicalInputsOf, canonicalProps, snapshotOf, sumVals } from "./snapshot";
import type { CommitStep } from "./steps";
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

function emptyChange(step: CommitStep, action: Action): CommitChange {
  return {
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

function removalOf(old: ResourceState | undefined, before: CommitSnapshot, asOf: Date, notes: string[]): Removal {
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

/** The change in committed value when `before` is removed per `removal`. */
function removalDelta(before: CommitSnapshot, removal: Removal): Delta {
  const at = { customerId: before.customerId, creditTypeId: before.creditTypeId };
  if (before.archivedAt !== undefined) return { ...at, amount: 0 };
  if (removal.policy === "archive") return { ...at, amount: negate(before.committed) };
  if (removal.policy === "endAccess" && removal.endAccess && removal.endAccess.refusal === undefined) {
    return { ...at, amount: negate(removal.endAccess.lostValue) };
  }
  return { ...at, amount: 0 };
}

/** How the review names what forces a replacement (the provider's table words it for developers). */
const REASON_WORDS: Record<string, string> = {
  customerId: "the customer",
  type: "the commit type",
  accessSchedule: "the access credit type",
  invoiceSchedule: "the invoice schedule's fixed part (credit type, doNotInvoice, recurring schedule, or whether there is one)",
  uniquenessKey: "the uniqueness key",
  netsuiteSalesOrderId: "the NetSuite sales order id",
  salesforceOpportunityId: "the Salesforce opportunity id",
  applicableContractIds: "the applicable contracts of a POSTPAID commit",
};

/** In the provider's order (customer, type, credit types, ..., key), whatever order the engine printed. */
const rank = (property: string): number => {
  const i = REPLACE_ONLY.findIndex((f) => f.property === property);
  return i < 0 ? REPLACE_ONLY.length : i;
};

function replaceReasonsOf(step: CommitStep, oldCanon: Obj, newCanon: Obj): ReplaceReason[] {
  const properties = [...step.replaceReasons].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return properties.map((property) => {
    const rule = REPLACE_ONLY.find((f) => f.property === property);
    const before = rule ? rule.value(oldCanon) : oldCanon[property];
    const after = rule ? rule.value(newCanon) : newCanon[property];
    return {
      property,
      what: REASON_WORDS[property] ?? rule?.what ?? property,
      before: revealOpaque(before),
      after: revealOpaque(after),
      unknownUntilApply: containsOpaque(after, "unknown"),
    };
  });
}

function notesOf(before: CommitSnapshot | undefined): string[] {
  if (before?.archivedAt === undefined) return [];
  return [`Metronome had already archived this commit (${before.archivedAt}); a refresh drops it from the stack.`];
}

export function buildChange(step: CommitStep, options: BuildOptions): CommitChange {
  if (step.op === "create") {
    const after = snapshotOf(newProps(step.new));
    const change = emptyChange(step, after.adopts === undefined ? "create" : "adopt");
    change.after = after;
    // Adoption takes over a commit Metronome already holds: no new committed value.
    change.deltas = [{ customerId: after.customerId, creditTypeId: after.creditTypeId, amount: after.adopts === undefined ? after.committed : 0 }];
    return change;
  }

  const before = snapshotOf(oldProps(step.old), step.old?.id);
  if (step.op === "delete") {
    const notes = notesOf(before);
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
  const after = snapshotOf(newRaw);
  const oldCanon = canonicalInputsOf(oldRaw);
  const newCanon = canonicalProps(newRaw);
  const schedule = scheduleChanges(oldRaw, newRaw);
  // Input properties only: outputs also carry server fields (createdAt, revision, ...).
  const only = [...Object.keys(customerCommitInputsSchema.shape), ...Object.keys(newCanon)];

  if (step.op === "update") {
    const change = emptyChange(step, "edit");
    change.before = before;
    change.after = after;
    change.fields = fieldChanges(oldCanon, newCanon, { changedKeys: step.diffReasons, only });
    change.items = schedule.items;
    change.notes = [
      ...notesOf(before),
      ...schedule.unsupported.map((u) => `${quoted("pulumi up")} will refuse this edit: ${quoted(u.property)}: ${u.reason}.`),
    ];
    // Customer and credit type cannot change in place: the edit stays with the old ones.
    change.deltas = [{ customerId: before.customerId, creditTypeId: before.creditTypeId, amount: minus(after.committed, before.committed) }];
    return change;
  }

  // replace
  const change = emptyChange(step, "replace");
  const notes = notesOf(before);
  change.before = before;
  change.after = after;
  change.replaceReasons = replaceReasonsOf(step, oldCanon, newCanon);
  change.replaceUncertain = change.replaceReasons.length > 0 && change.replaceReasons.every((r) => r.unknownUntilApply);
  change.fields = fieldChanges(oldCanon, newCanon, { skip: step.replaceReasons, changedKeys: step.diffReasons, only });
  // A certain replacement makes a new commit: item-by-item edits of the old one would mislead.
  // An uncertain one may turn out an edit at apply, so its item changes are shown.
  change.items = change.replaceUncertain ? schedule.items : [];
  change.removal = removalOf(step.old, before, options.asOf, notes);
  change.notes = notes;
  change.deltas = [
    { customerId: after.customerId, creditTypeId: after.creditTypeId, amount: after.adopts === undefined ? after.committed : 0 },
    removalDelta(before, change.removal),
  ];
  return change;
}
