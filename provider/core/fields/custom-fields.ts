// Custom fields: string key/value pairs on a commit or credit. The edit
// endpoints cannot touch them; they are set and removed through the
// custom-field endpoints, under the kind's own entity name.

import type { Field } from "../kind/field";
import { canonicalMap } from "../canonical-values";
import { isObj } from "../util";
import { stringMap } from "./values";

const asMap = (v: unknown): Record<string, string> => (isObj(v) ? (v as Record<string, string>) : {});

export const customFieldsField = {
  schema: stringMap.optional(),
  wire: "custom_fields",
  change: "edit",
  canonical: canonicalMap,
  edit: (old, next, ctx) => {
    const before = asMap(old);
    const after = asMap(next);
    for (const k of Object.keys(after).sort()) if (before[k] !== after[k]) ctx.customFields.set[k] = after[k] as string;
    ctx.customFields.remove.push(...Object.keys(before).filter((k) => !(k in after)).sort());
  },
} satisfies Field;
