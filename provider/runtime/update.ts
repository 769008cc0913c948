import type { MetronomeClient } from "../client";
import { planUpdate, type UpdatePlan } from "../core/edit-plan";
import type { DeclaredInputs } from "./create";
import { CommitGoneError, UnsupportedChangeError, UpdateIncompleteError, describe } from "./errors";
import { idempotencyKey, writeIdempotently } from "./idempotent-write";
import type { KindBinding } from "./kind-binding";
import { fetchState, isArchived, revisionOf, stateOf, type LiveRecord, type Outputs } from "./state";
import { verifyEdit } from "./verify-edit";

/**
 * Applies an in-place change to a commit or credit: the kind's edit endpoint
 * (`/v2/contracts/commits/edit`, `/v2/contracts/credits/edit`) for what it
 * can change (schedule items added, updated and removed by id) and the custom
 * fields endpoints for custom fields. What the API cannot change never gets
 * here: diff names it in `replaces`. Returns the full outputs, read back.
 *
 * The change is planned against the record as Metronome holds it now, not
 * against the state: the state can be stale (an edit made in Metronome's
 * dashboard, a schedule item removed there, an earlier update that stopped
 * half way), and a plan by schedule-item id must name items that exist.
 */
export async function updateRecord(
  binding: KindBinding,
  client: MetronomeClient,
  id: string,
  olds: Outputs,
  news: DeclaredInputs,
): Promise<Outputs> {
  const noun = binding.kind.noun;
  const live = await fetchState(binding, client, news.customerId, id, olds);
  if (live === undefined) throw new CommitGoneError(id, news.customerId, undefined, noun);
  if (isArchived(live)) throw new CommitGoneError(id, news.customerId, live.archivedAt, noun);
  return reconcile(binding, client, id, live, news, revisionOf(olds));
}

type Part = "edit" | "set" | "delete";

/**
 * Brings commit or credit `commitId`, as just read from Metronome (`live`), to
 * `desired`; returns the outputs. With nothing to send, no request is made.
 *
 * Idempotency keys: every write of this call is keyed by (commit, revision
 * `priorRevision + 1`, operation, body, attempt) and nothing else, so a write
 * resent after an ambiguous failure (timeout, lost answer) is replayed by
 * Metronome rather than applied twice, and two runs applying the same change
 * from the same state (two stacks holding one commit's state, two processes)
 * send the same keys: Metronome applies the change once. Once any write has
 * been sent, the stored `revision` becomes `priorRevision + 1`, whatever the
 * outcome: Metronome replays a stored refusal for the same key, so the next
 * run must use new keys. That is safe because the next run plans against what
 * Metronome then holds: a write that did land is not planned again.
 * Residual case: a run that could not record its revision (Metronome
 * unreadable after a failure) leaves the old revision in state, and the next
 * run sends the same keys for the same change; it then gets Metronome's stored
 * answer (an applied write is replayed as applied, which is right; a stored
 * refusal is replayed until Metronome forgets it, 24 hours or more).
 */
export async function reconcile(
  binding: KindBinding,
  client: MetronomeClient,
  commitId: string,
  live: LiveRecord,
  desired: DeclaredInputs,
  priorRevision: number,
): Promise<Outputs> {
  const { kind } = binding;
  const customerId = desired.customerId;
  const current = live.outputs;
  const revision = priorRevision + 1;
  const plan = planUpdate(current, desired, kind);
  if (plan.unsupported !== undefined && plan.unsupported.length > 0) throw new UnsupportedChangeError(commitId, plan.unsupported, kind.noun);
  const ref = `${kind.noun} ${commitId}`;

  const stillPlanned = async (part: Part): Promise<boolean> => {
    const now = await fetchState(binding, client, customerId, commitId, current);
    if (now === undefined) return false;
    const again = planUpdate(now.outputs, desired, kind);
    if (part === "edit") return again.edit !== undefined;
    if (part === "set") return again.setCustomFields !== undefined;
    return again.deleteCustomFieldKeys !== undefined;
  };

  const writes = plannedWrites(binding, client, commitId, customerId, plan, revision);
  const applied: string[] = [];
  for (const write of writes) {
    try {
      await writeIdempotently(write.label, ref, write.send, async () => !(await stillPlanned(write.part)));
      applied.push(write.label);
    } catch (error) {
      const now = await fetchState(binding, client, customerId, commitId, { ...desired, revision }).catch(() => undefined);
      if (now === undefined) throw error;
      throw new UpdateIncompleteError(commitId, now.outputs, applied, error, kind.noun);
    }
  }

  // Nothing sent (e.g. only `onDelete` changed): the live read is the state.
  if (writes.length === 0) return stateOf(binding, live.record, { ...desired, revision: priorRevision }).outputs;

  let state;
  try {
    state = await fetchState(binding, client, customerId, commitId, { ...desired, revision });
  } catch (error) {
    throw new Error(
      `${kind.noun === "credit" ? "Credit" : "Commit"} ${commitId} was updated (${applied.join(", ")}) but could not be read back (${describe(error)}). ` +
        "Run `pulumi refresh`, or `pulumi up` again: the update is planned against what Metronome holds, so nothing is applied twice.",
      { cause: error },
    );
  }
  if (state === undefined) throw new CommitGoneError(commitId, customerId, undefined, kind.noun);
  verifyEdit(binding, commitId, state, desired, applied);
  return state.outputs;
}

interface PlannedWrite {
  part: Part;
  label: string;
  send: (attempt: number) => Promise<unknown>;
}

function plannedWrites(
  binding: KindBinding,
  client: MetronomeClient,
  commitId: string,
  customerId: string,
  plan: UpdatePlan,
  revision: number,
): PlannedWrite[] {
  const writes: PlannedWrite[] = [];
  const keyed = (operation: string, body: unknown) => (attempt: number) => ({
    idempotencyKey: idempotencyKey(commitId, revision, operation, body, attempt),
  });
  if (plan.edit !== undefined) {
    const body = { ...plan.edit, customer_id: customerId, [binding.kind.api.idField]: commitId };
    const key = keyed("edit", body);
    writes.push({ part: "edit", label: "edit", send: (n) => binding.endpoints(client).edit(body, key(n)) });
  }
  if (plan.setCustomFields !== undefined) {
    const body = { entity: binding.kind.api.customFieldEntity, entity_id: commitId, custom_fields: plan.setCustomFields };
    const key = keyed("setCustomFields", body);
    writes.push({ part: "set", label: "custom field update", send: (n) => client.customFields.setValues(body, key(n)) });
  }
  if (plan.deleteCustomFieldKeys !== undefined) {
    const body = { entity: binding.kind.api.customFieldEntity, entity_id: commitId, keys: plan.deleteCustomFieldKeys };
    const key = keyed("deleteCustomFields", body);
    writes.push({ part: "delete", label: "custom field removal", send: (n) => client.customFields.deleteValues(body, key(n)) });
  }
  return writes;
}
