// Step 2 of 3 (list -> model -> render): each live commit becomes the
// arguments of one `CustomerCommit`, plus the comments a reader needs.
//
// The arguments are derived from `commitToState`, the very mapping the
// provider applies when it adopts the commit and on every refresh, so the
// declaration is, by construction, what the provider will compare against:
// its canonical inputs, minus the values that equal the canonical defaults
// (USD cents credit types, LIST_RATE, doNotInvoice false, onDelete archive).
// Each declaration is then checked the way `pulumi up` will check it
// (validation, then adoption's comparison); any finding becomes a WARNING
// comment on the declaration instead of a surprise at deploy time.

import type { Commit } from "../../provider/api/wire";
import { USD_CENTS_CREDIT_TYPE_ID } from "../../provider/api/wire";
import {
  type OnDelete,
  canonicalTimestamp,
  commitToState,
  parseTimestamp,
  validateInputs,
} from "../../provider/core";
import { canonicalize } from "../../provider/core/canonical";
import type { Kind } from "../../provider/core/kind/kind";
import { customerCommitKind } from "../../provider/core/kinds/commit";
import { type Obj, type PathSegment, deepEqual, getAt, isObj, stableStringify } from "../../provider/core/util";
import { differences, formatDifferences } from "../../provider/core/differences";
import { usdFromCents as usd } from "./format";
import type { CustomerCommits } from "./list";
import { resourceNames, variableNames } from "./names";
import { detectFrequency, unmodelledFields } from "./notes";

/**
 * The order in which a kind's arguments are written: the adoption line
 * (`existingCommitId`) first, then the kind's fields in table order, which is
 * the order a person reads a declaration in.
 */
export function argOrder(kind: Kind): string[] {
  return [kind.existingIdField, ...kind.fieldNames.filter((n) => n !== kind.existingIdField)];
}

/** What the renderer writes next to a value: a trailing `// ...` comment, keyed by argument path. */
export type Annotations = Record<string, string>;

export interface Declaration {
  resourceName: string;
  variableName: string;
  commitId: string;
  customerId: string;
  /** Exactly the arguments written, in ARG_ORDER; schedule items in canonical order. */
  args: Obj;
  /** Trailing comments by path (`productId`, `accessSchedule.scheduleItems[0]`, ...). */
  annotations: Annotations;
  /** Paragraphs written above the declaration. */
  notes: string[];
  /** Paragraphs that mean `pulumi up` would not adopt the commit as written. */
  warnings: string[];
}

/** A commit that cannot be declared at all, with the reason. */
export interface Undeclarable {
  commitId: string;
  reason: string;
}

export interface CustomerModel {
  customerId: string;
  archived: number;
  /** Live commits skipped because the target stack already manages them. */
  managed: number;
  declarations: Declaration[];
  undeclarable: Undeclarable[];
}

export interface ModelOptions {
  onDelete: OnDelete;
  /** Commit ids the target stack already manages: skipped and counted. */
  managed?: ReadonlySet<string>;
}

/** Declarations for every customer; resource and variable names unique across the module. */
export function buildModel(customers: readonly CustomerCommits[], options: ModelOptions): CustomerModel[] {
  const models = customers.map((c) => modelCustomer(c, options));
  const all = models.flatMap((m) => m.declarations);
  const names = resourceNames(all.map((d) => ({ commitId: d.commitId, commitName: d.args.name as string | undefined })));
  const variables = variableNames(names);
  all.forEach((d, i) => {
    d.resourceName = names[i] as string;
    d.variableName = variables[i] as string;
  });
  return models;
}

function modelCustomer(c: CustomerCommits, options: ModelOptions): CustomerModel {
  const declarations: Declaration[] = [];
  const undeclarable: Undeclarable[] = [];
  let managed = 0;
  for (const commit of [...c.live].sort(byAccessStartThenName)) {
    if (options.managed?.has(commit.id)) {
      managed++;
      continue;
    }
    const reason = whyUndeclarable(commit);
    if (reason !== undefined) undeclarable.push({ commitId: commit.id, reason });
    else declarations.push(declare(commit, c.customerId, options));
  }
  return { customerId: c.customerId, archived: c.archived, managed, declarations, undeclarable };
}

/**
 * Deterministic order whatever order Metronome lists in: by first access
 * start, then name, then creation time, then id.
 */
