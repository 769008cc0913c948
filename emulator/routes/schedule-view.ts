// Read-back pieces commits and credits share: the credit type as
// `{id, name}`, access items sorted by start with their server ids, and the
// balance and ledger a record has without metered usage.

import type { AccessItem, State } from "../model";

export function creditTypeRef(state: State, id: string): { id: string; name: string } {
  const found = state.creditTypes.find((c) => c.id === id);
  return { id, name: found?.name ?? id };
}

export const byTime = <T>(key: (x: T) => string) => (a: T, b: T): number => Date.parse(key(a)) - Date.parse(key(b));

export function renderAccessItems(items: AccessItem[]): Array<Omit<AccessItem, "on_finalized_invoice">> {
  return items
    .slice()
    .sort(byTime((i) => i.starting_at))
    .map(({ id, amount, starting_at, ending_before }) => ({ id, amount, starting_at, ending_before }));
}

/**
 * No usage is metered in the emulator, so the balance is what the access
 * segments make available now: the amounts of the segments covering the
 * current instant. An archived record has balance 0 (Metronome docs).
 */
export function accessBalance(items: AccessItem[], archived: boolean, now: number): number {
  if (archived) return 0;
  return items
    .filter((i) => Date.parse(i.starting_at) <= now && now < Date.parse(i.ending_before))
    .reduce((sum, i) => sum + i.amount, 0);
}

/** One opening entry of `type` per access segment that has started; nothing else happens without usage. */
export function openingLedger(items: AccessItem[], type: string, now: number): Array<Record<string, unknown>> {
  return items
    .filter((i) => Date.parse(i.starting_at) <= now)
    .sort(byTime((i) => i.starting_at))
    .map((i) => ({ type, amount: i.amount, segment_id: i.id, timestamp: i.starting_at }));
}
