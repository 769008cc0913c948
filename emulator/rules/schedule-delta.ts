// Schedule edits as deltas by schedule-item id: `add_schedule_items`,
// `update_schedule_items`, `remove_schedule_items`. Updates apply first,
// then removals, then additions; an id both updated and removed is refused,
// and so is an id the record does not have.

import { badRequest } from "../errors";
import { requireTimestamp } from "../time";
import { type Body, isPresent, requireArray, requireNumber, requireObject, requireString } from "./fields";
import { checkRange, parseAccessItem } from "./schedules";
import type { AccessItem } from "../model";

export interface Delta {
  add: unknown[];
  update: Body[];
  remove: string[];
}

export function readDelta(raw: Body, schedule: string): Delta {
  const list = (key: string): unknown[] => (isPresent(raw[key]) ? requireArray(raw[key], `${schedule}.${key}`) : []);
  const update = list("update_schedule_items").map((u, i) => {
    const obj = requireObject(u, `${schedule}.update_schedule_items[${i}]`);
    requireString(obj.id, `${schedule}.update_schedule_items[${i}].id`);
    return obj;
  });
  const remove = list("remove_schedule_items").map((r, i) => {
    const f = `${schedule}.remove_schedule_items[${i}]`;
    return requireString(requireObject(r, f).id, `${f}.id`);
  });
  for (const u of update) {
    if (remove.includes(u.id as string)) {
      throw badRequest(`${schedule}: schedule item ${String(u.id)} cannot be both updated and removed`);
    }
  }
  return { add: list("add_schedule_items"), update, remove };
}

/**
 * Applies an `access_schedule` delta to a copy of a record's access items
 * and returns the new list. An item applied to a finalized invoice cannot be
 * removed (void the invoice first).
 */
export function editAccessItems(items: AccessItem[], raw: Body, what: "commit" | "credit"): AccessItem[] {
  const s = "access_schedule";
  const delta = readDelta(raw, s);
  delta.update.forEach((u, i) => {
    const f = `${s}.update_schedule_items[${i}]`;
    const item = items.find((it) => it.id === u.id);
    if (!item) throw badRequest(`${f}.id ${String(u.id)}: schedule item not found on this ${what}`);
    if (isPresent(u.amount)) item.amount = requireNumber(u.amount, `${f}.amount`, { min: 0 });
    if (isPresent(u.starting_at)) item.starting_at = requireTimestamp(u.starting_at, `${f}.starting_at`);
    if (isPresent(u.ending_before)) item.ending_before = requireTimestamp(u.ending_before, `${f}.ending_before`);
    checkRange(item.starting_at, item.ending_before, f);
  });
  delta.remove.forEach((id, i) => {
    const f = `${s}.remove_schedule_items[${i}].id`;
    const item = items.find((it) => it.id === id);
    if (!item) throw badRequest(`${f} ${id}: schedule item not found on this ${what}`);
    if (item.on_finalized_invoice) {
      throw badRequest(`${f} ${id}: this access schedule item was applied to a finalized invoice; void the invoice first`);
    }
  });
  const added = delta.add.map((a, i) => parseAccessItem(a, `${s}.add_schedule_items[${i}]`));
  return items.filter((it) => !delta.remove.includes(it.id)).concat(added);
}
