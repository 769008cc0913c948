// The resource's outputs: every canonical input, plus what only Metronome
// knows. Schedule items carry their server `id` (edits are made by item id,
// docs/metronome-api.md); `createdAt` and `archivedAt` are the commit's own
// timestamps; `hierarchyConfiguration` is shown when Metronome holds one. Outputs are what `diff`, `update` and `delete` receive as
// "olds", so edit planning and replace detection read them.

import type {
  AccessScheduleInputs,
  AccessScheduleItemInputs,
  CustomerCommitInputs,
  CustomerCreditInputs,
  InvoiceScheduleInputs,
  InvoiceScheduleItemInputs,
} from "./inputs";
import { customerCommitKind } from "./kinds/commit";
import { type Obj, isObj } from "./util";

export type AccessScheduleItemOutputs = AccessScheduleItemInputs & { id?: string };
export type InvoiceScheduleItemOutputs = InvoiceScheduleItemInputs & { id?: string };

export type CustomerCommitOutputs = Omit<CustomerCommitInputs, "accessSchedule" | "invoiceSchedule"> & {
  accessSchedule: Omit<AccessScheduleInputs, "scheduleItems"> & { scheduleItems: AccessScheduleItemOutputs[] };
  invoiceSchedule?: Omit<InvoiceScheduleInputs, "scheduleItems"> & { scheduleItems?: InvoiceScheduleItemOutputs[] };
  /** When Metronome created the commit (canonical timestamp form). */
  createdAt?: string;
  /** When the commit was archived; absent while it is live. */
  archivedAt?: string;
  /**
   * Which child contracts may draw the commit down, when one was set in
   * Metronome (its dashboard or API): no input sets it and no update sends
   * it, so it is shown, never changed.
   */
  hierarchyConfiguration?: HierarchyConfigurationOutput;
};

/** Which child contracts may draw a commit or credit down (set in Metronome, never sent). */
export type HierarchyConfigurationOutput = { childAccess: { contractIds?: string[]; type: string } };

/** A credit's outputs: its canonical inputs with schedule-item ids, and what Metronome holds beside them. */
export type CustomerCreditOutputs = Omit<CustomerCreditInputs, "accessSchedule"> & {
  accessSchedule: Omit<AccessScheduleInputs, "scheduleItems"> & { scheduleItems: AccessScheduleItemOutputs[] };
  hierarchyConfiguration?: HierarchyConfigurationOutput;
};

/** What the runtime adds to every kind's outputs. */
export type RuntimeOutputs = {
  /** How many in-place updates have been applied; keeps edit idempotency keys distinct. */
  revision: number;
};

/** A commit's output-only keys: never inputs. */
export const SERVER_OUTPUT_KEYS: readonly string[] = Object.keys(customerCommitKind.serverOutputs);

function withoutItemIds(schedule: unknown): unknown {
  if (!isObj(schedule) || !Array.isArray(schedule.scheduleItems)) return schedule;
  return {
    ...schedule,
    scheduleItems: schedule.scheduleItems.map((item) => {
      if (!isObj(item)) return item;
      const { id: _id, ...rest } = item;
      return rest;
    }),
  };
}

/**
 * The inputs part of outputs: schedule-item ids and the kind's server fields removed.
 * Keys that are neither (e.g. a runtime's own bookkeeping) are removed too
 * when listed in `alsoDrop`.
 */
export function outputsToInputs(outputs: Obj, alsoDrop: readonly string[] = [], kind: { serverOutputs: object } = customerCommitKind): Obj {
  const out: Obj = {};
  for (const k of Object.keys(outputs)) {
    if (k.startsWith("__") || Object.hasOwn(kind.serverOutputs, k) || (alsoDrop.length > 0 && alsoDrop.includes(k))) continue;
    out[k] = withoutItemIds(outputs[k]);
  }
  return out;
}
