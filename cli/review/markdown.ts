// GitHub-flavoured Markdown building blocks: escaping, code spans, tables.

/**
 * Escapes characters Markdown would interpret in free text (names, amounts,
 * messages). `$` too: GitHub renders `$...$` as math, which two amounts on
 * one line ("+$5.00 … -$3.00") would otherwise trigger.
 */
export function mdText(s: string): string {
  return s.replace(/[\\`*_{}[\]<>#~$]/g, (c) => `\\${c}`).replace(/\r?\n/g, " ");
}

/** A code span that survives backticks inside. */
export function mdCode(s: string): string {
  const text = s.replace(/\r?\n/g, " ");
  if (!text.includes("`")) return `\`${text}\``;
  return `\`\` ${text} \`\``;
}

/** A table cell: pipes escaped (also inside code spans, which GFM allows) and lines joined. */
export function mdCell(s: string): string {
  return s.replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
}

export function mdTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const line = (cells: readonly string[]) => `| ${cells.map(mdCell).join(" | ")} |`;
  return [line(header), `|${header.map(() => "---").join("|")}|`, ...rows.map(line)].join("\n");
}

/** A GitHub alert block (`> [!WARNING]`), one paragraph per line. */
export function mdAlert(kind: "NOTE" | "WARNING" | "CAUTION", lines: readonly string[]): string {
  const isItem = (l: string | undefined) => l !== undefined && l.startsWith("- ");
  // Paragraphs are separated by an empty quoted line; consecutive list items are not.
  const body = lines.flatMap((l, i) => (i === 0 || (isItem(l) && isItem(lines[i - 1])) ? [`> ${l}`] : [">", `> ${l}`]));
  return [`> [!${kind}]`, ...body].join("\n");
}

/** Text that already carries `code` spans (warnings, notes, gate reasons): escapes only outside them. */
export function mdInline(s: string): string {
  return s
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : mdText(part)))
    .join("");
}
