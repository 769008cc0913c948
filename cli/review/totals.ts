// Net change in the value one kind grants (committed for commits, credited
// for credits: never added together), per customer and credit type, and per
// credit type over all customers. A contribution the preview does not show
// (unknown until apply, or secret) is not guessed: the row keeps its known
// part and records what is pending.

import { sumAmounts } from "../../provider/core/money";
import { COMMITS, CREDITS, type ReviewedKind } from "./kinds";
import type { Change, Delta, Review, TotalRow, Totals } from "./model";
import { type OpaqueKind, type Val, isOpaque } from "./values";

const keyOf = (v: Val<string>): string => (isOpaque(v) ? `~${v.opaque}` : v);
/** Known values first, in code-unit order; then secret, then unknown. */
const compareVals = (a: Val<string>, b: Val<string>): number => {
  const ka = keyOf(a);
  const kb = keyOf(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

/** Adds exactly; a part or a total that is not an exact amount leaves the row incomputable. */
function add(row: { net: number; pending: OpaqueKind[] }, amount: Val<number>): void {
  const kind = isOpaque(amount) ? amount.opaque : undefined;
  if (kind === undefined) {
    const net = sumAmounts([row.net, amount as number]);
    if (net !== undefined) {
      row.net = net;
      return;
    }
  }
  const pending = kind ?? "incomputable";
  if (!row.pending.includes(pending)) {
    row.pending.push(pending);
    row.pending.sort();
  }
}

/** The totals of the changes to resources of the kind named `noun`. */
export function totalsOf(changes: readonly Change[], noun: string): Totals {
  const rows = new Map<string, TotalRow>();
  const overall = new Map<string, Omit<TotalRow, "customerId">>();
  const deltas: Delta[] = changes.filter((c) => c.kind === noun).flatMap((c) => c.deltas);
  for (const d of deltas) {
    const rowKey = `${keyOf(d.customerId)}\u0000${keyOf(d.creditTypeId)}`;
    let row = rows.get(rowKey);
    if (row === undefined) rows.set(rowKey, (row = { customerId: d.customerId, creditTypeId: d.creditTypeId, net: 0, pending: [] }));
    add(row, d.amount);
    const allKey = keyOf(d.creditTypeId);
    let all = overall.get(allKey);
    if (all === undefined) overall.set(allKey, (all = { creditTypeId: d.creditTypeId, net: 0, pending: [] }));
    add(all, d.amount);
  }
  const byCustomer = [...rows.values()].sort(
    (a, b) => compareVals(a.customerId, b.customerId) || compareVals(a.creditTypeId, b.creditTypeId),
  );
  return { byCustomer, overall: [...overall.values()].sort((a, b) => compareVals(a.creditTypeId, b.creditTypeId)) };
}

/** Each kind's totals, commits' first: shown, and checked by the gate, apart. */
export function totalsByKind(review: Pick<Review, "totals" | "creditTotals">): Array<{ reviewed: ReviewedKind; totals: Totals }> {
  return [
    { reviewed: COMMITS, totals: review.totals },
    { reviewed: CREDITS, totals: review.creditTotals },
  ];
}
