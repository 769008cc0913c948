// Field-level checks shared by every route. Each throws a 400 whose message
// names the offending field by its wire path (e.g.
// `access_schedule.schedule_items[0].amount`), which is what Metronome's
// messages do and what a user needs to find the mistake.

import { badRequest } from "../errors";

export type Body = Record<string, unknown>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isPresent = (value: unknown): boolean => value !== undefined && value !== null;

export function requireObject(value: unknown, field: string): Body {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw badRequest(`${field} must be an object`);
  }
  return value as Body;
}

export function requireString(value: unknown, field: string, opts: { min?: number; max?: number } = {}): string {
  if (typeof value !== "string") throw badRequest(`${field} is required and must be a string`);
  const { min = 0, max = Infinity } = opts;
  if (value.length < min || value.length > max) {
    const range = max === Infinity ? `at least ${min}` : `between ${min} and ${max}`;
    throw badRequest(`${field} must be ${range} characters long`);
  }
  return value;
}

export function optionalString(value: unknown, field: string, opts: { min?: number; max?: number } = {}): string | undefined {
  return isPresent(value) ? requireString(value, field, opts) : undefined;
}

export function requireUuid(value: unknown, field: string): string {
  if (typeof value !== "string") throw badRequest(`${field} is required and must be a uuid`);
  if (!UUID.test(value)) throw badRequest(`${field} must be a uuid`);
  return value.toLowerCase();
}

export function optionalUuid(value: unknown, field: string): string | undefined {
  return isPresent(value) ? requireUuid(value, field) : undefined;
}

export function requireNumber(value: unknown, field: string, opts: { min?: number } = {}): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw badRequest(`${field} is required and must be a number`);
  }
  if (opts.min !== undefined && value < opts.min) throw badRequest(`${field} must be at least ${opts.min}`);
  return value;
}

export function optionalBoolean(value: unknown, field: string): boolean | undefined {
  if (!isPresent(value)) return undefined;
  if (typeof value !== "boolean") throw badRequest(`${field} must be a boolean`);
  return value;
}

/**
 * Metronome's spec lists each request enum value in upper and in lower case
 * (`PREPAID`, `prepaid`), and no other spelling; answers are upper case.
 */
export function requireEnum<T extends string>(value: unknown, field: string, allowed: readonly T[]): T {
  if (typeof value !== "string") throw badRequest(`${field} is required and must be one of ${allowed.join(", ")}`);
  const upper = value.toUpperCase() as T;
  const spelled = value === upper || value === upper.toLowerCase();
  if (!allowed.includes(upper) || !spelled) {
    throw badRequest(`${field} must be one of ${allowed.join(", ")}, upper or lower case (got "${value}")`);
  }
  return upper;
}

export function optionalEnum<T extends string>(value: unknown, field: string, allowed: readonly T[]): T | undefined {
  return isPresent(value) ? requireEnum(value, field, allowed) : undefined;
}

export function requireArray(value: unknown, field: string): unknown[] {
  if (!Array.isArray(value)) throw badRequest(`${field} is required and must be an array`);
  return value;
}

export function optionalStringArray(value: unknown, field: string, uuid = false): string[] | undefined {
  if (!isPresent(value)) return undefined;
  return requireArray(value, field).map((v, i) =>
    uuid ? requireUuid(v, `${field}[${i}]`) : requireString(v, `${field}[${i}]`),
  );
}

export function optionalStringMap(value: unknown, field: string): Record<string, string> | undefined {
  if (!isPresent(value)) return undefined;
  const obj = requireObject(value, field);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj)) out[k] = requireString(v, `${field}.${k}`);
  return out;
}
