// A review of a plan full of hostile values, rendered to HTML by a CommonMark
// + GFM renderer (micromark), shows every value as text only: the HTML has
// exactly the elements of the same review with harmless values (no element,
// heading, list item, link or table cell comes from a value), and each value
// reads as written (invisible characters shown as ⟨U+…⟩).

import { micromark } from "micromark";
import { gfm, gfmHtml } from "micromark-extension-gfm";
import { describe, expect, it } from "vitest";
import { creditTypeTable } from "../../../cli/review/credit-types";
import type { PreviewDigest } from "../../../cli/review/preview-types";
import { renderMarkdown } from "../../../cli/review/render-markdown";
import { reviewPreview } from "../../../cli/review/review";
import { visibleControls } from "../../../cli/review/text";
import { CLOUD_CREDITS_CREDIT_TYPE_ID } from "../../../emulator/credit-types";
import { AS_OF, loadFixture } from "./helpers";

/** What an attacker puts in a name, an id or a message, one per class. */
const PAYLOADS = [
  "``<img src=x onerror=alert(1)>``",
  "` | cell | cell |",
  "a\rb",
  "\n## APPROVED BY FINANCE\n",
  "*bold* _em_ __strong__",
  "[link](https://evil.example) ![img](https://evil.example/x.png)",
  "# heading",
  "> quoted",
  "&amp; &lt;b&gt; &#60;script&#62;",
  "\u202Eevil\u202C zero\u200Bwidth\uFEFF",
  "\u001b[31mred\u001b[0m",
  "\n1. one\n- item",
  "www.evil.example https://evil.example a@b.example",
  "~~strike~~ $x^2$ <!-- c --> <https://x.example>",
  "<script>alert(1)</script>",
  "\\",
  "|",
  "\u2028line\u2029para",
  "[^note]\n\n[^note]: footnote",
  "<details><summary>x</summary>",
];

/** Keys whose string values are names and ids the review shows. */
const UNTRUSTED_KEYS = new Set(["customerId", "productId", "invoiceContractId", "name", "uniquenessKey", "id", "existingCreditId", "salesforceOpportunityId"]);

/** A fixture with every name and id spelt `original + payload` (so sort order and equalities are kept). */
function hostilePlan(fixture: string): { digest: PreviewDigest; values: string[]; pairs: Array<[string, string]> } {
  const digest = loadFixture(fixture);
  const chosen = new Map<string, string>();
  const hostile = (original: string): string => {
    let v = chosen.get(original);
    if (v === undefined) chosen.set(original, (v = `${original}${PAYLOADS[chosen.size % PAYLOADS.length]}`));
    return v;
  };
  const walk = (v: unknown, key: string): unknown => {
    if (typeof v === "string") {
      if (key === "urn" && /:Customer(Commit|Credit)::/.test(v)) return v.replace(/::([^:]+)$/, (_m, name: string) => `::${hostile(name)}`);
      // The quoting delimiters of review sentences, in text that sentences carry unquoted.
      if (key === "startingAt") return `${v}\u0002<b>\u0003`;
      return UNTRUSTED_KEYS.has(key) ? hostile(v) : v;
    }
    if (Array.isArray(v)) return v.map((x) => walk(x, key));
    if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    return v;
  };
  const out = walk(digest, "") as PreviewDigest;
  out.diagnostics = PAYLOADS.slice(0, 4).map((p) => ({ severity: "error", message: `refused: ${p}` }));
  const messages = out.diagnostics.map((d, i): [string, string] => [`refused: plain ${i}`, d.message.trim().replace(/\s*[\r\n]+\s*/g, " ")]);
  return { digest: out, values: [...chosen.values(), ...out.diagnostics.map((d) => d.message)], pairs: [...chosen, ...messages] };
}

