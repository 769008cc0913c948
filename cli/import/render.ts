// Step 3 of 3 (list -> model -> render): the TypeScript module. Written the
// way a person would: one `export const x = new CustomerCommit("name", {...})`
// per commit (`new CustomerCredit` per credit), grouped by customer, commits
// before credits, short objects on one line, amounts with `_` separators and
// their dollar value in a comment, prose comments for what the arguments
// cannot say. The module imports only the classes it uses. The output
// depends only on the model, so the same Metronome state always gives the
// same text.

import { type Obj, isObj } from "../../provider/core/util";
import { commentBlock, commentText, numberLiteral, propertyKey, stringLiteral } from "./format";
import { moduleHeader } from "./header";
import { counted } from "./kinds";
import type { Annotations, CustomerModel, Declaration, KindSection } from "./model";

const WIDTH = 120;
const INDENT = "  ";

/** The whole module. */
export function renderModule(customers: readonly CustomerModel[]): string {
  const kinds = [...new Set(customers.flatMap((c) => c.sections.map((s) => s.kind)))];
  const used = kinds.filter((k) => customers.some((c) => c.sections.some((s) => s.kind === k && s.declarations.length > 0)));
  const lines: string[] = [...commentBlock(moduleHeader(kinds)), ""];
  if (used.length > 0) lines.push(`import { ${used.map((k) => k.typeName).join(", ")} } from "pulumi-metronome";`);
  // Nothing to import: the file still has to be a module.
  else lines.push("export {};");
  for (const customer of customers) {
    lines.push("", ...renderCustomerHeading(customer));
    for (const section of customer.sections) {
      const noun = capitalised(section.kind.noun);
      for (const u of section.undeclarable) lines.push("", ...commentBlock(`${noun} ${u.id} is not declared: ${u.reason}.`));
      for (const d of section.declarations) lines.push("", ...renderDeclaration(d));
    }
  }
  return `${lines.join("\n")}\n`;
}

const capitalised = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function sectionSummary(s: KindSection): string {
  const n = s.kind.noun;
  const summary = [`${counted(s.declarations.length, `live ${n}`)} declared`];
  if (s.undeclarable.length > 0) summary.push(`${counted(s.undeclarable.length, n)} not declarable`);
  if (s.managed > 0) summary.push(`${counted(s.managed, `live ${n}`)} skipped (the stack already manages ${s.managed === 1 ? "it" : "them"})`);
  summary.push(s.archived === 0 ? `no archived ${n}s` : `${counted(s.archived, `archived ${n}`)} skipped (an archived ${n} cannot be adopted)`);
  return `${summary.join("; ")}.`;
}

function renderCustomerHeading(c: CustomerModel): string[] {
  return [`// ---- Customer ${commentText(c.customerId)} ----`, ...c.sections.flatMap((s) => commentBlock(sectionSummary(s)))];
}

function renderDeclaration(d: Declaration): string[] {
  const out: string[] = [];
  for (const w of d.warnings) out.push(...commentBlock(w));
  for (const n of d.notes) out.push(...commentBlock(n));
  out.push(`export const ${d.variableName} = new ${d.kind.typeName}(${stringLiteral(d.resourceName)}, {`);
  out.push(...renderProperties(d.args, "", INDENT, d.annotations));
  out.push("});");
  return out;
}

// ---- values -----------------------------------------------------------------

const hasAnnotationUnder = (ann: Annotations, path: string): boolean =>
  Object.keys(ann).some((k) => k.startsWith(`${path}.`) || k.startsWith(`${path}[`));

const childPath = (path: string, key: string | number): string =>
  typeof key === "number" ? `${path}[${key}]` : path === "" ? key : `${path}.${key}`;

/** One-line form of a value, or undefined when it should span lines. */
function inline(value: unknown, path: string, ann: Annotations): string | undefined {
  if (typeof value === "string") return stringLiteral(value);
  if (typeof value === "number") return numberLiteral(value);
  if (typeof value === "boolean") return String(value);
  if (hasAnnotationUnder(ann, path)) return undefined;
  if (Array.isArray(value)) {
    // Lists of objects (schedule items, specifiers) always get one line per element.
    if (value.some(isObj)) return undefined;
    const parts = value.map((v, i) => inline(v, childPath(path, i), ann));
    return parts.every((p) => p !== undefined) ? `[${parts.join(", ")}]` : undefined;
  }
  if (isObj(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) return "{}";
    const parts = entries.map(([k, v]) => {
      const text = inline(v, childPath(path, k), ann);
      return text === undefined ? undefined : `${propertyKey(k)}: ${text}`;
    });
    return parts.every((p) => p !== undefined) ? `{ ${parts.join(", ")} }` : undefined;
  }
  return JSON.stringify(value) ?? "undefined";
}

const withComment = (line: string, comment: string | undefined): string =>
  comment === undefined ? line : `${line} // ${commentText(comment)}`;

/** `key: value,` lines of an object's properties at `indent`. */
function renderProperties(obj: Obj, path: string, indent: string, ann: Annotations): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(obj)) {
    const p = childPath(path, key);
    const head = `${indent}${propertyKey(key)}: `;
    const one = inline(value, p, ann);
    if (one !== undefined && head.length + one.length + 1 <= WIDTH) {
      out.push(withComment(`${head}${one},`, ann[p]));
      continue;
    }
    out.push(...renderBlock(head, value, p, indent, ann));
  }
  return out;
}

/** A multi-line object or array opened on the line that starts with `head` (which carries its comment). */
function renderBlock(head: string, value: unknown, path: string, indent: string, ann: Annotations): string[] {
  const inner = indent + INDENT;
  if (Array.isArray(value)) {
    const out = [withComment(`${head}[`, ann[path])];
    value.forEach((item, i) => {
      const p = childPath(path, i);
      const one = inline(item, p, ann);
      if (one !== undefined && inner.length + one.length + 1 <= WIDTH) out.push(withComment(`${inner}${one},`, ann[p]));
      else out.push(...renderBlock(inner, item, p, inner, ann));
    });
    out.push(`${indent}],`);
    return out;
  }
  if (isObj(value)) {
    return [withComment(`${head}{`, ann[path]), ...renderProperties(value, path, inner, ann), `${indent}},`];
  }
  return [withComment(`${head}${inline(value, path, ann) ?? "undefined"},`, ann[path])];
}
