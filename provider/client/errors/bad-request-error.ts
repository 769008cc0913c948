import { MetronomeApiError, statusSummary, type ApiErrorDetails } from "./metronome-api-error";

/** 400: the request failed Metronome's validation; sending it again cannot help. */
export class BadRequestError extends MetronomeApiError {
  override readonly name = "BadRequestError" as const;
  declare readonly status: 400;

  constructor(details: ApiErrorDetails) {
    super(statusSummary(details, "Bad Request"), { ...details, status: 400, mayHaveApplied: false });
  }
}
