// GitHub-flavoured Markdown building blocks. Every value that did not come
// from this program (names, ids, diagnostics, anything from the plan or a
// credit-types file) is written with mdLiteral, one rule for all of them:
// invisible characters are made visible (⟨U+000A⟩), and every ASCII
// punctuation character is backslash-escaped. CommonMark makes any escaped
// ASCII punctuation a literal character, in tables too, so no value can
// open an element, a heading, a list, a link, an autolink, a table cell or
// math (`$`), and no value can close a code span: values shown as code are
// in <code> elements, whose content is escaped text like the rest.

import { splitQuoted, visibleControls } from "./text";

/** The rendering rule for text: shows literally whatever it holds. */
export function mdLiteral(s: string): string {
  return visibleControls(s).replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`);
}

/** A value as code: an HTML code element around literal text (no backtick fence a value could close). */
export function mdCode(s: string): string {
  return `<code>${mdLiteral(s)}</code>`;
}

/** A table. Cells are Markdown already (values in them went through mdLiteral, which escapes `|`). */
export function mdTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), `|${header.map(() => "---").join("|")}|`, ...rows.map(line)].join("\n");
}

/** A GitHub alert block (`> [!WARNING]`), one paragraph per line. */
export function mdAlert(kind: "NOTE" | "WARNING" | "CAUTION", lines: readonly string[]): string {
  const isItem = (l: string | undefined) => l !== undefined && l.startsWith("- ");
  // Paragraphs are separated by an empty quoted line; consecutive list items are not.
  const body = lines.flatMap((l, i) => (i === 0 || (isItem(l) && isItem(lines[i - 1])) ? [`> ${l}`] : [">", `> ${l}`]));
  return [`> [!${kind}]`, ...body].join("\n");
}

/** A sentence with quoted values (warnings, notes, gate reasons): the values as code, the rest as literal text. */
export function mdSentence(s: string): string {
  return splitQuoted(s)
    .map((p) => (p.quoted ? mdCode(p.text) : mdLiteral(p.text)))
    .join("");
}
