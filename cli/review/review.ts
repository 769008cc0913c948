// The pure review: a parsed preview in, the change model out (changes,
// totals of commits and of credits, gate). No I/O; command.ts reads files and writes the rendering.

import { formatTimestamp } from "../../provider/core/timestamps";
import { buildChange } from "./build";
import { type CreditTypeTable, creditTypeTable } from "./credit-types";
import { type GateOptions, evaluateGate } from "./gate";
import { COMMITS, CREDITS } from "./kinds";
import type { Review } from "./model";
import type { PreviewDigest } from "./preview-types";
import { selectSteps } from "./steps";
import { markStillDeclared } from "./still-declared";
import { visibleControls, visibleStrings } from "./text";
import { totalsOf } from "./totals";

export interface ReviewOptions {
  /** When the plan is assumed to be applied (end-of-access estimates). Default: now. */
  asOf?: Date;
  /** Set to evaluate the CI gate. */
  gate?: GateOptions;
  creditTypes?: CreditTypeTable;
}

export function reviewPreview(raw: PreviewDigest, options: ReviewOptions = {}): Review {
  // Every string of the plan with its invisible characters made visible, once,
  // before anything reads it (text.ts: quoted values rely on it).
  const digest = visibleStrings(raw) as PreviewDigest;
  // Whole seconds: the estimate does not need more, and the text reads better.
  const asOf = new Date(Math.floor((options.asOf ?? new Date()).getTime() / 1000) * 1000);
  const table = options.creditTypes ?? creditTypeTable();
  const selected = selectSteps(digest);
  // By resource name: the engine's step order can vary between runs, and a PR
  // comment that is rewritten on every push should only change when the plan does.
  const changes = selected.changes
    .map((step) => buildChange(step, { asOf }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.urn < b.urn ? -1 : a.urn > b.urn ? 1 : 0));
  markStillDeclared(changes, digest);
  const totals = totalsOf(changes, COMMITS.kind.noun);
  const creditTotals = totalsOf(changes, CREDITS.kind.noun);
  // Diagnostics span lines; each becomes one line (line breaks as spaces), read from the plan as it came.
  const errors = (raw.diagnostics ?? [])
    .filter((d) => d.severity === "error")
    .map((d) => visibleControls(String(d.message).trim().replace(/\s*[\r\n]+\s*/g, " ")));
  const review: Review = {
    changes,
    totals,
    creditTotals,
    unchanged: selected.unchanged,
    other: selected.other,
    errors,
    asOf: formatTimestamp(asOf.getTime()),
  };
  if (options.gate) review.gate = evaluateGate(review, options.gate, table);
  return review;
}
