// The access schedule: how much a commit or credit grants, and when. Shared
// by every kind. Items are edited in place by schedule-item id; the credit
// type is fixed at creation.

import { z } from "zod";
import { USD_CENTS_CREDIT_TYPE_ID } from "../../api/wire";
import type { AccessScheduleItemInput } from "../../api/wire";
import { canonicalId, sortedGiven, sortedItems } from "../canonical-values";
import type { AccessScheduleInputs, AccessScheduleItemInputs } from "../inputs";
import type { Field } from "../kind/field";
import { canonicalTimestamp } from "../timestamps";
import { type Obj, compact, isObj } from "../util";
import { id, timestamp } from "./values";
import { itemsOf, noItemId, pairItems, scheduleDelta } from "./schedule-delta";

export const accessScheduleItemSchema = z.strictObject({
  amount: z.number(),
  startingAt: timestamp,
  endingBefore: timestamp,
});

export const accessScheduleSchema = z.strictObject({
  creditTypeId: id.optional(),
  scheduleItems: z.array(accessScheduleItemSchema).min(1, "must have at least one schedule item"),
});

function canonicalAccessItem(item: Obj): Obj {
  return sortedGiven({
    ...item,
    startingAt: canonicalTimestamp(item.startingAt),
    endingBefore: canonicalTimestamp(item.endingBefore),
  });
}

/** Credit type filled (USD cents), items in canonical form sorted by start. */
export function canonicalAccessSchedule(s: unknown): unknown {
  if (!isObj(s)) return s;
  return sortedGiven({
    ...s,
    creditTypeId: canonicalId(s.creditTypeId ?? USD_CENTS_CREDIT_TYPE_ID),
    // Kept even when empty: an empty list is a validation failure, not "absent".
    scheduleItems: Array.isArray(s.scheduleItems) ? (sortedItems(s.scheduleItems, canonicalAccessItem, "startingAt") ?? []) : s.scheduleItems,
  });
}

export const accessItemToWire = (i: AccessScheduleItemInputs): AccessScheduleItemInput => ({
  amount: i.amount,
  starting_at: i.startingAt,
  ending_before: i.endingBefore,
});

interface WireAccessSchedule {
  credit_type?: { id: string };
  schedule_items: Array<{ id: string; amount: number; starting_at: string; ending_before: string }>;
}

type AccessItem = AccessScheduleItemInputs & { id?: string };

const sameAccess = (a: AccessItem, b: AccessItem): boolean =>
  a.amount === b.amount && a.startingAt === b.startingAt && a.endingBefore === b.endingBefore;

export const accessScheduleField = {
  schema: accessScheduleSchema,
  wire: "access_schedule",
  change: "edit",
  canonical: canonicalAccessSchedule,
  toWire: (s: AccessScheduleInputs) => compact({ credit_type_id: s.creditTypeId, schedule_items: s.scheduleItems.map(accessItemToWire) }),
  read: (record, prior) => {
    const s = record.access_schedule as WireAccessSchedule | undefined;
    if (s === undefined) return prior.accessSchedule;
    return {
      creditTypeId: s.credit_type?.id ?? USD_CENTS_CREDIT_TYPE_ID,
      scheduleItems: s.schedule_items.map((i) => ({ id: i.id, amount: i.amount, startingAt: i.starting_at, endingBefore: i.ending_before })),
    };
  },
  edit: (old, next, ctx) => {
    const olds = itemsOf<AccessItem>(old);
    const news = itemsOf<AccessItem>(next);
    if (olds === undefined || news === undefined) return;
    const { updates, adds, removes } = pairItems(olds, news, sameAccess, (i) => i.startingAt);
    const update: Array<{ id: string; amount?: number; starting_at?: string; ending_before?: string }> = [];
    const remove: Array<{ id: string }> = [];
    for (const [o, n] of updates) {
      if (o.id === undefined) {
        ctx.unsupported.push({ property: "accessSchedule.scheduleItems", reason: noItemId("access") });
        continue;
      }
      update.push({
        id: o.id,
        ...(o.amount !== n.amount ? { amount: n.amount } : {}),
        ...(o.startingAt !== n.startingAt ? { starting_at: n.startingAt } : {}),
        ...(o.endingBefore !== n.endingBefore ? { ending_before: n.endingBefore } : {}),
      });
    }
    for (const o of removes) {
      if (o.id === undefined) ctx.unsupported.push({ property: "accessSchedule.scheduleItems", reason: noItemId("access") });
      else remove.push({ id: o.id });
    }
    const delta = scheduleDelta(adds.map(accessItemToWire), update, remove);
    if (delta) ctx.edit.access_schedule = delta;
  },
  fixed: ["creditTypeId"],
  replace: {
    what: "accessSchedule.creditTypeId",
    why: "the edit endpoint cannot change a schedule's credit type",
    review: "the access credit type",
  },
} satisfies Field;
