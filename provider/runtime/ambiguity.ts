import { ConflictError } from "../client";

/** A 409 (or a 422 naming the key) that says our uniqueness key is taken. */
export function isUniquenessKeyConflict(error: unknown): boolean {
  return error instanceof ConflictError && error.isUniquenessKeyConflict;
}

/**
 * A write that may have been applied even though it failed: a timeout, a lost
 * connection, or a 5xx (Metronome has answered 504 after applying a write).
 */
export function mayHaveApplied(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { mayHaveApplied?: unknown }).mayHaveApplied === true;
}
