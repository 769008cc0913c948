// Review -> Markdown for a pull-request comment. Pure: the same review and
// credit-type table always give the same text. Commits and credits are shown
// apart: one table of changes each (a credit has no type and no invoices),
// and one table of net changes each (committed value, credited value).

import { warningsOf } from "./consequences";
import type { CreditTypeTable } from "./credit-types";
import { REVIEWED_KINDS, type ReviewedKind, hasField } from "./kinds";
import { mdAlert, mdCode, mdLiteral, mdSentence, mdTable } from "./markdown";
import type { AccessItem, Action, Change, FieldChange, InvoiceItem, ItemChange, Review, Snapshot, TotalRow, Totals } from "./model";
import { creditTypeLabel, formatMoney } from "./money";
import { describeOpaque, formatAccess, formatInvoicing, formatRange, formatTime, pendingText } from "./text";
import { totalsByKind } from "./totals";
import { type OpaqueKind, type Val, isOpaque } from "./values";

const ACTION_LABEL: Record<Action, string> = {
  create: "create",
  adopt: "adopt",
  edit: "edit",
  replace: "**replace**",
  archive: "**archive**",
  endAccess: "**end access**",
  forget: "**forget**",
};
const ACTION_WORD: Record<Action, string> = {
  create: "create",
  adopt: "adopt",
  edit: "edit",
  replace: "replace",
  archive: "archive",
  endAccess: "end access",
  forget: "forget",
};

const OPAQUE_MD: Record<OpaqueKind, string> = {
  unknown: "_unknown until apply_",
  secret: "`[secret]`",
  incomputable: "**not computable exactly**",
};
const opaqueMd = (kind: OpaqueKind): string => OPAQUE_MD[kind];
const valMd = (v: Val<string> | undefined): string => (v === undefined ? "" : isOpaque(v) ? opaqueMd(v.opaque) : mdCode(v));
const plainMd = (v: Val<string>): string => (isOpaque(v) ? opaqueMd(v.opaque) : mdLiteral(v));
/** Plain text from the text helpers: opaque phrases italicised, the rest escaped. */
const textMd = (s: string): string =>
  s === describeOpaque("unknown") ? opaqueMd("unknown") : s === describeOpaque("secret") ? opaqueMd("secret") : s === describeOpaque("incomputable") ? opaqueMd("incomputable") : mdLiteral(s);

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
/** A table cell of a changing value: the new one, with the old one below it. */
const changed = (before: string, after: string): string => (before === after ? after : `${after}<br>(was ${before})`);

function money(s: Snapshot, t: CreditTypeTable): string {
  return textMd(formatMoney(s.value, s.creditTypeId, t));
}

function resourceCell(c: Change): string {
  const name = (c.after ?? c.before)?.name;
  return name === undefined ? mdCode(c.name) : `${mdCode(c.name)}<br>${plainMd(name)}`;
}

/** A column of the changes table: its header and its cell for one snapshot. */
interface Column {
  header: string;
  cell: (s: Snapshot, t: CreditTypeTable) => string;
}

const CUSTOMER: Column = { header: "Customer", cell: (s) => valMd(s.customerId) };
const PRODUCT: Column = { header: "Product", cell: (s) => valMd(s.productId) };
const TYPE: Column = { header: "Type", cell: (s) => (s.type === undefined ? "" : plainMd(s.type)) };
const ACCESS: Column = { header: "Access", cell: (s) => textMd(formatAccess(s.access)) };
const INVOICES: Column = { header: "Invoices", cell: (s, t) => (s.invoicing === undefined ? "" : textMd(formatInvoicing(s.invoicing, t))) };

/** The table of one kind's changes: a Type column and an Invoices column for kinds with those fields (commits). */
function changesTable(reviewed: ReviewedKind, changes: readonly Change[], t: CreditTypeTable): string {
  const { kind } = reviewed;
  const leading = [CUSTOMER, PRODUCT, ...(hasField(kind, "type") ? [TYPE] : [])];
  const trailing = [ACCESS, ...(hasField(kind, "invoiceSchedule") ? [INVOICES] : [])];
  const header = ["Action", reviewed.resourceHeader, ...leading.map((c) => c.header), "Amount", ...trailing.map((c) => c.header)];
  const rows = changes.map((c) => {
    const label = c.action === "replace" && c.replaceUncertain ? "**replace?**" : ACTION_LABEL[c.action];
    const { before } = c;
    const shown = (c.after ?? before) as Snapshot;
    const pair = (f: (s: Snapshot) => string): string => (before && c.after ? changed(f(before), f(c.after)) : f(shown));
    const amount = c.action === "adopt" ? `${money(shown, t)} (existing)` : pair((s) => money(s, t));
    return [
      label,
      resourceCell(c),
      ...leading.map((col) => pair((s) => col.cell(s, t))),
      amount,
      ...trailing.map((col) => pair((s) => col.cell(s, t))),
    ];
  });
  return mdTable(header, rows);
}

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** The reviewed kinds the plan changes, in their order. */
const kindsChanged = (review: Review): ReviewedKind[] => REVIEWED_KINDS.filter((k) => review.changes.some((c) => c.kind === k.kind.noun));

