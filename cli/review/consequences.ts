// The money consequence of replacing or removing a commit, as sentences a
// reviewer can act on. Plain text with quoted values (text.ts), which each
// renderer shows its own way.

import type { CreditTypeTable } from "./credit-types";
import type { CommitChange, CommitSnapshot, EndAccessEstimate, ReplaceReason } from "./model";
import { formatMoney } from "./money";
import { sumVals } from "./snapshot";
import { describeOpaque, formatAccess, formatTime, quoted } from "./text";
import { isOpaque } from "./values";

const code = (v: unknown): string => {
  if (isOpaque(v)) return describeOpaque(v.opaque);
  if (v === undefined) return "(not set)";
  return quoted(typeof v === "string" ? v : JSON.stringify(v, (_k, x) => (isOpaque(x) ? describeOpaque(x.opaque) : x)));
};

const commitRef = (s: CommitSnapshot): string => (s.commitId === undefined ? "the old commit" : `commit ${code(s.commitId)}`);
const committed = (s: CommitSnapshot, t: CreditTypeTable): string => formatMoney(s.committed, s.creditTypeId, t);
/** "a new $1,000.00 commit", or "a new commit (amount unknown until apply)". */
const newCommit = (s: CommitSnapshot, t: CreditTypeTable): string =>
  isOpaque(s.committed) ? `a new commit (amount ${describeOpaque(s.committed.opaque)})` : `a new ${committed(s, t)} commit`;
const described = (s: CommitSnapshot, t: CreditTypeTable): string => `${commitRef(s)} (${committed(s, t)}, access ${formatAccess(s.access)})`;

function endAccessPhrase(before: CommitSnapshot, e: EndAccessEstimate, t: CreditTypeTable): string {
  const when = `at the next whole hour (${formatTime(e.endsAt)} if applied at ${e.asOf})`;
  const removed = `${formatMoney(e.lostValue, before.creditTypeId, t)} of access starting then or later is removed`;
  if (e.droppedInvoices.length === 0) return `ends access to ${described(before, t)} ${when}: ${removed}; the commit stays`;
  const creditTypeId = before.invoicing.kind === "items" ? before.invoicing.creditTypeId : before.creditTypeId;
  const invoiced = formatMoney(sumVals(e.droppedInvoices.map((i) => i.amount)), creditTypeId, t);
  const n = e.droppedInvoices.length;
  return `ends access to ${described(before, t)} ${when}: ${removed} and ${n} scheduled invoice${n === 1 ? "" : "s"} (${invoiced}) will not be issued; the commit stays`;
}

/** What happens to the old commit, as a verb phrase ("archives commit …"). */
function removalPhrase(change: CommitChange, t: CreditTypeTable): string {
  const before = change.before as CommitSnapshot;
  const removal = change.removal;
  if (before.archivedAt !== undefined) return `drops ${commitRef(before)}, which Metronome had already archived`;
  if (removal === undefined || removal.policy === "archive") return `archives ${described(before, t)}`;
  if (removal.policy === "forget") {
    const why = removal.retained ? ` (${quoted("retainOnDelete")} is set)` : "";
    return `stops managing ${described(before, t)}${why}; Metronome keeps billing it`;
  }
  const e = removal.endAccess as EndAccessEstimate;
  if (e.alreadyEnded) return `leaves ${commitRef(before)} as it is: its access already ended`;
  return endAccessPhrase(before, e, t);
}

function refusalLines(change: CommitChange): string[] {
  const e = change.removal?.endAccess;
  if (e?.refusal === undefined || change.before?.archivedAt !== undefined) return [];
  const ref = commitRef(change.before as CommitSnapshot);
  const then =
    change.action === "replace"
      ? "the replacement fails after the new commit was created, so both stay live"
      : "the delete fails and the commit stays live";
  return [`Metronome will refuse to end access to ${ref}: ${e.refusal}; ${then}. Set ${quoted('onDelete: "archive"')} or ${quoted('"forget"')} (and ${quoted("pulumi up")}) first.`];
}

function stillDeclaredLines(change: CommitChange): string[] {
  const others = change.stillDeclaredBy ?? [];
  if (others.length === 0 || change.before?.commitId === undefined) return [];
  const whom = others.map(quoted).join(", ");
  const verb = change.removal?.policy === "endAccess" ? "ends access to" : "archives";
  return [
    `${quoted(change.name)} ${verb} commit ${quoted(change.before.commitId)}, which ${whom} in this plan still ${others.length === 1 ? "declares" : "declare"}: ` +
      `after ${quoted("pulumi up")} ${others.length === 1 ? "that resource points" : "those resources point"} at a commit that is no longer live. ` +
      `Keep one declaration of each commit: give the one you remove ${quoted('onDelete: "forget"')} (and ${quoted("pulumi up")}) first, or drop it with ${quoted("pulumi state delete")}.`,
  ];
}

function reasonText(r: ReplaceReason): string {
  if (r.unknownUntilApply) return `${r.what} (${code(r.property)}) is unknown until apply`;
  return `${r.what} changes: ${code(r.before)} → ${code(r.after)}`;
}

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Warning sentences for a change; empty for creates and plain edits. */
export function warningsOf(change: CommitChange, t: CreditTypeTable): string[] {
  const out: string[] = [];
  if (change.action === "replace") {
    const before = change.before as CommitSnapshot;
    const after = change.after as CommitSnapshot;
    const forCustomer =
      JSON.stringify(after.customerId) === JSON.stringify(before.customerId)
        ? ""
        : isOpaque(after.customerId)
          ? ` for a customer ${describeOpaque(after.customerId.opaque)}`
          : ` for customer ${code(after.customerId)}`;
    const created =
      after.adopts === undefined ? `creates ${newCommit(after, t)}${forCustomer}` : `adopts commit ${code(after.adopts)}${forCustomer}`;
    const phrase = `${created} and ${removalPhrase(change, t)}`;
    const reasons = change.replaceReasons.map(reasonText).join("; ");
    if (change.replaceUncertain) {
      out.push(`May replace the commit: decided at apply, because ${reasons}. If it does, it ${phrase}.`);
    } else {
      out.push(`${capitalize(phrase)}.${reasons === "" ? "" : ` Replaced because ${reasons}.`}`);
    }
    const twoLive = change.removal?.policy === "forget" && before.archivedAt === undefined;
    if (twoLive) out.push("The customer will hold two live commits: the new one and the one left in Metronome.");
    else if (change.removal?.policy === "archive" && before.archivedAt === undefined) {
      out.push("If Metronome refuses the archive (finalized invoices still reference the old commit), both commits stay live.");
    }
  } else if (change.action === "archive" || change.action === "endAccess" || change.action === "forget") {
    out.push(`${capitalize(removalPhrase(change, t))}.`);
  }
  out.push(...stillDeclaredLines(change));
  out.push(...refusalLines(change));
  if (change.protect && (change.action === "replace" || change.removal !== undefined)) {
    out.push(`The resource is protected: Pulumi refuses this until ${quoted("protect")} is removed.`);
  }
  return out;
}
