import { MetronomeApiError, statusSummary, type ApiErrorDetails } from "./metronome-api-error";

/** 422 not about a uniqueness key: well-formed, but Metronome will not do it. */
export class UnprocessableError extends MetronomeApiError {
  override readonly name = "UnprocessableError" as const;
  declare readonly status: 422;

  constructor(details: ApiErrorDetails) {
    super(statusSummary(details, "Unprocessable Entity"), { ...details, status: 422, mayHaveApplied: false });
  }
}