/** "commit", "credit", or "commit and credit" (every kind when the plan changes none). */
function nounsOf(review: Review, joiner: string): string {
  const changed = kindsChanged(review);
  return (changed.length > 0 ? changed : REVIEWED_KINDS).map((k) => k.kind.noun).join(joiner);
}

function summaryLine(review: Review): string {
  const parts = (Object.keys(ACTION_WORD) as Action[]).flatMap((a) => {
    const n = review.changes.filter((c) => c.action === a).length;
    return n === 0 ? [] : [`${n} ${ACTION_WORD[a]}`];
  });
  const unchanged = review.unchanged > 0 ? ` · ${review.unchanged} unchanged` : "";
  return parts.length === 0 ? `No ${nounsOf(review, " or ")} changes${unchanged}.` : `**${parts.join(" · ")}**${unchanged}`;
}

// ---- details ------------------------------------------------------------------

function valueMd(v: unknown): string {
  if (v === undefined) return "_(not set)_";
  if (isOpaque(v)) return opaqueMd(v.opaque);
  if (typeof v === "string") return mdCode(v);
  return mdCode(JSON.stringify(v, (_k, x) => (isOpaque(x) ? describeOpaque(x.opaque) : x)));
}

const fieldLine = (f: FieldChange): string => `${mdCode(f.path)}: ${valueMd(f.before)} → ${valueMd(f.after)}`;

function accessLine(ch: Extract<ItemChange, { schedule: "access" }>, c: Change, t: CreditTypeTable): string {
  const ct = (s?: Snapshot) => s?.creditTypeId ?? (c.after ?? c.before)?.creditTypeId ?? { opaque: "unknown" as const };
  const amt = (i: AccessItem, s?: Snapshot) => textMd(formatMoney(i.amount, ct(s), t));
  const span = (i: AccessItem) => textMd(formatRange(i.startingAt, i.endingBefore));
  const id = ch.id === undefined ? "" : ` ${mdCode(ch.id)}`;
  if (ch.kind === "add" && ch.after) return `access item added: ${amt(ch.after, c.after)}, ${span(ch.after)}`;
  if (ch.kind === "remove" && ch.before) return `access item${id} removed: ${amt(ch.before, c.before)}, ${span(ch.before)}`;
  const b = ch.before as AccessItem;
  const a = ch.after as AccessItem;
  const parts: string[] = [];
  if (!same(b.amount, a.amount)) parts.push(`amount ${amt(b, c.before)} → ${amt(a, c.after)}`);
  if (!same(b.startingAt, a.startingAt)) parts.push(`starts ${textMd(formatTime(b.startingAt))} → ${textMd(formatTime(a.startingAt))}`);
  if (!same(b.endingBefore, a.endingBefore)) parts.push(`ends ${textMd(formatTime(b.endingBefore))} → ${textMd(formatTime(a.endingBefore))}`);
  return `access item${id} (${span(b)}): ${parts.join("; ")}`;
}

function invoiceCreditType(s: Snapshot | undefined): Val<string> {
  if (s === undefined) return { opaque: "unknown" };
  const invoicing = s.invoicing;
  return invoicing?.kind === "items" || invoicing?.kind === "recurring" || invoicing?.kind === "doNotInvoice" ? invoicing.creditTypeId : s.creditTypeId;
}

function invoiceLine(ch: Extract<ItemChange, { schedule: "invoice" }>, c: Change, t: CreditTypeTable): string {
  const amt = (i: InvoiceItem, s?: Snapshot) => textMd(formatMoney(i.amount, invoiceCreditType(s), t));
  const when = (i: InvoiceItem) => textMd(formatTime(i.timestamp));
  const id = ch.id === undefined ? "" : ` ${mdCode(ch.id)}`;
  if (ch.kind === "add" && ch.after) return `invoice added: ${when(ch.after)}, ${amt(ch.after, c.after)}`;
  if (ch.kind === "remove" && ch.before) return `invoice${id} removed: ${when(ch.before)}, ${amt(ch.before, c.before)}`;
  const b = ch.before as InvoiceItem;
  const a = ch.after as InvoiceItem;
  const parts: string[] = [];
  if (!same(b.amount, a.amount)) parts.push(`amount ${amt(b, c.before)} → ${amt(a, c.after)}`);
  if (!same(b.timestamp, a.timestamp)) parts.push(`date ${when(b)} → ${when(a)}`);
  return `invoice${id} (${when(b)}): ${parts.join("; ")}`;
}

