// Which usage a commit or credit pays for: either `specifiers`, or the older
// `applicableProductIds` / `applicableProductTags` (Metronome refuses both
// together; rules.ts). Shared by every kind, and edited in place.

import { z } from "zod";
import type { SpecifierInput } from "../../api/wire";
import { canonicalId, canonicalMap, canonicalSet, sortedGiven } from "../canonical-values";
import type { SpecifierInputs } from "../inputs";
import type { Field } from "../kind/field";
import { type Obj, compact, compareStrings, isObj, stableStringify } from "../util";
import { id, stringMap, text } from "./values";

export const specifierSchema = z.strictObject({
  productId: id.optional(),
  productTags: z.array(text).optional(),
  pricingGroupValues: stringMap.optional(),
  presentationGroupValues: stringMap.optional(),
});

function canonicalSpecifier(s: unknown): unknown {
  if (!isObj(s)) return s;
  return sortedGiven({
    ...s,
    productId: canonicalId(s.productId),
    productTags: canonicalSet(s.productTags),
    pricingGroupValues: canonicalMap(s.pricingGroupValues),
    presentationGroupValues: canonicalMap(s.presentationGroupValues),
  });
}

/** Sorted by canonical JSON; an empty specifier `{}` is kept (removing it would change meaning). */
export function canonicalSpecifiers(v: unknown): unknown {
  if (!Array.isArray(v)) return v;
  const out = v.map(canonicalSpecifier);
  out.sort((a, b) => compareStrings(stableStringify(a), stableStringify(b)));
  return out.length === 0 ? undefined : out;
}

export const specifierToWire = (s: SpecifierInputs): SpecifierInput =>
  compact({
    product_id: s.productId,
    product_tags: s.productTags,
    pricing_group_values: s.pricingGroupValues,
    presentation_group_values: s.presentationGroupValues,
  });

/**
 * The declared `applicableProductIds`, when Metronome answers them as the
 * equivalent `specifiers` (one `{ product_id }` each): no source says which
 * form the read-back of a resource created with `applicable_product_ids`
 * carries. Only the declared set itself is recognized, and only for a
 * declaration without specifiers; anything else is shown as it is.
 */
function productIdsAnsweredAsSpecifiers(record: Obj, prior: Obj): string[] | undefined {
  const declared = prior.applicableProductIds;
  if (!Array.isArray(declared) || declared.length === 0) return undefined;
  if (Array.isArray(prior.specifiers) && prior.specifiers.length > 0) return undefined;
  const answeredIds = record.applicable_product_ids;
  if (Array.isArray(answeredIds) && answeredIds.length > 0) return undefined;
  const specifiers = Array.isArray(record.specifiers) ? (record.specifiers as SpecifierInput[]) : [];
  const ids = specifiers.map((s) => (Object.keys(s).length === 1 && typeof s.product_id === "string" ? canonicalId(s.product_id) : undefined));
  if (ids.length === 0 || ids.some((i) => i === undefined)) return undefined;
  const mine = new Set(declared.map((i) => canonicalId(i)));
  const theirs = new Set(ids);
  return mine.size === theirs.size && [...mine].every((i) => theirs.has(i)) ? (ids as string[]) : undefined;
}

const clearList = { send: null } as const;

export const applicableProductIdsField = {
  schema: z.array(id).optional(),
  wire: "applicable_product_ids",
  change: "edit",
  canonical: (v) => canonicalSet(v, canonicalId),
  read: (record, prior) => productIdsAnsweredAsSpecifiers(record, prior) ?? record.applicable_product_ids,
  clear: clearList,
} satisfies Field;

export const applicableProductTagsField = {
  schema: z.array(text).optional(),
  wire: "applicable_product_tags",
  change: "edit",
  canonical: (v) => canonicalSet(v),
  clear: clearList,
} satisfies Field;

export const specifiersField = {
  schema: z.array(specifierSchema).optional(),
  wire: "specifiers",
  change: "edit",
  canonical: canonicalSpecifiers,
  toWire: (v: SpecifierInputs[]) => v.map(specifierToWire),
  read: (record, prior) => {
    if (productIdsAnsweredAsSpecifiers(record, prior) !== undefined || !Array.isArray(record.specifiers)) return undefined;
    return (record.specifiers as SpecifierInput[]).map((s) =>
      compact({
        productId: s.product_id,
        productTags: s.product_tags,
        pricingGroupValues: s.pricing_group_values,
        presentationGroupValues: s.presentation_group_values,
      }),
    );
  },
  clear: clearList,
} satisfies Field;
