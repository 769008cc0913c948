// `specifiers[]`: each entry narrows which usage the commit pays for. Every
// field is optional; a named product must exist.

import { badRequest } from "../errors";
import { isPresent, optionalStringArray, optionalStringMap, optionalUuid, requireArray, requireObject } from "./fields";
import type { Specifier, State } from "../model";

export function parseSpecifiers(state: State, raw: unknown, field: string): Specifier[] | undefined {
  if (!isPresent(raw)) return undefined;
  return requireArray(raw, field).map((entry, i) => {
    const f = `${field}[${i}]`;
    const obj = requireObject(entry, f);
    const spec: Specifier = {};
    const productId = optionalUuid(obj.product_id, `${f}.product_id`);
    if (productId) {
      if (!state.products[productId]) throw badRequest(`${f}.product_id ${productId}: product not found`, "ProductNotFound");
      spec.product_id = productId;
    }
    const tags = optionalStringArray(obj.product_tags, `${f}.product_tags`);
    if (tags) spec.product_tags = tags;
    const pricing = optionalStringMap(obj.pricing_group_values, `${f}.pricing_group_values`);
    if (pricing) spec.pricing_group_values = pricing;
    const presentation = optionalStringMap(obj.presentation_group_values, `${f}.presentation_group_values`);
    if (presentation) spec.presentation_group_values = presentation;
    return spec;
  });
}