function details(c: Change, t: CreditTypeTable): string | undefined {
  const noun = c.kind;
  const lines = [
    ...c.fields.map(fieldLine),
    ...c.items.map((ch) => (ch.schedule === "access" ? accessLine(ch, c, t) : invoiceLine(ch, c, t))),
  ];
  const notes = c.notes.map((n) => `_Note:_ ${mdSentence(n)}`);
  if (c.action === "adopt" && c.after?.adopts !== undefined) notes.unshift(`_Note:_ adopts existing ${noun} ${valMd(c.after.adopts)}; nothing is created in Metronome.`);
  if (lines.length === 0 && notes.length === 0) return undefined;
  const id = c.before?.id === undefined ? "" : ` (${noun} ${mdCode(c.before.id)})`;
  const intro = c.action === "replace" ? `\n\nThe new ${noun} differs from the old one in:` : "";
  const body = lines.length > 0 ? `${intro}\n\n${lines.map((l) => `- ${l}`).join("\n")}` : "";
  return `**${ACTION_WORD[c.action]} ${mdCode(c.name)}**${id}${body}${notes.length > 0 ? `\n\n${notes.join("\n\n")}` : ""}`;
}

// ---- totals -------------------------------------------------------------------

function netCell(r: Omit<TotalRow, "customerId">, t: CreditTypeTable): string {
  const known = mdLiteral(formatMoney(r.net, r.creditTypeId, t, { signed: true }));
  if (r.pending.length === 0) return known;
  const pending = mdLiteral(pendingText(r.pending));
  return r.net === 0 ? `${pending.charAt(0).toUpperCase()}${pending.slice(1)}` : `${known} + ${pending}`;
}

function totalsSection(reviewed: ReviewedKind, totals: Totals, t: CreditTypeTable): string {
  const rows = totals.byCustomer.map((r) => [valMd(r.customerId), mdLiteral(creditTypeLabel(r.creditTypeId, t)), netCell(r, t)]);
  for (const r of totals.overall) rows.push(["**All customers**", mdLiteral(creditTypeLabel(r.creditTypeId, t)), `**${netCell(r, t)}**`]);
  return `### Net change in ${reviewed.valueWord} value\n\n${mdTable(["Customer", "Currency", "Net change"], rows)}`;
}

/** What the footer says a kind's value is. */
const valueNote = (reviewed: ReviewedKind): string =>
  `${capitalize(reviewed.valueWord)} value is the sum of a ${reviewed.kind.noun}'s access-schedule amounts.` +
  (hasField(reviewed.kind, "invoiceSchedule") ? "" : ` ${capitalize(reviewed.kind.noun)}s are never invoiced.`);

// ---- the document ---------------------------------------------------------------

export function renderMarkdown(review: Review, t: CreditTypeTable): string {
  const changedKinds = kindsChanged(review);
  const out: string[] = [`## Metronome ${nounsOf(review, " and ")} changes`, summaryLine(review)];
  if (review.gate) {
    out.push(
      review.gate.failed
        ? mdAlert("CAUTION", ["**Approval required.** This plan trips the review gate:", ...review.gate.reasons.map((r) => `- ${mdSentence(r)}`)])
        : "Review gate: passed.",
    );
  }
  if (review.errors.length > 0) {
    out.push(mdAlert("CAUTION", ["**The preview reported errors; the plan below is incomplete.**", ...review.errors.map((e) => `- ${mdLiteral(e)}`)]));
  }
  for (const reviewed of changedKinds) {
    out.push(changesTable(reviewed, review.changes.filter((c) => c.kind === reviewed.kind.noun), t));
  }
  const warnings = review.changes.flatMap((c) => {
    const lines = warningsOf(c, t);
    if (lines.length === 0) return [];
    const label = c.action === "replace" && c.replaceUncertain ? "replace?" : ACTION_WORD[c.action];
    return [mdAlert("WARNING", [`**${label} ${mdCode(c.name)}**: ${mdSentence(lines[0] as string)}`, ...lines.slice(1).map((l) => mdSentence(l))])];
  });
  out.push(...warnings);
  const detailed = review.changes.map((c) => details(c, t)).filter((d): d is string => d !== undefined);
  if (detailed.length > 0) out.push(`### Changes\n\n${detailed.join("\n\n")}`);
  for (const { reviewed, totals } of totalsByKind(review)) {
    if (changedKinds.includes(reviewed)) out.push(totalsSection(reviewed, totals, t));
  }
  if (review.other.length > 0) {
    out.push(`Not summarized: ${review.other.map((o) => `${mdLiteral(o.op)} ${mdCode(o.name)}`).join(", ")}.`);
  }
  const values = (changedKinds.length > 0 ? changedKinds : REVIEWED_KINDS).map(valueNote).join(" ");
  out.push(
    `<sub>${values} Access runs from the first date up to, not including, the second. ` +
      "Unknown values are outputs of resources not created yet; secrets are not shown. Generated by `pulumi-metronome review` from `pulumi preview --json`.</sub>",
  );
  return `${out.join("\n\n")}\n`;
}
