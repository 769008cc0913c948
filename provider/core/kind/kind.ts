// A resource kind, described once: its fields (kind/field.ts), its rules,
// its API binding and its noun. Everything else the provider does for the
// kind (schema, canonical form, create body, read-back, edit plan, replace
// detection, default-key inputs, import argument order, review wording) is
// derived from this description; the lifecycle (runtime/) is written once
// over kinds.

import { z } from "zod";
import type { Rule } from "../rules";
import type { Obj } from "../util";
import type { Field, FieldTable } from "./field";

/** Output-only values, each read from the record. */
export type ServerOutputs = Readonly<Record<string, (record: Obj) => unknown>>;

export interface KindDescription<Name extends string = string, F extends FieldTable = FieldTable, S extends ServerOutputs = ServerOutputs> {
  /** The Pulumi type name (`CustomerCommit`): the type token is `pulumi-nodejs:dynamic/metronome:<typeName>`. */
  typeName: Name;
  /** How messages name one resource of the kind: "commit", "credit". */
  noun: string;
  /** The runtime provider's export name (`customerCommitProvider`). */
  providerName: string;
  /** The provider-level input that adopts an existing resource by id. */
  existingIdField: string;
  fields: F;
  /** Metronome's cross-field rules that apply to the kind, in reporting order. */
  rules: readonly Rule[];
  /** Output-only values taken from the read-back record (keyed by output name). */
  serverOutputs: S;
  api: {
    /** The client's endpoint group for the kind (`client.commits`). */
    resource: "commits" | "credits";
    /** How requests name one resource (`commit_id`). */
    idField: string;
    /** The custom-field entity of the kind (`/v1/customFields/*`). */
    customFieldEntity: "commit" | "contract_credit";
  };
  /**
   * Mixed into the derived uniqueness key, so that resources of two kinds
   * with one name never derive the same key (Metronome's keys are shared by
   * commits and credits). Absent for commits: their keys stay as derived
   * before there were other kinds.
   */
  keyScope?: string;
}

/** One replace-only field or fixed part, with the value that decides a replacement. */
export interface ReplaceOnlyField {
  /** Top-level input property named in `replaces`. */
  property: string;
  /** Which part of it cannot be edited. */
  what: string;
  /** Why (the API fact behind it). */
  why: string;
  /** How a reviewer reads it. */
  review: string;
  /** The sub-keys fixed at creation, when only part of an object field is. */
  fixed?: readonly string[];
  /** The replace-only part of canonical inputs (or outputs); equal values mean no replacement. */
  value: (canonical: Obj) => unknown;
}

/** The strict schema of a field table: each field's schema under its name. */
export type SchemaOf<F extends FieldTable> = z.ZodObject<{ -readonly [K in keyof F]: F[K]["schema"] }, z.core.$strict>;

export interface Kind<Name extends string = string, F extends FieldTable = FieldTable, S extends ServerOutputs = ServerOutputs>
  extends KindDescription<Name, F, S> {
  /** The Pulumi type token of the kind's resources: `pulumi-nodejs:dynamic/metronome:<typeName>`. */
  readonly typeToken: string;
  /** The strict zod schema of the kind's inputs, from the field table. */
  readonly schema: SchemaOf<F>;
  /** Replace-only fields and fixed parts, in table order. */
  readonly replaceOnly: readonly ReplaceOnlyField[];
  /** The fields' names in table order. */
  readonly fieldNames: readonly string[];
}

const pick = (v: unknown, keys: readonly string[]): unknown => {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
  const o = v as Obj;
  if (keys.length === 1) return o[keys[0] as string];
  const out: Obj = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out;
};

function replaceOnlyOf(property: string, field: Field): ReplaceOnlyField | undefined {
  const facts = field.replace;
  if (facts === undefined || (field.change !== "replace" && field.fixed === undefined && facts.when === undefined)) return undefined;
  const whole = (o: Obj): unknown => o[property];
  const part = field.fixed === undefined ? whole : (o: Obj) => pick(o[property], field.fixed as readonly string[]);
  const when = facts.when;
  const value = when === undefined ? part : (o: Obj) => (when(o) ? part(o) : undefined);
  return { property, what: facts.what, why: facts.why, review: facts.review, ...(field.fixed ? { fixed: field.fixed } : {}), value };
}

/** Derives a kind's schema and replace-only table from its description. */
export function defineKind<const Name extends string, const F extends FieldTable, const S extends ServerOutputs>(
  description: KindDescription<Name, F, S>,
): Kind<Name, F, S> {
  const fields: FieldTable = description.fields;
  const fieldNames = Object.keys(fields);
  const shape: Record<string, z.ZodType> = {};
  for (const name of fieldNames) shape[name] = (fields[name] as Field).schema;
  const replaceOnly = fieldNames.flatMap((name) => replaceOnlyOf(name, fields[name] as Field) ?? []);
  const typeToken = `pulumi-nodejs:dynamic/metronome:${description.typeName}`;
  return { ...description, typeToken, schema: z.strictObject(shape) as unknown as SchemaOf<F>, replaceOnly, fieldNames };
}

/** The id of the existing resource the inputs adopt (`existingCommitId`, `existingCreditId`), if any. */
export function existingIdOf(kind: Kind, inputs: object): string | undefined {
  const id = (inputs as Obj)[kind.existingIdField];
  return typeof id === "string" ? id : undefined;
}
