import { formatAmount, sumAmounts } from "../core";
import type { Outputs } from "./state";

/**
 * What a reviewer must not miss in a plan: replacing a commit creates a second
 * one (Metronome cannot change these fields in place) and removes the old one
 * per its `onDelete`. Built from the old outputs, which hold the commit as it
 * stands.
 */
export function replacementWarning(noun: string, id: string, olds: Outputs, replaces: string[]): string {
  const access = olds.accessSchedule as { creditTypeId?: string; scheduleItems?: Array<{ amount?: unknown }> } | undefined;
  const amounts = (access?.scheduleItems ?? []).map((item) => item.amount);
  const sum = amounts.every((a): a is number => typeof a === "number") ? sumAmounts(amounts) : undefined;
  const total = sum === undefined ? "an unknown amount" : formatAmount(sum, access?.creditTypeId);
  const name = typeof olds.name === "string" ? ` "${olds.name}"` : "";
  const fate =
    olds.onDelete === "forget"
      ? `left live in Metronome (onDelete: forget), so both ${noun}s will draw down${noun === "commit" ? " and bill" : ""}`
      : olds.onDelete === "endAccess"
        ? "ended at the next whole hour (onDelete: endAccess)"
        : "archived (onDelete: archive)";
  // A derived key changes because the other fields did: name the cause.
  const causes = replaces.length > 1 ? replaces.filter((p) => p !== "uniquenessKey") : replaces;
  return (
    `${noun} ${id}${name} (${total} of access, customer ${String(olds.customerId)}) will be REPLACED because ` +
    `${causes.join(", ")} cannot change in place: a new ${noun} is created, then this one is ${fate}.`
  );
}
