// Changes to an existing customer credit: updateEndDate (v1), edit and
// archive (v2), each with the statuses its spec path declares (the same as
// the commit paths of the same name), refusing to touch an archived credit
// and storing a change only once the whole of it has been validated.

import { badRequest, notFound } from "../errors";
import { requireTimestamp } from "../time";
import { isPresent, requireUuid, type Body } from "../rules/fields";
import { applyCreditEdit } from "../rules/credit-edit";
import { endAccessBefore } from "../rules/end-date";
import { checkCreditInvariants } from "../rules/invariants";
import type { CreditRecord, State } from "../model";
import type { Route } from "./types";

/** `updateEndDate` declares 400 and 404; `edit` and `archive` declare only a 400 (`code` CustomerNotFound). */
type UnknownStatus = 400 | 404;

function findCredit(state: State, body: Body, unknown: UnknownStatus): CreditRecord {
  const customerId = requireUuid(body.customer_id, "customer_id");
  const creditId = requireUuid(body.credit_id, "credit_id");
  if (!state.customers[customerId]) {
    const message = `customer_id ${customerId}: customer not found`;
    throw unknown === 400 ? badRequest(message, "CustomerNotFound") : notFound(message, "CustomerNotFound");
  }
  const credit = state.credits[creditId];
  if (!credit || credit.customer_id !== customerId) {
    const message = `credit_id ${creditId}: credit not found for customer ${customerId}`;
    throw unknown === 400 ? badRequest(message) : notFound(message);
  }
  return credit;
}

function refuseArchived(c: CreditRecord): void {
  if (c.archived_at) throw badRequest(`credit_id ${c.id}: archived credits cannot be edited`);
}

const updateEndDate: Route = {
  method: "POST",
  path: "/v1/contracts/customerCredits/updateEndDate",
  handler: ({ body, store, ignoreUnsourced }) => {
    const original = findCredit(store.state, body, 404);
    refuseArchived(original);
    // Required here (UpdateCreditEndDatePayload), unlike the commit's optional dates.
    if (!isPresent(body.access_ending_before)) throw badRequest("access_ending_before is required");
    const accessEnd = requireTimestamp(body.access_ending_before, "access_ending_before");
    const items = endAccessBefore(original.access_schedule.schedule_items, accessEnd, "credit", ignoreUnsourced);
    if (items === undefined) return { body: { data: { id: original.id } } };
    const c = structuredClone(original);
    c.access_schedule.schedule_items = items;
    checkCreditInvariants(c);
    store.state.credits[c.id] = c;
    return { body: { data: { id: c.id } } };
  },
};

const edit: Route = {
  method: "POST",
  path: "/v2/contracts/credits/edit",
  handler: ({ body, store, ignoreUnsourced }) => {
    const original = findCredit(store.state, body, 400);
    refuseArchived(original);
    const edited = applyCreditEdit(store.state, original, body, { ignoreUnsourced });
    store.state.credits[edited.id] = edited;
    return { body: { data: { id: edited.id } } };
  },
};

const archive: Route = {
  method: "POST",
  path: "/v2/contracts/credits/archive",
  handler: ({ body, store, now }) => {
    const credit = findCredit(store.state, body, 400);
    // As for commits: archiving twice is refused and the first archived_at kept.
    if (credit.archived_at) throw badRequest(`credit_id ${credit.id}: the credit is already archived`);
    // The archive description: not until every finalized invoice it was applied to is voided.
    if (credit.access_schedule.schedule_items.some((i) => i.on_finalized_invoice)) {
      throw badRequest(
        `credit_id ${credit.id}: this credit cannot be archived while it is applied to finalized invoices; void those invoices first`,
      );
    }
    credit.archived_at = new Date(now).toISOString();
    return { body: { data: { id: credit.id } } };
  },
};

export const creditChangeRoutes: Route[] = [updateEndDate, edit, archive];