function byAccessStartThenName(a: Commit, b: Commit): number {
  const firstStart = (c: Commit): number =>
    Math.min(Infinity, ...(c.access_schedule?.schedule_items ?? []).map((i) => parseTimestamp(i.starting_at) ?? Infinity));
  const created = (c: Commit): number => parseTimestamp(c.created_at) ?? Infinity;
  const byNumber = (x: number, y: number): number => (x === y ? 0 : x < y ? -1 : 1);
  const byText = (x: string, y: string): number => (x === y ? 0 : x < y ? -1 : 1);
  return (
    byNumber(firstStart(a), firstStart(b)) ||
    byText(a.name ?? "\uffff", b.name ?? "\uffff") ||
    byNumber(created(a), created(b)) ||
    byText(a.id, b.id)
  );
}

function whyUndeclarable(commit: Commit): string | undefined {
  if (commit.contract !== undefined && commit.contract !== null) {
    return `it is a commit of contract ${commit.contract.id}, not a customer-level commit`;
  }
  if (commit.access_schedule === undefined || commit.access_schedule.schedule_items.length === 0) {
    return "Metronome returned no access schedule for it";
  }
  if (typeof commit.priority !== "number") return "Metronome returned no priority for it";
  return undefined;
}

/**
 * The declaration's arguments: canonical inputs in argument order, without
 * the values that equal the canonical defaults. A key is a default exactly
 * when removing it leaves the canonical form unchanged (canonicalize fills it
 * back in): USD credit types, `doNotInvoice: false`, `LIST_RATE`, `onDelete:
 * "archive"`, and whatever default a kind's field table declares, at any depth.
 */
export function withoutDefaults(inputs: Obj, kind: Kind): Obj {
  const target = canonicalize(inputs, kind);
  let current = inputs;
  // Top down: a value whose removal changes the canonical form is kept, and
  // its own keys (and those of the objects in its lists) are tried in turn.
  const visit = (path: PathSegment[]): void => {
    const here = getAt(current, path);
    if (Array.isArray(here)) here.forEach((_, i) => visit([...path, i]));
    if (!isObj(here)) return;
    for (const key of Object.keys(here)) {
      const candidate = removedAt(current, [...path, key]) as Obj;
      if (deepEqual(canonicalize(candidate, kind), target)) current = candidate;
      else visit([...path, key]);
    }
  };
  visit([]);
  const out: Obj = { ...current };
  if (Array.isArray(out.specifiers)) out.specifiers = out.specifiers.map((sp) => orderKeys(sp, SPECIFIER_ORDER));
  const ordered: Obj = {};
  for (const key of argOrder(kind)) if (out[key] !== undefined) ordered[key] = orderSchedule(out[key]);
  return ordered;
}

/** A copy of `value` without the key at `path` (copies along the path only; key order kept). */
function removedAt(value: unknown, path: readonly PathSegment[]): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  if (Array.isArray(value) && typeof head === "number") return value.map((v, i) => (i === head ? removedAt(v, rest) : v));
  if (!isObj(value) || typeof head !== "string") return value;
  if (rest.length === 0) {
    const { [head]: _removed, ...others } = value;
    return others;
  }
  return { ...value, [head]: removedAt(value[head], rest) };
}

/** Schedules read best with the credit type first and the items last. */
function orderSchedule(value: unknown): unknown {
  if (!isObj(value) || (!("scheduleItems" in value) && !("recurringSchedule" in value))) return value;
  const { scheduleItems, recurringSchedule, ...head } = value;
  const items = Array.isArray(scheduleItems) ? scheduleItems.map(orderItem) : scheduleItems;
  return { ...head, ...(recurringSchedule === undefined ? {} : { recurringSchedule }), ...(items === undefined ? {} : { scheduleItems: items }) };
}

// Access items read "how much, from, until"; invoice items "when, how much".
const ITEM_ORDER = ["timestamp", "amount", "quantity", "unitPrice", "startingAt", "endingBefore"];

const SPECIFIER_ORDER = ["productId", "productTags", "pricingGroupValues", "presentationGroupValues"];

const orderItem = (item: unknown): unknown => orderKeys(item, ITEM_ORDER);

/** A copy with `order`'s keys first, in that order (others after, as they were). */
function orderKeys(value: unknown, order: readonly string[]): unknown {
  if (!isObj(value)) return value;
  const rank = (k: string): number => (order.includes(k) ? order.indexOf(k) : order.length);
  const out: Obj = {};
  for (const k of Object.keys(value).sort((a, b) => rank(a) - rank(b))) out[k] = value[k];
  return out;
}

