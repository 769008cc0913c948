// Literal and comment formatting for the generated module: numbers with `_`
// thousands separators, USD cents as dollars, safe string literals and keys,
// one-line comments that cannot break out of the comment.

/** `1000000` -> `1_000_000`; fractions and signs kept; exponent forms left as they are. */
export function numberLiteral(n: number): string {
  const s = String(n);
  if (!/^-?\d+(\.\d+)?$/.test(s)) return s;
  const negative = s.startsWith("-");
  const [int = "", frac] = (negative ? s.slice(1) : s).split(".");
  const grouped = int.length > 3 ? int.replace(/\B(?=(\d{3})+(?!\d))/g, "_") : int;
  return `${negative ? "-" : ""}${grouped}${frac === undefined ? "" : `.${frac}`}`;
}

export { usdFromCents } from "../../provider/core/money";

export const stringLiteral = (s: string): string =>
  // JSON strings are valid TypeScript strings; U+2028/2029 are escaped for older parsers.
  JSON.stringify(s).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** An object key: bare when it is an identifier, quoted otherwise. */
export const propertyKey = (key: string): string => (IDENTIFIER.test(key) ? key : stringLiteral(key));

/** Text safe inside a `//` comment: one line, no control characters, bounded length. */
export function commentText(text: string, max = 160): string {
  // Control characters, and the line terminators a TypeScript `//` comment ends at.
  const oneLine = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " ").trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

/** Wraps prose into `// ` lines of at most `width` characters (words are never split). */
export function commentBlock(text: string, indent = "", width = 100): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    const words = commentText(paragraph, Number.MAX_SAFE_INTEGER).split(/\s+/).filter((w) => w !== "");
    if (words.length === 0) {
      lines.push(`${indent}//`);
      continue;
    }
    let line = "";
    for (const word of words) {
      if (line !== "" && indent.length + 3 + line.length + 1 + word.length > width) {
        lines.push(`${indent}// ${line}`);
        line = word;
      } else {
        line = line === "" ? word : `${line} ${word}`;
      }
    }
    lines.push(`${indent}// ${line}`);
  }
  return lines;
}
