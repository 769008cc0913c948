import { MetronomeApiError, statusSummary, type ApiErrorDetails } from "./metronome-api-error";

/**
 * 429: Metronome refused the request without applying it. The only error on
 * which the client retries a write. Thrown once retries are exhausted.
 */
export class RateLimitedError extends MetronomeApiError {
  override readonly name = "RateLimitedError" as const;
  declare readonly status: 429;

  constructor(details: ApiErrorDetails) {
    super(statusSummary(details, "Too Many Requests"), { ...details, status: 429, mayHaveApplied: false });
  }
}
