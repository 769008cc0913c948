// The schema building blocks every kind's fields are made of. Objects are
// strict: a misspelt key is a failure that names the key, because Metronome
// silently ignores unknown body fields and a typo would otherwise change money
// without anyone noticing. Enums are accepted in any case (the API does the
// same) and come out upper case.

import { z } from "zod";
import { ON_DELETE } from "../inputs-constants";
import { TIMESTAMP_FORM, isTimestamp } from "../timestamps";

/** Upper-cases strings so `prepaid` and `PREPAID` are the same input. */
const upperInput = (v: unknown): unknown => (typeof v === "string" ? v.toUpperCase() : v);

/** A case-insensitive enum whose parsed value is the canonical spelling. */
export function caseInsensitiveEnum<const T extends readonly [string, ...string[]]>(values: T) {
  return z.preprocess(upperInput, z.enum(values));
}

export const onDeleteSchema = z.preprocess((v) => {
  if (typeof v !== "string") return v;
  return ON_DELETE.find((o) => o.toLowerCase() === v.toLowerCase()) ?? v;
}, z.enum(ON_DELETE));

export const text = z.string().min(1, "must not be empty");
export const id = z.string().min(1, "must not be empty");
export const timestamp = z.string().refine(isTimestamp, `expected ${TIMESTAMP_FORM}`);
export const stringMap = z.record(z.string(), z.string());
