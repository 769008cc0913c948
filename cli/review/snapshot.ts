// Preview properties (inputs or outputs of one side of a step) -> a
// Snapshot. Properties are first put in the canonical form of their kind
// (defaults filled, enums upper case, timestamps in one form), with opaque
// values carried as markers the canonical form leaves alone.

import { canonicalize } from "../../provider/core/canonical";
import type { Kind } from "../../provider/core/kind/kind";
import { exactAmount, productAmount, sumAmounts } from "../../provider/core/money";
import { outputsToInputs } from "../../provider/core/outputs";
import { hasField } from "./kinds";
import type { AccessItem, InvoiceItem, Invoicing, RecurringInvoices, Snapshot } from "./model";
import { INCOMPUTABLE_VALUE, type Opaque, SECRET_VALUE, UNKNOWN_VALUE, type Val, isNumber, isOpaque, isString, normalizeOpaque, opaqueKindOf, toVal } from "./values";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** Raw preview properties of a `kind` -> canonical properties with opaque markers normalized. */
export function canonicalProps(raw: Obj, kind: Kind): Obj {
  return canonicalize(normalizeOpaque(raw) as Obj, kind);
}

/**
 * Canonical inputs of a side: outputs without the kind's server fields and
 * item ids, or the inputs. `revision` is the runtime's own count of writes,
 * kept in outputs.
 */
export function canonicalInputsOf(props: Obj, kind: Kind): Obj {
  return canonicalProps(outputsToInputs(props, ["revision"], kind), kind);
}

/** A required value: missing counts as unknown (the preview did not show it). */
const required = <T>(raw: unknown, guard: (v: unknown) => v is T): Val<T> => toVal(raw, guard) ?? UNKNOWN_VALUE;
const optional = <T>(raw: unknown, guard: (v: unknown) => v is T): Val<T> | undefined => (raw === undefined ? undefined : toVal(raw, guard));
const opaqueOf = (raw: unknown): Opaque | undefined => {
  const kind = opaqueKindOf(raw);
  return kind === undefined ? undefined : kind === "unknown" ? UNKNOWN_VALUE : SECRET_VALUE;
};

/** Which opaque part a result shows when several are opaque: incomputable, then unknown, then secret. */
const RANK: Record<Opaque["opaque"], number> = { incomputable: 2, unknown: 1, secret: 0 };
const worse = (a: Opaque | undefined, b: Opaque): Opaque => (a !== undefined && RANK[a.opaque] >= RANK[b.opaque] ? a : b);

/** An amount as the review carries it: an exact amount, an opaque marker, or incomputable. */
export function amountVal(raw: unknown): Val<number> {
  if (typeof raw === "number") return exactAmount(raw) === undefined ? INCOMPUTABLE_VALUE : raw;
  return required(raw, isNumber);
}

/** Adds values exactly; an opaque part makes the sum opaque, and a sum that is not an exact amount is incomputable. */
export function sumVals(values: Array<Val<number>>): Val<number> {
  const known: number[] = [];
  let opaque: Opaque | undefined;
  for (const v of values) {
    if (isOpaque(v)) opaque = worse(opaque, v);
    else known.push(v);
  }
  if (opaque !== undefined) return opaque;
  return sumAmounts(known) ?? INCOMPUTABLE_VALUE;
}

export function multiplyVals(a: Val<number>, b: Val<number>): Val<number> {
  if (isOpaque(a) || isOpaque(b)) return isOpaque(a) ? (isOpaque(b) ? worse(a, b) : a) : (b as Opaque);
  return productAmount(a, b) ?? INCOMPUTABLE_VALUE;
}

export function accessItemOf(raw: unknown): AccessItem {
  const whole = opaqueOf(raw);
  if (whole !== undefined || !isObj(raw)) {
    const v = whole ?? UNKNOWN_VALUE;
    return { amount: v, startingAt: v, endingBefore: v };
  }
  return {
    ...(typeof raw.id === "string" ? { id: raw.id } : {}),
    amount: amountVal(raw.amount),
    startingAt: required(raw.startingAt, isString),
    endingBefore: required(raw.endingBefore, isString),
  };
}

