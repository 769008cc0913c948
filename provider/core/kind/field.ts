// One input field of a resource kind, described once: everything the
// provider does with the field (validate it, put it in canonical form, send
// it on create, read it back, edit it or replace on its change, name it to a
// reviewer) is derived from this description (kind/derive-*.ts).

import type { z } from "zod";
import type { Obj } from "../util";

/** How a change of the field reaches Metronome. */
export type ChangeRule =
  /** Edited in place (the edit endpoint, or the custom-field endpoints). */
  | "edit"
  /** Fixed at creation: a change replaces the resource. */
  | "replace"
  /** The provider's own: stored in state, never sent. */
  | "provider";

/** The in-place change being planned (edit body, custom-field writes, refusals). */
export interface EditContext {
  /** "commit", "credit": how messages name the resource. */
  readonly noun: string;
  /** Old outputs and new inputs, both canonical. */
  readonly olds: Obj;
  readonly news: Obj;
  /** The edit body being built (wire names). */
  readonly edit: Obj;
  /** Custom-field writes (the edit endpoint cannot touch custom fields). */
  readonly customFields: { set: Record<string, string>; remove: string[] };
  /** Changes no endpoint can make, with the reason the runtime refuses them. */
  readonly unsupported: Array<{ property: string; reason: string }>;
}

/** What a replace-only field (or the fixed part of an editable one) is, for messages and reviews. */
export interface ReplaceFacts {
  /** Which part cannot be edited (`accessSchedule.creditTypeId`). */
  what: string;
  /** The API fact behind it. */
  why: string;
  /** How a reviewer reads it in a plan ("the access credit type"). */
  review: string;
  /** Only when this holds on canonical inputs (e.g. POSTPAID commits only); else the field is editable. */
  when?: (canonical: Obj) => boolean;
}

export interface Field {
  /** The input's zod schema, `.optional()` when it may be left out. */
  schema: z.ZodType;
  /** Its name on the wire (create body, read-back, edit body). Provider fields have none. */
  wire?: string;
  change: ChangeRule;
  /** Filled in by the canonical form when not given (also what the server fills). */
  default?: unknown;
  /** The canonical value; total (any input, Pulumi's unknown sentinel passed through). Default: as given. */
  canonical?: (value: unknown) => unknown;
  /** The create-body value of a canonical input. Default: as is. */
  toWire?: (value: never) => unknown;
  /**
   * The input value as Metronome holds it, from the read-back record and the
   * prior state (outputs, or the declared inputs right after a create).
   * Default: `record[wire]`; provider fields: the prior value.
   */
  read?: (record: Obj, prior: Obj) => unknown;
  /**
   * Plans an in-place change of this field (`change: "edit"`), called when
   * the canonical old and new values differ. Default: send the new wire value,
   * or `clear` when it was removed.
   */
  edit?: (old: unknown, next: unknown, ctx: EditContext) => void;
  /** How the default edit removes the value: send null, send "", or refuse (the reason). */
  clear?: { send: null | "" } | { refuse: (noun: string) => string };
  /**
   * Sub-keys of an object field fixed at creation (the rest is edited in
   * place); with `replace`, what they are. One sub-key: its value is the
   * replace-only value; several: the object of them.
   */
  fixed?: readonly string[];
  /** For `change: "replace"` fields and `fixed` parts: what cannot change, why, and how a reviewer reads it. */
  replace?: ReplaceFacts;
}

/** A kind's fields, in the order a person reads a declaration (the import generator writes them so). */
export type FieldTable = Readonly<Record<string, Field>>;
