// Names in the generated module: the Pulumi resource name (a slug of the
// record's name, else its noun and id) and the TypeScript constant holding
// the resource (the slug in camelCase). Both must be unique in the module,
// across commits and credits; a name shared by several records (common
// across customers: "2027 prepaid") gets the first 8 characters of each
// record's id appended, on every member of the group, so a name never
// depends on which record happened to be listed first.

import { IMPORT_KINDS } from "./kinds";

const MAX_SLUG = 60;

/** `"Acme 2027 — Prepaid!"` -> `"acme-2027-prepaid"`; empty when nothing usable is left. */
export function slug(text: string): string {
  const ascii = text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  const s = ascii
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return s.slice(0, MAX_SLUG).replace(/-+$/, "");
}

export interface Nameable {
  /** The record's id. */
  id: string;
  /** Its name in Metronome, if any. */
  name?: string | undefined;
  /** Its kind's noun ("commit", "credit"): names a nameless record. Default "commit". */
  noun?: string;
}

const shortId = (id: string, noun: string): string => slug(id).replace(/-/g, "").slice(0, 8) || noun;

/** The base resource name of one record, before de-duplication. */
export function baseResourceName(c: Nameable): string {
  const noun = c.noun ?? "commit";
  const fromName = c.name === undefined ? "" : slug(c.name);
  return fromName !== "" ? fromName : `${noun}-${shortId(c.id, noun)}`;
}

/** Unique resource names, one per item, in the items' order. */
export function resourceNames(items: readonly Nameable[]): string[] {
  const bases = items.map(baseResourceName);
  const count = new Map<string, number>();
  for (const b of bases) count.set(b, (count.get(b) ?? 0) + 1);
  const names = bases.map((b, i) => {
    const item = items[i] as Nameable;
    return (count.get(b) ?? 0) > 1 ? `${b}-${shortId(item.id, item.noun ?? "commit")}` : b;
  });
  // Still not unique (an id prefix shared, or a suffixed name equal to another
  // record's plain name): fall back to the whole id, which is unique.
  const seen = new Map<string, number>();
  for (const n of names) seen.set(n, (seen.get(n) ?? 0) + 1);
  return names.map((n, i) => ((seen.get(n) ?? 0) > 1 ? `${bases[i]}-${slug((items[i] as Nameable).id)}` : n));
}

// Words a constant may not be called (ECMAScript reserved words, strict mode
// and TypeScript's own), plus the imported classes.
const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof new null return super switch this throw true try typeof var void while with " +
    "as implements interface let package private protected public static yield await any boolean constructor " +
    "declare get module require number set string symbol type from of arguments eval undefined"
  ).split(" "),
);

/** `"acme-2027-prepaid"` -> `"acme2027Prepaid"`; a leading digit gets the noun (`commit`) as a prefix. */
export function camelIdentifier(name: string, noun = "commit"): string {
  const parts = name.split(/[^A-Za-z0-9]+/).filter((p) => p !== "");
  let id = parts
    .map((p, i) => (i === 0 ? p.toLowerCase() : p.charAt(0).toUpperCase() + p.slice(1).toLowerCase()))
    .join("");
  const capitalised = noun.charAt(0).toUpperCase() + noun.slice(1);
  if (id === "") id = noun;
  if (/^\d/.test(id)) id = `${noun}${id}`;
  if (RESERVED.has(id)) id = `${id}${capitalised}`;
  return id;
}

/** Unique TypeScript constants for the given (unique) resource names, each of the noun at the same index (default "commit"). */
export function variableNames(resourceNamesInOrder: readonly string[], nouns: readonly string[] = []): string[] {
  const used = new Set<string>(IMPORT_KINDS.map((k) => k.typeName));
  return resourceNamesInOrder.map((n, i) => {
    const base = camelIdentifier(n, nouns[i]);
    let id = base;
    for (let k = 2; used.has(id); k++) id = `${base}_${k}`;
    used.add(id);
    return id;
  });
}
