// The emulator's own control surface under /_emulator/ (never a Metronome
// path, no token needed): faults, the request log, health, and the
// finalize-invoices hook tests use to reach Metronome's refusals that depend
// on finalized invoices (of a commit or of a credit).

import { randomUUID } from "node:crypto";
import { ApiError, badRequest, notFound } from "../errors";
import { parseFault, type FaultQueue } from "../faults";
import type { RequestLog } from "../request-log";
import type { Store } from "../store";
import { isPresent, requireObject, requireUuid, type Body } from "../rules/fields";

export interface ControlDeps {
  store: Store;
  faults: FaultQueue;
  log: RequestLog;
}

export interface ControlResult {
  status: number;
  body: unknown;
  mutated?: boolean;
}

export function handleControl(method: string, path: string, body: Body, deps: ControlDeps): ControlResult {
  const key = `${method} ${path}`;
  switch (key) {
    case "GET /_emulator/health":
      return { status: 200, body: { status: "ok" } };
    case "POST /_emulator/faults": {
      const fault = parseFault(requireObject(body, "body"));
      deps.faults.arm(fault);
      return { status: 200, body: { data: fault } };
    }
    case "GET /_emulator/faults":
      return { status: 200, body: { data: deps.faults.list() } };
    case "DELETE /_emulator/faults":
      return { status: 200, body: { data: { disarmed: deps.faults.clear() } } };
    case "GET /_emulator/requests":
      return { status: 200, body: { data: deps.log.list() } };
    case "DELETE /_emulator/requests":
      deps.log.clear();
      return { status: 200, body: { data: {} } };
    case "POST /_emulator/finalize-invoices":
      return { status: 200, body: finalizeInvoices(deps.store, body), mutated: true };
    default:
      throw new ApiError(404, `no emulator control endpoint ${key}`);
  }
}

/**
 * `{ commit_id }`: marks every invoice-schedule item of the commit as on a
 * finalized invoice (each gets an invoice_id), and every access item as
 * applied to a finalized usage invoice: the simplest state in which
 * Metronome's "void the invoice first" refusals apply (README "The
 * emulator's own machinery"). `{ credit_id }`: a credit has no invoices of
 * its own, so only its access items are marked.
 */
function finalizeInvoices(store: Store, body: Body): unknown {
  if (isPresent(body.commit_id) === isPresent(body.credit_id)) {
    throw badRequest("give exactly one of commit_id or credit_id");
  }
  if (isPresent(body.credit_id)) {
    const creditId = requireUuid(body.credit_id, "credit_id");
    const credit = store.state.credits[creditId];
    if (!credit) throw notFound(`credit_id ${creditId}: credit not found`);
    for (const item of credit.access_schedule.schedule_items) item.on_finalized_invoice = true;
    return { data: { id: credit.id, invoice_ids: [] } };
  }
  const commitId = requireUuid(body.commit_id, "commit_id");
  const commit = store.state.commits[commitId];
  if (!commit) throw notFound(`commit_id ${commitId}: commit not found`);
  const invoiceIds: string[] = [];
  for (const item of commit.invoice_schedule?.schedule_items ?? []) {
    item.invoice_id ??= randomUUID();
    invoiceIds.push(item.invoice_id);
  }
  for (const item of commit.access_schedule.schedule_items) item.on_finalized_invoice = true;
  return { data: { id: commit.id, invoice_ids: invoiceIds } };
}
