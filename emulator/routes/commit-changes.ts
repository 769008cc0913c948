// Changes to an existing customer commit: updateEndDate (v1), edit and
// archive (v2). Each finds the commit through the customer it belongs to
// (an unknown one is answered with the status its spec declares),
// refuses to touch an archived commit (archive itself is idempotent), and
// only stores a change after the whole of it has been validated.

import { badRequest, notFound } from "../errors";
import { requireTimestamp } from "../time";
import { isPresent, requireUuid, type Body } from "../rules/fields";
import { applyEdit } from "../rules/commit-edit";
import { checkCommitInvariants } from "../rules/invariants";
import { endAccessBefore } from "../rules/end-date";
import type { CommitRecord, State } from "../model";
import type { Route } from "./types";

/** Whether any invoice this commit is on (its own, or a usage invoice) is finalized. */
export function hasFinalizedInvoices(c: CommitRecord): boolean {
  return (
    (c.invoice_schedule?.schedule_items.some((i) => i.invoice_id) ?? false) ||
    c.access_schedule.schedule_items.some((i) => i.on_finalized_invoice)
  );
}

/**
 * How a route answers a request about a customer or commit that does not
 * exist, as its spec declares: `updateEndDate` declares 400 and 404, `edit`
 * and `archive` declare only a 400 (`code` CustomerNotFound).
 */
interface Unknown {
  customer: 400 | 404;
  commit: 400 | 404;
}

function findCommit(state: State, body: Body, unknown: Unknown): CommitRecord {
  const customerId = requireUuid(body.customer_id, "customer_id");
  const commitId = requireUuid(body.commit_id, "commit_id");
  if (!state.customers[customerId]) {
    const message = `customer_id ${customerId}: customer not found`;
    throw unknown.customer === 400 ? badRequest(message, "CustomerNotFound") : notFound(message, "CustomerNotFound");
  }
  const commit = state.commits[commitId];
  if (!commit || commit.customer_id !== customerId) {
    const message = `commit_id ${commitId}: commit not found for customer ${customerId}`;
    throw unknown.commit === 400 ? badRequest(message) : notFound(message);
  }
  return commit;
}

function refuseArchived(c: CommitRecord): void {
  if (c.archived_at) throw badRequest(`commit_id ${c.id}: archived commits cannot be edited`);
}

const updateEndDate: Route = {
  method: "POST",
  path: "/v1/contracts/customerCommits/updateEndDate",
  handler: ({ body, store, ignoreUnsourced }) => {
    const original = findCommit(store.state, body, { customer: 404, commit: 404 });
    refuseArchived(original);
    if (original.type !== "PREPAID") throw badRequest("updateEndDate only supports PREPAID commits");
    const accessEnd = isPresent(body.access_ending_before)
      ? requireTimestamp(body.access_ending_before, "access_ending_before")
      : undefined;
    const invoicesEnd = isPresent(body.invoices_ending_before)
      ? requireTimestamp(body.invoices_ending_before, "invoices_ending_before")
      : undefined;
    // Both dates are optional in the spec, and each one left out leaves its
    // schedule untouched: with neither, nothing changes.
    const c = structuredClone(original);

    if (accessEnd) {
      const items = endAccessBefore(c.access_schedule.schedule_items, accessEnd, "commit", ignoreUnsourced);
      if (items === undefined) return { body: { data: { id: c.id } } };
      c.access_schedule.schedule_items = items;
    }

    if (invoicesEnd && c.invoice_schedule) {
      const cut = Date.parse(invoicesEnd);
      const dropped = c.invoice_schedule.schedule_items.filter((i) => Date.parse(i.timestamp) >= cut);
      if (dropped.some((i) => i.invoice_id)) {
        throw badRequest("invoices_ending_before would remove an invoice schedule item on a finalized invoice");
      }
      c.invoice_schedule.schedule_items = c.invoice_schedule.schedule_items.filter((i) => Date.parse(i.timestamp) < cut);
    }

    checkCommitInvariants(c);
    store.state.commits[c.id] = c;
    return { body: { data: { id: c.id } } };
  },
};

const edit: Route = {
  method: "POST",
  path: "/v2/contracts/commits/edit",
  handler: ({ body, store, ignoreUnsourced }) => {
    const original = findCommit(store.state, body, { customer: 400, commit: 400 });
    refuseArchived(original);
    const edited = applyEdit(store.state, original, body, { ignoreUnsourced });
    store.state.commits[edited.id] = edited;
    return { body: { data: { id: edited.id } } };
  },
};

const archive: Route = {
  method: "POST",
  path: "/v2/contracts/commits/archive",
  handler: ({ body, store, now }) => {
    const commit = findCommit(store.state, body, { customer: 400, commit: 400 });
    // No source says what archiving an archived commit answers: the harder
    // reading for a client is a refusal (the first archived_at is kept).
    if (commit.archived_at) throw badRequest(`commit_id ${commit.id}: the commit is already archived`);
    if (hasFinalizedInvoices(commit)) {
      throw badRequest(
        `commit_id ${commit.id}: this commit cannot be archived while it is on finalized invoices; void those invoices first`,
      );
    }
    commit.archived_at = new Date(now).toISOString();
    return { body: { data: { id: commit.id } } };
  },
};

export const commitChangeRoutes: Route[] = [updateEndDate, edit, archive];