function benignPlan(fixture: string): PreviewDigest {
  const walk = (v: unknown, key: string): unknown => {
    if (typeof v === "string") return key === "startingAt" ? `${v}(<b>)` : v;
    if (Array.isArray(v)) return v.map((x) => walk(x, key));
    if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    return v;
  };
  const digest = walk(loadFixture(fixture), "") as PreviewDigest;
  digest.diagnostics = PAYLOADS.slice(0, 4).map((_p, i) => ({ severity: "error", message: `refused: plain ${i}` }));
  return digest;
}

const html = (md: string): string =>
  micromark(md, { extensions: [gfm()], htmlExtensions: [gfmHtml()], allowDangerous: true, allowDangerousHtml: true } as Parameters<typeof micromark>[1]);

/** The elements of an HTML text, in order, with their attributes; text left out. */
const skeleton = (h: string): string[] => h.match(/<[^>]*>/g) ?? [];

/** The text of an HTML fragment as a reader sees it. */
function text(h: string): string {
  return h
    .replace(/<[^>]*>/g, "")
    .replace(/&#x([0-9a-f]+);/gi, (_m, x: string) => String.fromCodePoint(parseInt(x, 16)))
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

const table = (creditTypeName: string) => creditTypeTable(new Map([[CLOUD_CREDITS_CREDIT_TYPE_ID, { name: creditTypeName, cents: false }]]));
const render = (digest: PreviewDigest, creditTypeName: string): string =>
  renderMarkdown(reviewPreview(digest, { asOf: AS_OF, gate: { failOn: ["replace", "delete"], maxChange: 1 } }), table(creditTypeName));

describe.each([
  // One row per change in a table of changes, as many cells in each as the table has columns.
  ["mixed", ["Metronome commit changes", "Changes", "Net change in committed value"], [8, 8, 8, 8, 8]],
  [
    "credits",
    ["Metronome commit and credit changes", "Changes", "Net change in committed value", "Net change in credited value"],
    [8, 8, 6, 6, 6, 6, 6, 6, 6],
  ],
])("a review of the %s plan full of hostile values, rendered by a GFM renderer", (fixture, headingTexts, cells) => {
  const { digest, values, pairs } = hostilePlan(fixture);
  const hostileName = `Cloud ${PAYLOADS[0]} ${PAYLOADS[3]}`;
  const hostile = html(render(digest, hostileName));
  const benign = html(render(benignPlan(fixture), "Cloud credits"));

  it("uses every payload somewhere in the plan", () => {
    for (const p of PAYLOADS) expect(values.some((v) => v.includes(p)), p).toBe(true);
  });

  it("has exactly the elements of the same review with harmless values", () => {
    expect(skeleton(hostile)).toEqual(skeleton(benign));
  });

  it("has no element, heading, list item, link or image that a value could have made", () => {
    expect(hostile).not.toMatch(/<(img|script|a|details|summary|del|ol|sup|section|input)\b/i);
    const headings = [...hostile.matchAll(/<h\d>(.*?)<\/h\d>/g)].map((m) => m[1]);
    expect(headings).toEqual(headingTexts);
    // No value split a row or a cell.
    const rows = [...hostile.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => (m[1]?.match(/<t[dh]\b/g) ?? []).length);
    expect(rows.slice(0, cells.length)).toEqual(cells);
  });

  it("shows every value the review shows as written, invisible characters as ⟨U+…⟩", () => {
    const shown = text(hostile).replace(/\s+/g, " ");
    const plain = text(benign);
    const checked = pairs.filter(([original]) => plain.includes(original));
    expect(checked.length).toBeGreaterThan(20);
    for (const [, v] of [...checked, ["Cloud credits", hostileName] as const]) expect(shown, JSON.stringify(v)).toContain(visibleControls(v).replace(/\s+/g, " ").trim());
  });

  it("writes no control, bidi or zero-width character into the Markdown", () => {
    // eslint-disable-next-line no-control-regex
    expect(render(digest, hostileName)).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/);
  });
});
