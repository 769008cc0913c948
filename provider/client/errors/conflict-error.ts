import { MetronomeApiError, statusSummary, type ApiErrorDetails } from "./metronome-api-error";

// Metronome words the duplicate-key refusal as "This uniqueness key has already
// been used." (409) on commit create, and "Uniqueness key already exists: <key>"
// (422) on contract edits. Either spelling, with a space, underscore or hyphen.
const UNIQUENESS_KEY = /uniqueness[\s_-]?key/i;

/** True when Metronome's message says a uniqueness key is already taken. */
export function mentionsUniquenessKey(message: string | undefined): boolean {
  return message !== undefined && UNIQUENESS_KEY.test(message);
}

/**
 * 409, or a 422 about a uniqueness key: the request clashes with existing
 * state. For a create that usually means the commit already exists, and the
 * caller should look it up and adopt it rather than create another.
 */
export class ConflictError extends MetronomeApiError {
  override readonly name = "ConflictError" as const;
  declare readonly status: 409 | 422;
  /**
   * The clash is a reused `uniqueness_key` (as opposed to, say, an
   * `Idempotency-Key` reused with different parameters).
   */
  readonly isUniquenessKeyConflict: boolean;

  constructor(details: ApiErrorDetails & { status: 409 | 422 }) {
    super(statusSummary(details, "Conflict"), { ...details, mayHaveApplied: false });
    this.isUniquenessKeyConflict = mentionsUniquenessKey(details.apiMessage);
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), isUniquenessKeyConflict: this.isUniquenessKeyConflict };
  }
}
