// `v2/contracts/credits/edit` applied to a copy of a credit: the fields it
// shares with a commit edit, with the same meaning, and access-schedule
// deltas (a credit has no invoice schedule or invoice contract). The
// credit's invariants are checked on the copy; a refused edit changes nothing.

import { type Body, isPresent, requireObject } from "./fields";
import { checkCreditInvariants } from "./invariants";
import { editOwnFields, editTargets, type EditMode } from "./edit-fields";
import { editAccessItems } from "./schedule-delta";
import type { CreditRecord, State } from "../model";

export function applyCreditEdit(state: State, original: CreditRecord, body: Body, mode: EditMode): CreditRecord {
  const c = structuredClone(original);
  editOwnFields(state, c, body, mode, "credit");
  editTargets(state, c, body);
  if (isPresent(body.access_schedule)) {
    c.access_schedule.schedule_items = editAccessItems(
      c.access_schedule.schedule_items,
      requireObject(body.access_schedule, "access_schedule"),
      "credit",
    );
  }
  checkCreditInvariants(c);
  return c;
}