function declare(commit: Commit, customerId: string, options: ModelOptions): Declaration {
  const prior = { customerId, existingCommitId: commit.id, onDelete: options.onDelete };
  const { inputs } = commitToState(commit, prior);
  const args = withoutDefaults(inputs, customerCommitKind);
  const raw = commit as unknown as Obj;
  const notes: string[] = [];
  const annotations: Annotations = {};

  if (commit.product.name) annotations.productId = commit.product.name;

  const accessType = commit.access_schedule?.credit_type;
  const accessUsd = (accessType?.id ?? USD_CENTS_CREDIT_TYPE_ID) === USD_CENTS_CREDIT_TYPE_ID;
  if (!accessUsd && accessType?.name) annotations["accessSchedule.creditTypeId"] = accessType.name;
  const accessItems = ((args.accessSchedule as Obj).scheduleItems ?? []) as Obj[];
  accessItems.forEach((item, i) => {
    if (accessUsd && typeof item.amount === "number") annotations[`accessSchedule.scheduleItems[${i}]`] = usd(item.amount);
  });

  const invoice = commit.invoice_schedule;
  if (isObj(args.invoiceSchedule) && invoice !== undefined) {
    const invoiceUsd = (invoice.credit_type?.id ?? USD_CENTS_CREDIT_TYPE_ID) === USD_CENTS_CREDIT_TYPE_ID;
    if (!invoiceUsd && invoice.credit_type?.name) annotations["invoiceSchedule.creditTypeId"] = invoice.credit_type.name;
    const declared = (args.invoiceSchedule.scheduleItems ?? []) as Obj[];
    const rawItems = [...(invoice.schedule_items ?? [])];
    declared.forEach((item, i) => {
      // Pair with the read-back item (same instant and amount) for what only the read-back knows.
      const at = rawItems.findIndex(
        (r) => canonicalTimestamp(r.timestamp) === item.timestamp && (item.amount === undefined || r.amount === item.amount),
      );
      const match = at >= 0 ? rawItems.splice(at, 1)[0] : undefined;
      const parts: string[] = [];
      if (invoiceUsd) {
        if (item.amount !== undefined) parts.push(usd(item.amount as number));
        else if (typeof item.quantity === "number" && typeof item.unitPrice === "number") {
          const total = match?.amount ?? (item.quantity as number) * (item.unitPrice as number);
          parts.push(`${item.quantity} × ${usd(item.unitPrice)} = ${usd(total)}`);
        }
      }
      if (match?.invoice_id) parts.push(`on issued invoice ${match.invoice_id}: Metronome refuses to change or remove this item`);
      if (parts.length > 0) annotations[`invoiceSchedule.scheduleItems[${i}]`] = parts.join("; ");
    });
    const frequency = detectFrequency(declared.map((item) => parseTimestamp(item.timestamp) ?? NaN));
    if (frequency !== undefined) {
      notes.push(
        `Invoices: Metronome answers invoice schedules as items, also when the commit was created from a ` +
          `recurringSchedule (it expands the schedule at creation and does not return it). These ` +
          `${declared.length} invoices fall ${frequency} from ${declared[0]?.timestamp as string}, so this was ` +
          `probably a ${frequency} recurringSchedule. They are declared as the items Metronome holds, which is what ` +
          `adoption compares; each item can be edited in place (a recurringSchedule could only be replaced).`,
      );
    }
  }

  for (const field of unmodelledFields(raw, customerCommitKind)) {
    notes.push(
      `Not declared: ${field.about ?? field.path} = ${stableStringify(field.value)}. CustomerCommitArgs has no ` +
        `place for \`${field.path}\`; the provider neither compares nor changes it, so it stays as Metronome holds it.`,
    );
  }

  return {
    resourceName: "",
    variableName: "",
    commitId: commit.id,
    customerId,
    args,
    annotations,
    notes,
    warnings: adoptionWarnings(commit, args),
  };
}

/**
 * What `pulumi up` would make of the declaration: the resource's `check`,
 * then adoption's field-by-field comparison with Metronome's commit. Both
 * are expected to pass; anything else is written on the declaration.
 */
function adoptionWarnings(commit: Commit, args: Obj): string[] {
  // Without a key in Metronome the resource class derives one; any string stands in for it here.
  const declared = { ...args, uniquenessKey: args.uniquenessKey ?? "derived-by-CustomerCommit" };
  const checked = validateInputs(declared);
  if (!checked.ok) {
    return [
      `WARNING: pulumi-metronome's checks reject this declaration, so \`pulumi up\` will stop before adopting it: ` +
        checked.issues.map((i) => `${i.path || "(inputs)"}: ${i.message}`).join("; "),
    ];
  }
  const back = commitToState(commit, checked.inputs).inputs;
  const found = differences(JSON.parse(JSON.stringify(checked.inputs)), JSON.parse(JSON.stringify(back)));
  if (found.length === 0) return [];
  return [`WARNING: adoption would report differences:\n${formatDifferences(found)}`];
}
