// The CI gate: reasons a plan needs an explicit approval.
//   --fail-on <actions>  any change of these kinds to a commit or a credit
//                        (`delete` = archive, endAccess or forget);
//   --max-change <n>     any net change in committed value, or in credited value
//                        (each on its own; a customer's, or all customers'
//                        together) larger than n currency units, per currency /
//                        credit type; a net change the preview cannot show
//                        (unknown until apply, or secret) cannot be proven
//                        within the limit and fails too;
//   either one           a preview that reported errors (the plan is incomplete).

import type { CreditTypeTable } from "./credit-types";
import type { ReviewedKind } from "./kinds";
import type { Action, Change, GateResult, Review, TotalRow, Totals } from "./model";
import { creditTypeLabel, creditTypeOf, exceedsLimit, formatMoney, limitInUnits } from "./money";
import { describeOpaque, pendingText, quoted } from "./text";
import { totalsByKind } from "./totals";
import { isOpaque } from "./values";

export const FAIL_ON_WORDS = ["create", "adopt", "edit", "replace", "delete", "archive", "endAccess", "forget"] as const;
export type FailOn = (typeof FAIL_ON_WORDS)[number];

export interface GateOptions {
  failOn: FailOn[];
  /** In currency units (dollars for USD cents), as given on the command line. */
  maxChange?: number;
}

const matches = (word: FailOn, action: Action): boolean =>
  word === action || (word === "delete" && (action === "archive" || action === "endAccess" || action === "forget"));

const VERB: Record<Action, (noun: string) => string> = {
  create: () => "creates",
  adopt: (noun) => `adopts a ${noun} as`,
  edit: () => "edits",
  replace: () => "replaces",
  archive: () => "archives",
  endAccess: () => "ends access to",
  forget: () => "stops managing",
};

function failOnReasons(changes: readonly Change[], failOn: readonly FailOn[]): string[] {
  const out: string[] = [];
  for (const c of changes) {
    const word = failOn.find((w) => matches(w, c.action));
    if (word === undefined) continue;
    const verb = c.action === "replace" && c.replaceUncertain ? "may replace" : VERB[c.action](c.kind);
    out.push(`the plan ${verb} ${c.kind} ${quoted(c.name)} (--fail-on ${word})`);
  }
  return out;
}

function maxChangeReasons(reviewed: ReviewedKind, totals: Totals, limit: number, table: CreditTypeTable): string[] {
  const netChange = reviewed.netChangeWords;
  const out: string[] = [];
  // Fails closed: a net change or a limit that cannot be compared exactly
  // (incomputable, unknown, secret, not finite) is a reason, never a pass.
  const check = (who: string, row: Omit<TotalRow, "customerId">) => {
    const currency = creditTypeLabel(row.creditTypeId, table);
    const units = limitInUnits(limit, isOpaque(row.creditTypeId) ? undefined : creditTypeOf(row.creditTypeId, table));
    const limitText = isOpaque(row.creditTypeId) || units === undefined ? String(limit) : formatMoney(units, row.creditTypeId, table);
    if (row.pending.length > 0) {
      out.push(`${who}: the ${netChange} in ${currency} includes ${pendingText(row.pending)}, so it cannot be checked against --max-change ${limitText}`);
      return;
    }
    const exceeds = units === undefined ? undefined : exceedsLimit(row.net, units);
    if (exceeds === undefined) {
      out.push(`${who}: the ${netChange} in ${currency} cannot be computed exactly, so it cannot be checked against --max-change ${limitText}`);
    } else if (exceeds) {
      out.push(`${who}: ${netChange} ${formatMoney(row.net, row.creditTypeId, table, { signed: true })} exceeds --max-change ${limitText}`);
    }
  };
  for (const row of totals.byCustomer) {
    check(`customer ${isOpaque(row.customerId) ? `(${describeOpaque(row.customerId.opaque)})` : quoted(row.customerId)}`, row);
  }
  for (const row of totals.overall) {
    const rows = totals.byCustomer.filter((r) => JSON.stringify(r.creditTypeId) === JSON.stringify(row.creditTypeId));
    if (rows.length > 1) check("all customers", row); // with one customer it is that customer's line
  }
  return out;
}

export function evaluateGate(review: Omit<Review, "gate">, options: GateOptions, table: CreditTypeTable): GateResult {
  const { errors, changes } = review;
  const limit = options.maxChange;
  const reasons = [
    ...(errors.length > 0 ? [`the preview reported ${errors.length} error${errors.length === 1 ? "" : "s"}, so the plan is incomplete`] : []),
    ...failOnReasons(changes, options.failOn),
    ...(limit === undefined ? [] : totalsByKind(review).flatMap(({ reviewed, totals }) => maxChangeReasons(reviewed, totals, limit, table))),
  ];
  return { failed: reasons.length > 0, reasons };
}
