import { createHash } from "node:crypto";
import { ServerError } from "../client";
import { AmbiguousWriteError } from "./errors";
import { mayHaveApplied } from "./ambiguity";

const ATTEMPTS = 3;
const BACKOFF_MS = 250;

/**
 * The Idempotency-Key of one attempt of a write: derived from the commit, the
 * resource's update revision, the intended change and the attempt number
 * only, with nothing random. Two runs (two stacks, two processes) applying
 * the same change from the same state therefore send the same key, and
 * Metronome applies the change once and replays its answer to the other.
 */
export function idempotencyKey(commitId: string, revision: number, operation: string, change: unknown, attempt: number): string {
  const digest = createHash("sha256").update(JSON.stringify([commitId, revision, operation, change, attempt])).digest("hex");
  return `pulumi-metronome:${operation}:${digest.slice(0, 40)}`;
}

/**
 * Sends a keyed write (`send(attempt)` sends attempt `attempt`, keyed by
 * `idempotencyKey(..., attempt)`). When it fails in a way that may have
 * applied it (a timeout, a lost response, a 5xx), asks `isDone` whether
 * Metronome already shows the effect; if not, sends it again. Any other
 * failure (a refusal) is thrown as is.
 *
 * Metronome stores the answer to a key, a 5xx included, and replays it for
 * the same key (docs/metronome-api.md); its advice after a 5xx is to check that the
 * effect is absent and retry with a new key. So a 5xx moves to the next
 * attempt's key, once the read shows nothing applied. A timeout or a lost
 * connection keeps the key: the request may still be in flight, and the same
 * key makes Metronome apply it at most once. Concurrent runs walk the same
 * key sequence, so they stay deduplicated attempt by attempt.
 *
 * Residual case: a refusal (4xx) is stored too. A later run that sends the
 * same change from the same revision (a removal retried after the user fixed
 * the cause in Metronome, say, since a removal stores no revision) gets the
 * stored refusal again for as long as Metronome keeps it (24 hours or more).
 * An update that sent anything moves its revision on, so its next run uses
 * new keys.
 */
export async function writeIdempotently(
  operation: string,
  commitRef: string,
  send: (attempt: number) => Promise<unknown>,
  isDone: () => Promise<boolean>,
): Promise<void> {
  let lastError: unknown;
  let keyAttempt = 1;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    try {
      await send(keyAttempt);
      return;
    } catch (error) {
      if (!mayHaveApplied(error)) throw error;
      lastError = error;
    }
    const done = await isDone().catch(() => undefined);
    if (done === true) return;
    // The read shows nothing applied: after a stored 5xx, a new key. When the
    // read failed too, nothing is known, and the key stays.
    if (done === false && lastError instanceof ServerError) keyAttempt++;
    await new Promise((resolve) => setTimeout(resolve, BACKOFF_MS * attempt));
  }
  throw new AmbiguousWriteError(operation, commitRef, lastError);
}
