// The resource kinds the review reads, each from its one description in the
// provider's core (provider/core/kinds/*): which steps belong to it (the type
// token), its noun, its fields and its replace-only table. Added here is only
// what the review itself says about a kind: what the value it grants is called
// (a commit's is committed, a credit's credited), how gate reasons name its
// net change, and the header of its table of changes.

import { z } from "zod";
import type { Field } from "../../provider/core/kind/field";
import type { Kind } from "../../provider/core/kind/kind";
import { customerCommitKind } from "../../provider/core/kinds/commit";
import { customerCreditKind } from "../../provider/core/kinds/credit";

export interface ReviewedKind {
  kind: Kind;
  /** The Pulumi type token of the kind's resources. */
  token: string;
  /** How the value of the access schedule is named: "committed", "credited". */
  valueWord: string;
  /**
   * How gate reasons name a net change of the kind: "net change" for commits;
   * "net change in credited value" for credits, so that a reason about a
   * credit total says which of the two totals it checked.
   */
  netChangeWords: string;
  /** The header of the resource column of the kind's table of changes. */
  resourceHeader: string;
}

export const COMMITS: ReviewedKind = {
  kind: customerCommitKind,
  token: customerCommitKind.typeToken,
  valueWord: "committed",
  netChangeWords: "net change",
  resourceHeader: "Resource",
};

export const CREDITS: ReviewedKind = {
  kind: customerCreditKind,
  token: customerCreditKind.typeToken,
  valueWord: "credited",
  netChangeWords: "net change in credited value",
  resourceHeader: "Credit",
};

/** In the order the review shows them: commits, then credits. */
export const REVIEWED_KINDS: readonly ReviewedKind[] = [COMMITS, CREDITS];

/** The reviewed kind of a type token, if the review reads it. */
export const kindOfToken = (token: string | undefined): ReviewedKind | undefined => REVIEWED_KINDS.find((k) => k.token === token);

/** The reviewed kind named `noun` ("commit", "credit"). */
export function kindOfNoun(noun: string): ReviewedKind {
  const found = REVIEWED_KINDS.find((k) => k.kind.noun === noun);
  if (found === undefined) throw new Error(`the review reads no kind named ${noun}`);
  return found;
}

export const hasField = (kind: Kind, name: string): boolean => kind.fieldNames.includes(name);

/** A field's schema without its `.optional()`. */
function innerSchema(field: Field): z.ZodType {
  return field.schema instanceof z.ZodOptional ? (field.schema.unwrap() as z.ZodType) : field.schema;
}

/**
 * The kind's schedules: its fields whose value is an object holding a list
 * of `scheduleItems` (a commit's access and invoice schedules; a credit's
 * access schedule). Their items are compared one by one, by id.
 */
export function scheduleFields(kind: Kind): string[] {
  return kind.fieldNames.filter((name) => {
    const schema = innerSchema(kind.fields[name] as Field);
    return schema instanceof z.ZodObject && Object.hasOwn(schema.shape, "scheduleItems");
  });
}
