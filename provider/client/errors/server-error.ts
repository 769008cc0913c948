import { MetronomeApiError, statusSummary, type ApiErrorDetails } from "./metronome-api-error";

/**
 * 5xx. On a write, `mayHaveApplied` is true: Metronome has answered 504 after
 * applying a change, so the caller must check before trying again.
 */
export class ServerError extends MetronomeApiError {
  override readonly name = "ServerError" as const;
  declare readonly status: number;

  constructor(details: ApiErrorDetails & { status: number }) {
    super(statusSummary(details, "Server Error"), details);
  }
}
