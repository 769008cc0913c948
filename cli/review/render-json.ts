// Review -> JSON for tools: the change model as is (amounts in credit-type
// units; unknown and secret values as {"opaque": "unknown" | "secret"}), plus
// the same display strings and warnings the Markdown shows. Keys are stable.

import { warningsOf } from "./consequences";
import type { CreditTypeTable } from "./credit-types";
import type { Action, CommitChange, CommitSnapshot, Review, TotalRow } from "./model";
import { creditTypeLabel, formatMoney } from "./money";
import { formatAccess, formatInvoicing, plainText } from "./text";

export const JSON_FORMAT = "pulumi-metronome.review/v1";

const ACTIONS: readonly Action[] = ["create", "adopt", "edit", "replace", "archive", "endAccess", "forget"];

function snapshotJson(s: CommitSnapshot | undefined, t: CreditTypeTable) {
  if (s === undefined) return undefined;
  return {
    ...s,
    display: {
      committed: formatMoney(s.committed, s.creditTypeId, t),
      currency: creditTypeLabel(s.creditTypeId, t),
      access: formatAccess(s.access),
      invoices: formatInvoicing(s.invoicing, t),
    },
  };
}

function changeJson(c: CommitChange, t: CreditTypeTable) {
  return {
    action: c.action,
    name: c.name,
    urn: c.urn,
    commitId: c.before?.commitId,
    before: snapshotJson(c.before, t),
    after: snapshotJson(c.after, t),
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
    totals: {
      byCustomer: review.totals.byCustomer.map((r) => totalJson(r, t)),
      overall: review.totals.overall.map((r) => totalJson(r, t)),
    },
    notSummarized: review.other,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
