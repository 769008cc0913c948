// Plain-text pieces shared by the renderers: opaque values, timestamps,
// access windows and invoice schedules, and quoted values inside sentences.
// No Markdown here.

import type { CreditTypeTable } from "./credit-types";
import type { AccessItem, Invoicing } from "./model";
import { formatMoney } from "./money";
import { type OpaqueKind, type Val, describeOpaque, isOpaque } from "./values";

export { describeOpaque };

/** `2027-01-01T00:00:00Z` -> `2027-01-01`; other hours -> `2027-01-01 13:00 UTC`. */
export function formatTime(v: Val<string>): string {
  if (isOpaque(v)) return describeOpaque(v.opaque);
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?Z$/.exec(v);
  if (!m) return v;
  return m[2] === "00:00" && (m[3] === undefined || /^:00(\.0+)?$/.test(m[3])) ? (m[1] as string) : `${m[1]} ${m[2]} UTC`;
}

export const formatRange = (from: Val<string>, to: Val<string>): string => `${formatTime(from)} → ${formatTime(to)}`;

const firstLast = (values: Array<Val<string>>, pick: "min" | "max"): Val<string> => {
  const opaque = values.find(isOpaque);
  if (opaque !== undefined) return opaque;
  const known = (values as string[]).slice().sort();
  return (pick === "min" ? known[0] : known[known.length - 1]) ?? "";
};

/** The span of an access schedule: first start → last end, with the item count when several. */
export function formatAccess(access: Val<AccessItem[]>): string {
  if (isOpaque(access)) return describeOpaque(access.opaque);
  if (access.length === 0) return "no access items";
  const span = formatRange(firstLast(access.map((i) => i.startingAt), "min"), firstLast(access.map((i) => i.endingBefore), "max"));
  return access.length === 1 ? span : `${span} in ${access.length} items`;
}

const MAX_LISTED_INVOICES = 3;

/** An invoice schedule in one line: dates and amounts, or a summary when long. */
export function formatInvoicing(invoicing: Invoicing, table: CreditTypeTable): string {
  switch (invoicing.kind) {
    case "none":
      return "none (free commit)";
    case "doNotInvoice":
      return "not invoiced (doNotInvoice)";
    case "opaque":
      return describeOpaque(invoicing.value.opaque);
    case "recurring": {
      const r = invoicing.recurring;
      const frequency = isOpaque(r.frequency) ? describeOpaque(r.frequency.opaque) : r.frequency.toLowerCase().replace("_", "-");
      const distribution = isOpaque(r.distribution) ? describeOpaque(r.distribution.opaque) : r.distribution === "EACH" ? "each" : "in total";
      return `${frequency}, ${formatRange(r.startingAt, r.endingBefore)}, ${formatMoney(r.amount, invoicing.creditTypeId, table)} ${distribution}`;
    }
    case "items": {
      const items = invoicing.items;
      if (items.length === 0) return "none";
      if (items.length <= MAX_LISTED_INVOICES) {
        return items.map((i) => `${formatTime(i.timestamp)}: ${formatMoney(i.amount, invoicing.creditTypeId, table)}`).join("; ");
      }
      const total = items.reduce<Val<number>>((sum, i) => (isOpaque(sum) ? sum : isOpaque(i.amount) ? i.amount : sum + i.amount), 0);
      const dates = formatRange(firstLast(items.map((i) => i.timestamp), "min"), firstLast(items.map((i) => i.timestamp), "max"));
      return `${items.length} invoices, ${dates}, ${formatMoney(total, invoicing.creditTypeId, table)} in total`;
    }
  }
}

// ---- quoted values ------------------------------------------------------------
//
// Sentences (warnings, notes, gate reasons) name values: resource names, ids,
// properties. A quoted value sits between two control characters, which no
// other text of a review can hold: every string of the plan and of the
// credit-type table has its invisible characters made visible on the way in
// (visibleStrings, creditTypeTable). Each renderer then decides how a quoted
// value looks: Markdown as code, JSON and the terminal in backticks.

const OPEN = "\u0002";
const CLOSE = "\u0003";

/**
 * Control, bidi and zero-width characters (and line/paragraph separators):
 * they would end a line, reorder the text around them, or hide in it.
 */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g;

/** Each invisible character as a visible `⟨U+202E⟩`; everything else as it is. */
export function visibleControls(s: string): string {
  return s.replace(INVISIBLE, (c) => `⟨U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}⟩`);
}

/** A copy of a parsed JSON value with visibleControls applied to every string and key. */
export function visibleStrings(v: unknown): unknown {
  if (typeof v === "string") return visibleControls(v);
  if (Array.isArray(v)) return v.map(visibleStrings);
  if (v !== null && typeof v === "object") {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [visibleControls(k), visibleStrings(x)]));
  }
  return v;
}

/** A value quoted inside a sentence. */
export const quoted = (v: string): string => `${OPEN}${visibleControls(v)}${CLOSE}`;

/** A sentence split into its own text and the values quoted in it. */
export function splitQuoted(s: string): Array<{ text: string; quoted: boolean }> {
  const out: Array<{ text: string; quoted: boolean }> = [];
  for (const [i, part] of s.split(/[\u0002\u0003]/).entries()) {
    if (part !== "") out.push({ text: part, quoted: i % 2 === 1 });
  }
  return out;
}

/** A sentence for JSON or a terminal: quoted values in backticks, nothing invisible. */
export function plainText(s: string): string {
  return splitQuoted(s)
    .map((p) => (p.quoted ? `\`${p.text}\`` : visibleControls(p.text)))
    .join("");
}

/** What a total is still missing: "an amount unknown until apply", "a secret amount", or both. */
export function pendingText(pending: readonly OpaqueKind[]): string {
  const unknown = pending.includes("unknown");
  const secret = pending.includes("secret");
  const parts = pending.includes("incomputable") ? ["an amount that cannot be computed exactly"] : [];
  if (unknown && secret) parts.push("secret amounts and amounts unknown until apply");
  else if (unknown) parts.push("an amount unknown until apply");
  else if (secret) parts.push("a secret amount");
  return parts.join(" and ");
}