/** The billed amount of invoice fields: `amount`, else `quantity` × `unitPrice`. */
export function invoiceAmountOf(fields: { amount?: unknown; quantity?: unknown; unitPrice?: unknown }): Val<number> {
  if (fields.amount !== undefined) return amountVal(fields.amount);
  if (fields.quantity === undefined && fields.unitPrice === undefined) return UNKNOWN_VALUE;
  return multiplyVals(amountVal(fields.quantity ?? 1), amountVal(fields.unitPrice ?? 0));
}

export function invoiceItemOf(raw: unknown): InvoiceItem {
  const whole = opaqueOf(raw);
  if (whole !== undefined || !isObj(raw)) {
    const v = whole ?? UNKNOWN_VALUE;
    return { timestamp: v, amount: v };
  }
  return {
    ...(typeof raw.id === "string" ? { id: raw.id } : {}),
    timestamp: required(raw.timestamp, isString),
    amount: invoiceAmountOf(raw),
  };
}

function recurringOf(raw: unknown): RecurringInvoices {
  const whole = opaqueOf(raw);
  if (whole !== undefined || !isObj(raw)) {
    const v = whole ?? UNKNOWN_VALUE;
    return { frequency: v, distribution: v, startingAt: v, endingBefore: v, amount: v };
  }
  return {
    frequency: required(raw.frequency, isString),
    distribution: required(raw.amountDistribution, isString),
    startingAt: required(raw.startingAt, isString),
    endingBefore: required(raw.endingBefore, isString),
    amount: invoiceAmountOf(raw),
  };
}

function invoicingOf(raw: unknown): Invoicing {
  if (raw === undefined) return { kind: "none" };
  const whole = opaqueOf(raw);
  if (whole !== undefined) return { kind: "opaque", value: whole };
  if (!isObj(raw)) return { kind: "opaque", value: UNKNOWN_VALUE };
  const creditTypeId = required(raw.creditTypeId, isString);
  const doNotInvoice = toVal(raw.doNotInvoice, (v): v is boolean => typeof v === "boolean");
  if (doNotInvoice === true) return { kind: "doNotInvoice", creditTypeId };
  if (isOpaque(doNotInvoice)) return { kind: "opaque", value: doNotInvoice };
  if (raw.recurringSchedule !== undefined) return { kind: "recurring", creditTypeId, recurring: recurringOf(raw.recurringSchedule) };
  const items = raw.scheduleItems;
  const itemsOpaque = opaqueOf(items);
  if (itemsOpaque !== undefined) return { kind: "opaque", value: itemsOpaque };
  if (Array.isArray(items)) return { kind: "items", creditTypeId, items: items.map(invoiceItemOf) };
  return { kind: "none" };
}

/**
 * Reads one side of a resource of `kind`. `props` are the side's outputs (old
 * side: they carry schedule-item ids) or inputs (new side), with `__` keys
 * removed. A type and an invoice schedule are read for kinds that have them.
 */
export function snapshotOf(props: Obj, kind: Kind, id?: string): Snapshot {
  const c = canonicalProps(props, kind);
  const schedule = c.accessSchedule;
  const scheduleOpaque = opaqueOf(schedule);
  let creditTypeId: Val<string>;
  let access: Val<AccessItem[]>;
  if (scheduleOpaque !== undefined || !isObj(schedule)) {
    creditTypeId = scheduleOpaque ?? UNKNOWN_VALUE;
    access = scheduleOpaque ?? UNKNOWN_VALUE;
  } else {
    creditTypeId = required(schedule.creditTypeId, isString);
    const items = schedule.scheduleItems;
    access = Array.isArray(items) ? items.map(accessItemOf) : (opaqueOf(items) ?? UNKNOWN_VALUE);
  }
  const value = isOpaque(access) ? access : sumVals(access.map((i) => i.amount));
  const name = optional(c.name, isString);
  const adopts = optional(c[kind.existingIdField], isString);
  return {
    ...(id !== undefined ? { id } : {}),
    customerId: required(c.customerId, isString),
    productId: required(c.productId, isString),
    ...(hasField(kind, "type") ? { type: required(c.type, isString) } : {}),
    ...(name !== undefined ? { name } : {}),
    creditTypeId,
    access,
    value,
    ...(hasField(kind, "invoiceSchedule") ? { invoicing: invoicingOf(c.invoiceSchedule) } : {}),
    onDelete: required(c.onDelete, isString),
    ...(typeof props.archivedAt === "string" ? { archivedAt: props.archivedAt } : {}),
    ...(adopts !== undefined ? { adopts } : {}),
  };
}
