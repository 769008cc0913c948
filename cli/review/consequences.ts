// The money consequence of replacing or removing a commit or credit, as
// sentences a reviewer can act on. Plain text with quoted values (text.ts),
// which each renderer shows its own way. Resources are named by their kind's
// noun ("commit", "credit").

import type { CreditTypeTable } from "./credit-types";
import type { Change, EndAccessEstimate, ReplaceReason, Snapshot } from "./model";
import { formatMoney } from "./money";
import { sumVals } from "./snapshot";
import { describeOpaque, formatAccess, formatTime, quoted } from "./text";
import { isOpaque } from "./values";

const code = (v: unknown): string => {
  if (isOpaque(v)) return describeOpaque(v.opaque);
  if (v === undefined) return "(not set)";
  return quoted(typeof v === "string" ? v : JSON.stringify(v, (_k, x) => (isOpaque(x) ? describeOpaque(x.opaque) : x)));
};

const ref = (noun: string, s: Snapshot): string => (s.id === undefined ? `the old ${noun}` : `${noun} ${code(s.id)}`);
const valueOf = (s: Snapshot, t: CreditTypeTable): string => formatMoney(s.value, s.creditTypeId, t);
/** "a new $1,000.00 commit", or "a new credit (amount unknown until apply)". */
const newOne = (noun: string, s: Snapshot, t: CreditTypeTable): string =>
  isOpaque(s.value) ? `a new ${noun} (amount ${describeOpaque(s.value.opaque)})` : `a new ${valueOf(s, t)} ${noun}`;
const described = (noun: string, s: Snapshot, t: CreditTypeTable): string => `${ref(noun, s)} (${valueOf(s, t)}, access ${formatAccess(s.access)})`;

function endAccessPhrase(noun: string, before: Snapshot, e: EndAccessEstimate, t: CreditTypeTable): string {
  const when = `at the next whole hour (${formatTime(e.endsAt)} if applied at ${e.asOf})`;
  const removed = `${formatMoney(e.lostValue, before.creditTypeId, t)} of access starting then or later is removed`;
  if (e.droppedInvoices.length === 0) return `ends access to ${described(noun, before, t)} ${when}: ${removed}; the ${noun} stays`;
  const creditTypeId = before.invoicing?.kind === "items" ? before.invoicing.creditTypeId : before.creditTypeId;
  const invoiced = formatMoney(sumVals(e.droppedInvoices.map((i) => i.amount)), creditTypeId, t);
  const n = e.droppedInvoices.length;
  return `ends access to ${described(noun, before, t)} ${when}: ${removed} and ${n} scheduled invoice${n === 1 ? "" : "s"} (${invoiced}) will not be issued; the ${noun} stays`;
}

/** What happens to the old one, as a verb phrase ("archives commit …"). */
function removalPhrase(change: Change, t: CreditTypeTable): string {
  const noun = change.kind;
  const before = change.before as Snapshot;
  const removal = change.removal;
  if (before.archivedAt !== undefined) return `drops ${ref(noun, before)}, which Metronome had already archived`;
  if (removal === undefined || removal.policy === "archive") return `archives ${described(noun, before, t)}`;
  if (removal.policy === "forget") {
    const why = removal.retained ? ` (${quoted("retainOnDelete")} is set)` : "";
    // A credit is never invoiced: what stays is its balance, for the customer to draw down.
    const stays = before.invoicing === undefined ? "it stays live in Metronome" : "Metronome keeps billing it";
    return `stops managing ${described(noun, before, t)}${why}; ${stays}`;
  }
  const e = removal.endAccess as EndAccessEstimate;
  if (e.alreadyEnded) return `leaves ${ref(noun, before)} as it is: its access already ended`;
  return endAccessPhrase(noun, before, e, t);
}

function refusalLines(change: Change): string[] {
  const noun = change.kind;
  const e = change.removal?.endAccess;
  if (e?.refusal === undefined || change.before?.archivedAt !== undefined) return [];
  const which = ref(noun, change.before as Snapshot);
  const then =
    change.action === "replace"
      ? `the replacement fails after the new ${noun} was created, so both stay live`
      : `the delete fails and the ${noun} stays live`;
  return [`Metronome will refuse to end access to ${which}: ${e.refusal}; ${then}. Set ${quoted('onDelete: "archive"')} or ${quoted('"forget"')} (and ${quoted("pulumi up")}) first.`];
}

function stillDeclaredLines(change: Change): string[] {
  const noun = change.kind;
  const others = change.stillDeclaredBy ?? [];
  if (others.length === 0 || change.before?.id === undefined) return [];
  const whom = others.map(quoted).join(", ");
  const verb = change.removal?.policy === "endAccess" ? "ends access to" : "archives";
  return [
    `${quoted(change.name)} ${verb} ${noun} ${quoted(change.before.id)}, which ${whom} in this plan still ${others.length === 1 ? "declares" : "declare"}: ` +
      `after ${quoted("pulumi up")} ${others.length === 1 ? "that resource points" : "those resources point"} at a ${noun} that is no longer live. ` +
      `Keep one declaration of each ${noun}: give the one you remove ${quoted('onDelete: "forget"')} (and ${quoted("pulumi up")}) first, or drop it with ${quoted("pulumi state delete")}.`,
  ];
}

function reasonText(r: ReplaceReason): string {
  if (r.unknownUntilApply) return `${r.what} (${code(r.property)}) is unknown until apply`;
  return `${r.what} changes: ${code(r.before)} → ${code(r.after)}`;
}

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Warning sentences for a change; empty for creates and plain edits. */
export function warningsOf(change: Change, t: CreditTypeTable): string[] {
  const noun = change.kind;
  const out: string[] = [];
  if (change.action === "replace") {
    const before = change.before as Snapshot;
    const after = change.after as Snapshot;
    const forCustomer =
      JSON.stringify(after.customerId) === JSON.stringify(before.customerId)
        ? ""
        : isOpaque(after.customerId)
          ? ` for a customer ${describeOpaque(after.customerId.opaque)}`
          : ` for customer ${code(after.customerId)}`;
    const created =
      after.adopts === undefined ? `creates ${newOne(noun, after, t)}${forCustomer}` : `adopts ${noun} ${code(after.adopts)}${forCustomer}`;
    const phrase = `${created} and ${removalPhrase(change, t)}`;
    const reasons = change.replaceReasons.map(reasonText).join("; ");
    if (change.replaceUncertain) {
      out.push(`May replace the ${noun}: decided at apply, because ${reasons}. If it does, it ${phrase}.`);
    } else {
      out.push(`${capitalize(phrase)}.${reasons === "" ? "" : ` Replaced because ${reasons}.`}`);
    }
    const twoLive = change.removal?.policy === "forget" && before.archivedAt === undefined;
    if (twoLive) out.push(`The customer will hold two live ${noun}s: the new one and the one left in Metronome.`);
    else if (change.removal?.policy === "archive" && before.archivedAt === undefined) {
      out.push(`If Metronome refuses the archive (finalized invoices still reference the old ${noun}), both ${noun}s stay live.`);
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
