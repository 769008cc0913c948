import { BadRequestError, NotFoundError, type MetronomeClient } from "../client";
import { DeleteRefusedError } from "./errors";
import { idempotencyKey, writeIdempotently } from "./idempotent-write";
import type { KindBinding } from "./kind-binding";
import { fetchState, isArchived, revisionOf, type Outputs } from "./state";
import { verifyAccessEnded } from "./verify-edit";

export type OnDelete = "archive" | "endAccess" | "forget";

/**
 * What removing the resource does to the commit or credit, as chosen by its `onDelete`
 * input (stored with the resource, so it applies even after the declaration
 * is gone):
 *   - "archive" (default): the kind's archive endpoint (`/v2/contracts/commits/archive`, `.../credits/archive`);
 *   - "endAccess": end access now (and a commit's future invoices; PREPAID
 *     commits only), keeping the record and its history;
 *   - "forget": leave it untouched in Metronome and drop it from state.
 */
export async function deleteRecord(binding: KindBinding, client: MetronomeClient, commitId: string, props: Outputs): Promise<void> {
  const policy = (props.onDelete ?? "archive") as OnDelete;
  if (policy === "forget") return;
  const customerId = props.customerId as string;
  // Keys are derived from the commit, its revision and the body only
  // (idempotent-write.ts), so two runs removing the same commit are one
  // removal to Metronome. Both writes are safe to repeat anyway: the provider
  // checks for their effect before sending again. A delete stores nothing, so
  // a removal Metronome refused (finalized invoices) and retried after the
  // cause is fixed may get the stored refusal back while Metronome keeps it
  // (24 hours or more); the end-of-access body names the hour, so it moves on
  // each hour.
  const revision = revisionOf(props);
  if (policy === "endAccess") return endAccessNow(binding, client, customerId, commitId, props, revision);
  return archive(binding, client, customerId, commitId, props, revision);
}

async function archive(binding: KindBinding, client: MetronomeClient, customerId: string, commitId: string, props: Outputs, revision: number) {
  const noun = binding.kind.noun;
  const body = { customer_id: customerId, [binding.kind.api.idField]: commitId };
  const isGone = async () => {
    const state = await fetchState(binding, client, customerId, commitId, props);
    return state === undefined || isArchived(state);
  };
  try {
    await writeIdempotently(
      "archive",
      `${noun} ${commitId}`,
      (n) => binding.endpoints(client).archive(body as never, { idempotencyKey: idempotencyKey(commitId, revision, "archive", body, n) }),
      isGone,
    );
  } catch (error) {
    // A commit (or customer) Metronome no longer has is answered 400 by the
    // spec and 404 by some deployments; an already archived commit may be
    // refused. Each is accepted only once a read shows the commit gone: a
    // 404 from anything else (a wrong base URL) must not drop a live commit.
    if ((error instanceof NotFoundError || error instanceof BadRequestError) && (await isGone().catch(() => false))) return;
    if (error instanceof BadRequestError) throw refused(noun, commitId, customerId, reasonOf(error));
    throw error;
  }
}

async function endAccessNow(binding: KindBinding, client: MetronomeClient, customerId: string, commitId: string, props: Outputs, revision: number) {
  const noun = binding.kind.noun;
  const end = nextWholeHour(new Date());
  const body = binding.endAccessBody(customerId, commitId, end);
  const hasEnded = async () => {
    const state = await fetchState(binding, client, customerId, commitId, props);
    if (state === undefined || isArchived(state)) return true;
    const items = state.record.access_schedule?.schedule_items ?? [];
    return items.every((item) => Date.parse(item.ending_before) <= Date.parse(end));
  };
  if (await hasEnded()) return; // nothing left to end (Metronome only moves an end earlier)
  try {
    await writeIdempotently(
      "end of access",
      `${noun} ${commitId}`,
      (n) => binding.endpoints(client).updateEndDate(body as never, { idempotencyKey: idempotencyKey(commitId, revision, "endAccess", body, n) }),
      hasEnded,
    );
    await verifyAccessEnded(commitId, customerId, end, hasEnded, noun);
  } catch (error) {
    if (error instanceof BadRequestError) throw refused(noun, commitId, customerId, reasonOf(error), "endAccess");
    throw error;
  }
}

function refused(noun: string, commitId: string, customerId: string, reason: string, policy: OnDelete = "archive"): DeleteRefusedError {
  const alternatives =
    policy === "archive"
      ? `${noun === "commit" ? "Void its finalized invoices" : "Resolve what Metronome names"} in Metronome and run again, or set \`onDelete: "endAccess"\` to end access now, ` +
        'or `onDelete: "forget"` to stop managing it and leave it in Metronome (run `pulumi up` first so the new policy is stored).'
      : 'Set `onDelete: "archive"` to archive it instead (access that has not started cannot be ended), ' +
        'or `onDelete: "forget"` to stop managing it and leave it in Metronome (run `pulumi up` first so the new policy is stored).';
  return new DeleteRefusedError(
    `Metronome refused to ${policy === "archive" ? "archive" : "end access to"} ${noun} ${commitId} of customer ${customerId}: ${reason}. ${alternatives}`,
  );
}

/** Metronome's own words, without the client's "400 ... (POST /path)" wrapping. */
function reasonOf(error: BadRequestError): string {
  return (error.apiMessage ?? error.message).replace(/\.$/, "");
}

/** The next whole UTC hour after `now` (Metronome takes hour-aligned times). */
export function nextWholeHour(now: Date): string {
  const hour = 3_600_000;
  return new Date(Math.floor(now.getTime() / hour) * hour + hour).toISOString().replace(".000Z", "Z");
}
