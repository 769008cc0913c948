// Schedules are edited by schedule-item id, as a delta (add, update, remove):
//   1. an old item identical to a new one is left untouched;
//   2. remaining items with the same key (start, or invoice timestamp)
//      become updates of only the sub-fields that changed;
//   3. what remains is paired by position (both lists in canonical order)
//      and likewise updated;
//   4. leftovers are added (new) or removed (old).

import { type Obj, deepEqual, isObj } from "../util";

export interface Pairing<T> {
  updates: Array<[T & { id?: string }, T]>;
  adds: T[];
  removes: Array<T & { id?: string }>;
}

export function pairItems<T extends Obj>(
  olds: Array<T & { id?: string }>,
  news: T[],
  same: (a: T, b: T) => boolean,
  key: (t: T) => unknown,
): Pairing<T> {
  const oldLeft = [...olds];
  const newLeft: T[] = [];
  for (const n of news) {
    const i = oldLeft.findIndex((o) => same(o, n));
    if (i >= 0) oldLeft.splice(i, 1);
    else newLeft.push(n);
  }
  const updates: Array<[T & { id?: string }, T]> = [];
  const unmatched: T[] = [];
  for (const n of newLeft) {
    const i = oldLeft.findIndex((o) => deepEqual(key(o), key(n)));
    if (i >= 0) updates.push([oldLeft.splice(i, 1)[0] as T & { id?: string }, n]);
    else unmatched.push(n);
  }
  const adds: T[] = [];
  unmatched.forEach((n) => {
    const o = oldLeft.shift();
    if (o !== undefined) updates.push([o, n]);
    else adds.push(n);
  });
  return { updates, adds, removes: oldLeft };
}

/** The delta body, or undefined when it changes nothing. */
export function scheduleDelta<A, U, R>(add: A[], update: U[], remove: R[]) {
  if (add.length + update.length + remove.length === 0) return undefined;
  return {
    ...(add.length ? { add_schedule_items: add } : {}),
    ...(update.length ? { update_schedule_items: update } : {}),
    ...(remove.length ? { remove_schedule_items: remove } : {}),
  };
}

/** The schedule items of a canonical schedule, when it has a list of them. */
export const itemsOf = <T>(schedule: unknown): T[] | undefined =>
  isObj(schedule) && Array.isArray(schedule.scheduleItems) ? (schedule.scheduleItems as T[]) : undefined;

/** Why an item cannot be edited: state written before items carried ids. */
export const noItemId = (schedule: string): string => `an old ${schedule} item has no schedule-item id in state; refresh first`;
