import { createHash } from "node:crypto";
import { AmbiguousWriteError } from "./errors";
import { mayHaveApplied } from "./ambiguity";

const ATTEMPTS = 3;
const BACKOFF_MS = 250;

/**
 * An Idempotency-Key for a write, derived from the commit, the resource's
 * update revision and the intended change (callers add a per-call random
 * value to it), so a resend of the same write within one provider call
 * replays Metronome's stored answer instead of applying twice, while a later
 * call never meets an answer stored for an earlier one (Metronome replays
 * stored refusals and 5xx answers too).
 */
export function idempotencyKey(commitId: string, revision: number, operation: string, change: unknown): string {
  const digest = createHash("sha256").update(JSON.stringify([commitId, revision, operation, change])).digest("hex");
  return `pulumi-metronome:${operation}:${digest.slice(0, 40)}`;
}

/**
 * Sends a keyed write. When it fails in a way that may have applied it (a
 * timeout, a lost response, a 5xx), asks `isDone` whether Metronome already
 * shows the effect; if not, sends the same request with the same key again.
 * Any other failure (a refusal) is thrown as is.
 */
export async function writeIdempotently(
  operation: string,
  commitRef: string,
  send: () => Promise<unknown>,
  isDone: () => Promise<boolean>,
): Promise<void> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    try {
      await send();
      return;
    } catch (error) {
      if (!mayHaveApplied(error)) throw error;
      lastError = error;
    }
    if (await isDone().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, BACKOFF_MS * attempt));
  }
  throw new AmbiguousWriteError(operation, commitRef, lastError);
}
