// Review -> JSON for tools: the change model (amounts in credit-type units;
// unknown and secret values as {"opaque": "unknown" | "secret"}), plus the
// same display strings and warnings the Markdown shows. Keys are stable. A
// change names its kind ("commit", "credit"), and the kind names its id and
// value: `commitId` and `committed` for a commit, `creditId` and `credited`
// for a credit, which has no `type` and no `invoicing`. `totals` holds the
// net change in committed value, `totals.credited` that in credited value.

import { warningsOf } from "./consequences";
import type { CreditTypeTable } from "./credit-types";
import { kindOfNoun } from "./kinds";
import type { Action, Change, Review, Snapshot, TotalRow, Totals } from "./model";
import { creditTypeLabel, formatMoney } from "./money";
import { formatAccess, formatInvoicing, plainText } from "./text";

export const JSON_FORMAT = "pulumi-metronome.review/v1";

const ACTIONS: readonly Action[] = ["create", "adopt", "edit", "replace", "archive", "endAccess", "forget"];

/** `commitId` / `creditId`. */
const idKey = (noun: string): string => `${noun}Id`;

function snapshotJson(s: Snapshot | undefined, noun: string, t: CreditTypeTable) {
  if (s === undefined) return undefined;
  const valueKey = kindOfNoun(noun).valueWord;
  // Renamed in place: the keys keep the snapshot's order.
  const named = Object.fromEntries(Object.entries(s).map(([k, v]) => [k === "id" ? idKey(noun) : k === "value" ? valueKey : k, v]));
  return {
    ...named,
    display: {
      [valueKey]: formatMoney(s.value, s.creditTypeId, t),
      currency: creditTypeLabel(s.creditTypeId, t),
      access: formatAccess(s.access),
      ...(s.invoicing === undefined ? {} : { invoices: formatInvoicing(s.invoicing, t) }),
    },
  };
}

function changeJson(c: Change, t: CreditTypeTable) {
  return {
    kind: c.kind,
    action: c.action,
    name: c.name,
    urn: c.urn,
    [idKey(c.kind)]: c.before?.id,
    before: snapshotJson(c.before, c.kind, t),
    after: snapshotJson(c.after, c.kind, t),
    fields: c.fields,
    items: c.items,
    replaceReasons: c.replaceReasons,
    replaceUncertain: c.replaceUncertain,
    removal: c.removal,
    deltas: c.deltas.map((d) => ({ ...d, display: formatMoney(d.amount, d.creditTypeId, t, { signed: true }) })),
    warnings: warningsOf(c, t).map(plainText),
    notes: c.notes.map(plainText),
    stillDeclaredBy: c.stillDeclaredBy ?? [],
    protect: c.protect,
  };
}

const totalJson = <R extends Omit<TotalRow, "customerId">>(r: R, t: CreditTypeTable) => ({
  ...r,
  currency: creditTypeLabel(r.creditTypeId, t),
  display: formatMoney(r.net, r.creditTypeId, t, { signed: true }),
  complete: r.pending.length === 0,
});

const totalsJson = (totals: Totals, t: CreditTypeTable) => ({
  byCustomer: totals.byCustomer.map((r) => totalJson(r, t)),
  overall: totals.overall.map((r) => totalJson(r, t)),
});

export function renderJson(review: Review, t: CreditTypeTable): string {
  const counts: Record<string, number> = {};
  for (const action of ACTIONS) {
    const n = review.changes.filter((c) => c.action === action).length;
    if (n > 0) counts[action] = n;
  }
  const doc = {
    format: JSON_FORMAT,
    asOf: review.asOf,
    summary: { ...counts, unchanged: review.unchanged },
    gate: review.gate === undefined ? null : { ...review.gate, reasons: review.gate.reasons.map(plainText) },
    errors: review.errors,
    changes: review.changes.map((c) => changeJson(c, t)),
    totals: { ...totalsJson(review.totals, t), credited: totalsJson(review.creditTotals, t) },
    notSummarized: review.other,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
