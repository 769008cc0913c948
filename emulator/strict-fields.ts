// Strict mode: the body fields each endpoint's spec defines (the facts in
// spec/request-fields.json), and the fields of a request body outside them.
// Metronome ignores unknown body fields, so a misspelled or invented field
// would pass unseen; with `strictFields` the emulator refuses it instead, so
// the test suite catches one. Endpoints without a list are not checked.

import facts from "./spec/request-fields.json";

interface EndpointFields {
  fields: string[];
  maps: string[];
  notInSpecCopy?: Array<{ field: string }>;
}

interface Known {
  fields: Set<string>;
  maps: Set<string>;
}

const KNOWN: ReadonlyMap<string, Known> = new Map(
  Object.entries(facts.endpoints as Record<string, EndpointFields>).map(([endpoint, e]) => [
    endpoint,
    { fields: new Set([...e.fields, ...(e.notInSpecCopy ?? []).map((x) => x.field)]), maps: new Set(e.maps) },
  ]),
);

/** Whether `METHOD path` has a field list. */
export function hasFieldList(method: string, path: string): boolean {
  return KNOWN.has(`${method} ${path}`);
}

/** Paths (`a.b`, `items[].c`) of the body fields the endpoint's spec does not define, in body order. */
export function fieldsOutsideSpec(method: string, path: string, body: Record<string, unknown>): string[] {
  const known = KNOWN.get(`${method} ${path}`);
  if (known === undefined) return [];
  const outside: string[] = [];
  const walk = (value: unknown, prefix: string): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item, `${prefix}[]`);
      return;
    }
    if (value === null || typeof value !== "object" || known.maps.has(prefix)) return;
    for (const [key, child] of Object.entries(value)) {
      const field = prefix === "" ? key : `${prefix}.${key}`;
      if (!known.fields.has(field)) outside.push(field);
      else walk(child, field);
    }
  };
  walk(body, "");
  return outside;
}
